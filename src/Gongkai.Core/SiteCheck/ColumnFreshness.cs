namespace Gongkai.Core.SiteCheck;

/// <summary>What a column's last reading says against its update class.</summary>
public enum ColumnVerdict
{
    /// <summary>Updated within its class's period.</summary>
    Fresh,
    /// <summary>Not updated within its class's period (or read but no date found: 「未注明信息发布时间的视为不更新」).</summary>
    Stale,
    /// <summary>Should be updated and has not been for <c>SiteCheck:LongStaleDays</c> (or has no date at all).</summary>
    LongStale,
    /// <summary>空白栏目: nothing in it.</summary>
    Empty,
    /// <summary>Not expected to get new items (a static page): not judged for staleness.</summary>
    NotRequired,
    /// <summary>Not read yet, or the reading failed: not counted towards the veto (a finding says why).</summary>
    Unknown,
}

/// <summary>A column as the judge sees it (from <c>SiteColumn</c>).</summary>
/// <param name="Read">The column was read (Gongkai's own columns always are); false when never read or the reading failed.</param>
public sealed record ColumnFacts(
    string Id, string Name, UpdateClass Class, bool NeedsUpdates, bool TopLevel, bool OnHomepage, DateOnly? NewestOn, int? ItemCount, bool Read,
    string ReadError = "");

/// <summary>How long each class may go without a new item: 动态要闻 2 weeks and 通知公告/政策文件 6 months are the indicator's; the others are configuration.</summary>
public sealed record FreshnessPeriods(IReadOnlyDictionary<UpdateClass, int> OtherClassDays, int LongStaleDays)
{
    public static readonly FreshnessPeriods Default = new(
        new Dictionary<UpdateClass, int> { [UpdateClass.Personnel] = 365, [UpdateClass.PlanStatistics] = 365, [UpdateClass.Other] = 365 }, 365);

    /// <summary>The earliest newest-date that is still fresh on <paramref name="today"/>.</summary>
    public DateOnly FreshSince(UpdateClass c, DateOnly today) => c switch
    {
        UpdateClass.News => today.AddDays(-SiteCheckRules.NewsDays),
        UpdateClass.NoticePolicy => today.AddMonths(-SiteCheckRules.NoticePolicyMonths),
        _ => today.AddDays(-(OtherClassDays.TryGetValue(c, out var d) ? d : 365)),
    };

    public string PeriodName(UpdateClass c) => c switch
    {
        UpdateClass.News => $"{SiteCheckRules.NewsDays} 天",
        UpdateClass.NoticePolicy => $"{SiteCheckRules.NoticePolicyMonths} 个月",
        _ => $"{(OtherClassDays.TryGetValue(c, out var d) ? d : 365)} 天",
    };
}

/// <summary>A column with its verdict and the sentence that explains it.</summary>
public sealed record ColumnJudgement(ColumnFacts Column, ColumnVerdict Verdict, string Evidence)
{
    /// <summary>Counts towards 「动态、要闻类栏目，以及通知公告、政策文件类一级栏目 … 未更新」 (5 or more is the veto).</summary>
    public bool CountsAsStaleForVeto => Verdict is ColumnVerdict.Stale or ColumnVerdict.LongStale
        && (Column.Class == UpdateClass.News || (Column.Class == UpdateClass.NoticePolicy && Column.TopLevel));

    /// <summary>A 通知公告/政策文件 first-level column not updated for 6 months (the published self-check's −5 item).</summary>
    public bool IsStalePolicyColumn => Verdict is ColumnVerdict.Stale or ColumnVerdict.LongStale && Column.Class == UpdateClass.NoticePolicy && Column.TopLevel;
}

/// <summary>
/// 栏目不更新 and 首页不更新 (国办秘函〔2019〕19号 单项否决): each column's verdict against its class, the three counts against
/// their veto lines (stale 动态要闻 + first-level 通知公告/政策文件 ≥5; long-stale ≥10; empty ≥5), and the homepage's
/// newest date against 2 weeks. 「未注明信息发布时间的视为不更新」: a column read with items but no date counts as not updated
/// (stale and long stale).
/// </summary>
public static class ColumnFreshness
{
    public static ColumnJudgement Judge(ColumnFacts c, DateOnly today, FreshnessPeriods periods)
    {
        if (!c.Read)
            return new(c, ColumnVerdict.Unknown, c.ReadError.Length > 0 ? $"栏目「{c.Name}」读取失败：{c.ReadError}" : $"栏目「{c.Name}」尚未读取");
        if (c.ItemCount == 0)
            return new(c, ColumnVerdict.Empty, $"栏目「{c.Name}」为空白栏目（无任何信息）");
        if (!c.NeedsUpdates)
            return new(c, ColumnVerdict.NotRequired, $"栏目「{c.Name}」标记为无需更新");
        if (c.NewestOn is not { } newest)
            return new(c, ColumnVerdict.LongStale, $"栏目「{c.Name}」的信息未注明发布时间，视为不更新");
        if (newest < today.AddDays(-periods.LongStaleDays))
            return new(c, ColumnVerdict.LongStale, $"栏目「{c.Name}」最新信息 {newest:yyyy-MM-dd}，已 {today.DayNumber - newest.DayNumber} 天未更新（长期未更新：超过 {periods.LongStaleDays} 天）");
        if (newest < periods.FreshSince(c.Class, today))
            return new(c, ColumnVerdict.Stale, $"栏目「{c.Name}」（{c.Class.ChineseName()}）最新信息 {newest:yyyy-MM-dd}，超过 {periods.PeriodName(c.Class)}未更新");
        return new(c, ColumnVerdict.Fresh, $"栏目「{c.Name}」最新信息 {newest:yyyy-MM-dd}");
    }

    public static IReadOnlyList<ColumnJudgement> JudgeAll(IEnumerable<ColumnFacts> columns, DateOnly today, FreshnessPeriods periods) =>
        [.. columns.Select(c => Judge(c, today, periods))];

    /// <summary>栏目不更新: one veto result whose evidence gives each count with the columns' names.</summary>
    public static VetoResult ColumnsVeto(string subject, IReadOnlyList<ColumnJudgement> judged)
    {
        var stale = judged.Where(j => j.CountsAsStaleForVeto).Select(j => j.Column.Name).ToList();
        var longStale = judged.Where(j => j.Verdict == ColumnVerdict.LongStale).Select(j => j.Column.Name).ToList();
        var empty = judged.Where(j => j.Verdict == ColumnVerdict.Empty).Select(j => j.Column.Name).ToList();
        static string Names(List<string> names) => names.Count == 0 ? "" : "：" + string.Join("、", names.Select(n => $"「{n}」"));
        var evidence = new List<string>
        {
            $"未更新的动态要闻类栏目、通知公告/政策文件类一级栏目 {stale.Count} 个（{SiteCheckRules.StaleColumnsVeto} 个及以上否决）{Names(stale)}",
            $"应更新但长期未更新的栏目 {longStale.Count} 个（{SiteCheckRules.LongStaleColumnsVeto} 个及以上否决）{Names(longStale)}",
            $"空白栏目 {empty.Count} 个（{SiteCheckRules.EmptyColumnsVeto} 个及以上否决）{Names(empty)}",
        };
        var passed = stale.Count < SiteCheckRules.StaleColumnsVeto && longStale.Count < SiteCheckRules.LongStaleColumnsVeto && empty.Count < SiteCheckRules.EmptyColumnsVeto;
        return new VetoResult(VetoRule.ColumnsNotUpdated, subject, passed, evidence);
    }

    /// <summary>
    /// 首页不更新: the homepage's newest date is the newest of the columns marked 首页栏目 (of every column when none is marked);
    /// older than 14 days before the check fails. With no columns at all there is nothing to judge: passed, and said so.
    /// </summary>
    public static VetoResult HomepageVeto(string subject, IReadOnlyList<ColumnFacts> columns, DateOnly today)
    {
        if (columns.Count == 0)
            return new VetoResult(VetoRule.HomepageNotUpdated, subject, true, ["未登记任何栏目，无首页信息可查。"]);
        var marked = columns.Where(c => c.OnHomepage).ToList();
        var basis = marked.Count > 0 ? marked : [.. columns];
        var basisNote = marked.Count > 0 ? $"按标记为首页栏目的 {marked.Count} 个栏目计" : $"未标记首页栏目，按全部 {basis.Count} 个栏目计";
        var newest = basis.Where(c => c.NewestOn is not null).OrderByDescending(c => c.NewestOn).FirstOrDefault();
        if (newest is null)
            return new VetoResult(VetoRule.HomepageNotUpdated, subject, false, [$"首页栏目均无注明发布时间的信息，视为不更新（{basisNote}）。"]);
        var age = today.DayNumber - newest.NewestOn!.Value.DayNumber;
        var passed = newest.NewestOn >= today.AddDays(-SiteCheckRules.HomepageDays);
        return new VetoResult(VetoRule.HomepageNotUpdated, subject, passed,
            [$"首页最新信息 {newest.NewestOn:yyyy-MM-dd}（栏目「{newest.Name}」），距检查日 {age} 天{(passed ? "" : $"，超过 {SiteCheckRules.HomepageDays} 天未更新")}（{basisNote}）。"]);
    }
}
