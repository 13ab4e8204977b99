namespace Gongkai.Core.SiteCheck;

/// <summary>A website of the unit with its probes (times in Beijing time).</summary>
public sealed record SiteProbes(string Id, string Name, IReadOnlyList<Probe> Probes);

/// <summary>Everything the judge looks at for one unit, read from the records (and what the collectors stored) by the app.</summary>
/// <param name="LexiconHits">严重错误 candidates not dismissed by a person: lexicon hits (<see cref="FindingRules.Lexicon"/>) and impossible publication dates (<see cref="FindingRules.FalseDate"/>).</param>
/// <param name="Channels">The working consultation channels (open mailboxes of the unit or above it, external columns marked so).</param>
/// <param name="NewestPublishedAnswer">For a unit with its own open mailbox: the newest published answer's date (null: none); null <paramref name="HasOwnMailbox"/> false: not judged.</param>
/// <param name="Other">Findings of the other checks (解读, 指南, 目录, and the collectors': dead links, unreadable columns and feeds).</param>
public sealed record SiteFacts(
    FindingTarget Unit, DateOnly Today, FreshnessPeriods Periods, IReadOnlyList<SiteProbes> Sites, IReadOnlyList<ColumnFacts> Columns,
    IReadOnlyList<Finding> LexiconHits, IReadOnlyList<string> Channels, IReadOnlyList<LetterFacts> Letters, bool HasOwnMailbox,
    DateOnly? NewestPublishedAnswer, IReadOnlyList<AccountFacts> Accounts, IReadOnlyList<Finding> Other, BonusFacts Bonus);

/// <summary>The judge's result: the scorecard and every finding (veto failures first when ordered by urgency).</summary>
public sealed record SiteJudgement(Scorecard Card, IReadOnlyList<Finding> Findings, IReadOnlyList<ReachabilityResult> Reachability, IReadOnlyList<ColumnJudgement> Columns);

/// <summary>
/// Judges one unit (国办秘函〔2019〕19号): the veto items in the indicator's order — 站点无法访问 (one per website), 首页不更新,
/// 栏目不更新, 严重错误, 互动回应差, then 政务新媒体不更新 (one per publishing account) — then the deductions and bonuses of
/// <see cref="SiteScoring"/>. Urgency of findings: 0 a veto failure, 1 a step from one (a stale news or policy column, a
/// letter near its veto), 2 scored problems, 3 notes.
/// </summary>
public static class SiteJudge
{
    /// <summary>Our reading of 「留言答复栏目2个月未更新」: no published answer within 2 months before the check.</summary>
    public const int RecentAnswerMonths = 2;

    public static SiteJudgement Judge(SiteFacts f)
    {
        var vetoes = new List<VetoResult>();
        var findings = new List<Finding>();

        // 站点无法访问
        var reach = f.Sites.Select(s => (Site: s, Result: Reachability.Judge(s.Name, s.Probes, f.Today))).ToList();
        if (reach.Count == 0)
            vetoes.Add(new VetoResult(VetoRule.Unreachable, f.Unit.Label, true, ["未登记网站，不检查可访问性。"]));
        foreach (var (site, r) in reach)
        {
            vetoes.Add(r.Veto);
            var target = new FindingTarget("site", site.Id, site.Name);
            if (!r.Veto.Passed)
                findings.Add(new Finding(FindingRules.Unreachable, "站点无法访问（一周失败占比达到 5%）", r.Veto.Evidence[0], target, 0, $"{FindingRules.Unreachable}:{site.Id}"));
            else if (r.Insufficient)
                findings.Add(new Finding(FindingRules.Unreachable, $"可访问性{Reachability.Insufficient}", r.Veto.Evidence[^1], target, 3, $"{FindingRules.Unreachable}:{site.Id}:insufficient"));
            else if (r.Failures > 0)
                findings.Add(new Finding(FindingRules.Unreachable, "站点偶有无法访问", r.Veto.Evidence[0], target, 2, $"{FindingRules.Unreachable}:{site.Id}"));
        }

        // 首页不更新
        // A unit without a site of its own (towns and street offices run none, §4) publishes in columns of the site above
        // it: those columns are judged below, but it has no homepage to judge unless a column is marked as on one.
        var homepage = f.Sites.Count == 0 && !f.Columns.Any(c => c.OnHomepage)
            ? new VetoResult(VetoRule.HomepageNotUpdated, f.Unit.Label, true, ["未登记本单位网站，也未标记首页栏目：本单位信息在上级网站的栏目中发布，不检查首页。"])
            : ColumnFreshness.HomepageVeto(f.Unit.Label, f.Columns, f.Today);
        vetoes.Add(homepage);
        if (!homepage.Passed)
            findings.Add(new Finding(FindingRules.HomepageStale, "首页超过 2 周未更新", homepage.Evidence[0], f.Unit, 0, $"{FindingRules.HomepageStale}:{f.Unit.Id}"));

        // 栏目不更新
        var judged = ColumnFreshness.JudgeAll(f.Columns, f.Today, f.Periods);
        var columnsVeto = ColumnFreshness.ColumnsVeto(f.Unit.Label, judged);
        vetoes.Add(columnsVeto);
        findings.AddRange(ColumnFindings(judged, columnsVeto.Passed));

        // 严重错误
        var hits = f.LexiconHits;
        vetoes.Add(new VetoResult(VetoRule.SeriousErrors, f.Unit.Label, hits.Count == 0, hits.Count == 0
            ? ["严重错误词库未发现待判定或已确认的错误，未发现不可能的发布日期。"]
            : [$"疑似严重错误 {hits.Count} 处（词库命中、不可能的发布日期），待人工判定（判定“不是错误”后不再计入）：", .. hits.Select(h => $"{h.Target.Label}：{h.Evidence}")]));
        findings.AddRange(hits);

        // 互动回应差
        var (interaction, interactionFindings) = InteractionCheck.Judge(f.Unit, f.Channels, f.Letters, f.Today);
        vetoes.Add(interaction);
        findings.AddRange(interactionFindings);
        foreach (var near in f.Letters.Where(l => l.Valid && l.AnsweredOn is null && Letters.LetterClock.IsNearVeto(l.ReceivedOn, f.Today)))
            findings.Add(new Finding(FindingRules.Unanswered, "有效来信即将满 3 个月未答复",
                $"信件 {near.Number}「{near.Subject}」{near.ReceivedOn:yyyy-MM-dd} 收到，{Letters.LetterClock.VetoDay(near.ReceivedOn):yyyy-MM-dd} 前必须答复",
                new FindingTarget("letter", near.Id, $"{near.Number} {near.Subject}"), 1, $"{FindingRules.Unanswered}:{near.Id}:near"));
        if (f.HasOwnMailbox && (f.NewestPublishedAnswer is not { } newest || newest < f.Today.AddMonths(-RecentAnswerMonths)))
            findings.Add(new Finding(FindingRules.NoRecentAnswer, $"{RecentAnswerMonths} 个月内没有公开的留言答复",
                f.NewestPublishedAnswer is { } n ? $"最近公开的答复为 {n:yyyy-MM-dd}" : "信箱没有公开过答复", f.Unit, 2, $"{FindingRules.NoRecentAnswer}:{f.Unit.Id}"));

        // 政务新媒体不更新
        foreach (var account in f.Accounts)
        {
            if (AccountSilence.Judge(account, f.Today) is not { } v)
                continue;
            vetoes.Add(v);
            if (!v.Passed)
                findings.Add(new Finding(FindingRules.AccountSilent, "政务新媒体超过 2 周未更新", v.Evidence[0],
                    new FindingTarget("account", account.Id, v.Subject), 0, $"{FindingRules.AccountSilent}:{account.Id}"));
        }

        findings.AddRange(f.Other);
        var card = new Scorecard(vetoes, SiteScoring.Deductions(findings, reach.Select(r => r.Result)), SiteScoring.Bonuses(f.Bonus));
        return new SiteJudgement(card, findings, [.. reach.Select(r => r.Result)], judged);
    }

    private static IEnumerable<Finding> ColumnFindings(IReadOnlyList<ColumnJudgement> judged, bool vetoPassed)
    {
        foreach (var j in judged)
        {
            var target = new FindingTarget("column", j.Column.Id, j.Column.Name);
            var key = $"{j.Column.Id}";
            var nearVeto = !vetoPassed ? 0 : 1;
            switch (j.Verdict)
            {
                case ColumnVerdict.Empty:
                    yield return new Finding(FindingRules.ColumnEmpty, "空白栏目", j.Evidence, target, nearVeto, $"{FindingRules.ColumnEmpty}:{key}");
                    break;
                case ColumnVerdict.Stale or ColumnVerdict.LongStale:
                    var rule = j.IsStalePolicyColumn ? FindingRules.ColumnPolicyStale : j.Verdict == ColumnVerdict.LongStale ? FindingRules.ColumnLongStale : FindingRules.ColumnStale;
                    var title = j.IsStalePolicyColumn ? "通知公告、政策文件类一级栏目 6 个月未更新" : j.Verdict == ColumnVerdict.LongStale ? "栏目长期未更新" : "栏目未按时更新";
                    yield return new Finding(rule, title, j.Evidence, target, j.CountsAsStaleForVeto || j.Verdict == ColumnVerdict.LongStale ? nearVeto : 2, $"{rule}:{key}");
                    break;
                case ColumnVerdict.Unknown:
                    yield return new Finding(FindingRules.ColumnUnreadable, "栏目无法读取", j.Evidence, target, 2, $"{FindingRules.ColumnUnreadable}:{key}");
                    break;
            }
        }
    }
}
