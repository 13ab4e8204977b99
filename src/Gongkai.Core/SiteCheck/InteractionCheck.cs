using Gongkai.Core.Letters;

namespace Gongkai.Core.SiteCheck;

/// <summary>A letter as the interaction check sees it.</summary>
public sealed record LetterFacts(string Id, string Number, string Subject, DateOnly ReceivedOn, DateOnly? AnsweredOn, bool Valid);

/// <summary>
/// 互动回应差 (国办秘函〔2019〕19号 单项否决): 「未提供网上有效咨询建言渠道；监测时间点前1年内……存在超过3个月未回应有效留言的现象」.
/// A channel is a letters mailbox that is open (of the unit, or of a unit above it that takes its letters) or an external
/// column marked as one. A letter counts when it is valid and arrived in the 12 months before the check; it fails when it
/// went unanswered past its 3-month veto day (<see cref="LetterClock.VetoDay"/>): still unanswered now, or — our reading of
/// 「存在……的现象」 — answered only after that day.
/// </summary>
public static class InteractionCheck
{
    public static bool IsUnansweredPastVeto(LetterFacts letter, DateOnly today) =>
        letter.Valid && letter.ReceivedOn >= today.AddMonths(-SiteCheckRules.InteractionLookbackMonths) && letter.ReceivedOn < today
        && (letter.AnsweredOn is { } answered ? answered > LetterClock.VetoDay(letter.ReceivedOn) : LetterClock.IsPastVeto(letter.ReceivedOn, today));

    public static (VetoResult Veto, IReadOnlyList<Finding> Findings) Judge(FindingTarget unit, IReadOnlyList<string> channels, IEnumerable<LetterFacts> letters, DateOnly today)
    {
        var evidence = new List<string>();
        var findings = new List<Finding>();
        if (channels.Count == 0)
        {
            evidence.Add("未提供网上有效咨询建言渠道：本单位及其上级单位均无开放的信箱，也没有标记为咨询建言渠道的栏目。");
            findings.Add(new Finding(FindingRules.NoChannel, "没有网上咨询建言渠道", evidence[^1], unit, 0, $"{FindingRules.NoChannel}:{unit.Id}"));
        }
        else
            evidence.Add("咨询建言渠道：" + string.Join("、", channels.Select(c => $"「{c}」")));
        var late = letters.Where(l => IsUnansweredPastVeto(l, today)).OrderBy(l => l.ReceivedOn).ToList();
        foreach (var l in late)
        {
            var text = l.AnsweredOn is { } a
                ? $"信件 {l.Number}「{l.Subject}」{l.ReceivedOn:yyyy-MM-dd} 收到，{a:yyyy-MM-dd} 才答复，超过 3 个月（{LetterClock.VetoDay(l.ReceivedOn):yyyy-MM-dd} 前应答复）"
                : $"信件 {l.Number}「{l.Subject}」{l.ReceivedOn:yyyy-MM-dd} 收到，至今未答复，已超过 3 个月（{LetterClock.VetoDay(l.ReceivedOn):yyyy-MM-dd} 前应答复）";
            evidence.Add(text);
            findings.Add(new Finding(FindingRules.Unanswered, l.AnsweredOn is null ? "有效来信超过 3 个月未答复" : "有效来信超过 3 个月才答复", text,
                new FindingTarget("letter", l.Id, $"{l.Number} {l.Subject}"), 0, $"{FindingRules.Unanswered}:{l.Id}"));
        }
        if (late.Count == 0 && channels.Count > 0)
            evidence.Add($"检查日前 {SiteCheckRules.InteractionLookbackMonths} 个月内收到的有效来信均在 3 个月内答复。");
        return (new VetoResult(VetoRule.PoorInteraction, unit.Label, channels.Count > 0 && late.Count == 0, evidence), findings);
    }
}

/// <summary>A new-media account as the silence check sees it.</summary>
public sealed record AccountFacts(string Id, string Name, AccountPlatform Platform, AccountStatus Status, DateOnly? LastPostOn);

/// <summary>
/// 政务新媒体不更新 (国办秘函〔2019〕19号: 「监测时间点前2周内无更新」): a publishing account whose last post is older than 14 days
/// before the check fails; one whose last post date was never entered (nor read) fails with 「未填报最近发布日期」. Accounts
/// that only provide services or were formally closed are not judged (null).
/// </summary>
public static class AccountSilence
{
    public const string NotEntered = "未填报最近发布日期";

    public static VetoResult? Judge(AccountFacts a, DateOnly today)
    {
        if (a.Status != AccountStatus.Publishing)
            return null;
        var subject = $"{a.Platform.ChineseName()}「{a.Name}」";
        if (a.LastPostOn is not { } last)
            return new VetoResult(VetoRule.NewMediaSilent, subject, false, [$"{NotEntered}，无法证明 {SiteCheckRules.AccountSilentDays} 天内有更新。"]);
        var days = today.DayNumber - last.DayNumber;
        var passed = last >= today.AddDays(-SiteCheckRules.AccountSilentDays);
        return new VetoResult(VetoRule.NewMediaSilent, subject, passed,
            [$"最近发布 {last:yyyy-MM-dd}，距检查日 {days} 天{(passed ? "" : $"，超过 {SiteCheckRules.AccountSilentDays} 天未更新")}。"]);
    }
}
