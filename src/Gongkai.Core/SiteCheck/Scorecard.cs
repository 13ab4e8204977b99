namespace Gongkai.Core.SiteCheck;

/// <summary>What a finding is about: a column, catalog item, letter, link, account, lexicon entry, site or unit — with a label and where to fix it.</summary>
/// <param name="Kind">column, item, letter, link, account, site, unit, solicitation, interview.</param>
/// <param name="Id">The record's id (or the URL for a link).</param>
/// <param name="Url">Where a person goes to see or fix it (an office page, or the external address).</param>
public sealed record FindingTarget(string Kind, string Id, string Label, string? Url = null);

/// <summary>
/// One thing the check found, with its evidence. <see cref="Rule"/> is a stable code (<see cref="FindingRules"/>);
/// <see cref="Key"/> identifies the same problem across runs (for a person's judgement of a lexicon hit);
/// <see cref="Urgency"/> orders the fix list: 0 is a veto failure, higher numbers can wait longer.
/// </summary>
public sealed record Finding(string Rule, string Title, string Evidence, FindingTarget Target, int Urgency, string Key, bool NeedsJudgement = false);

/// <summary>A veto item's result for a site (or, for <see cref="VetoRule.NewMediaSilent"/>, one account).</summary>
public sealed record VetoResult(VetoRule Rule, string Subject, bool Passed, IReadOnlyList<string> Evidence);

/// <summary>A scored item: points taken off (deductions, at most <see cref="Max"/>) or added (bonuses), with the evidence.</summary>
public sealed record ScoreLine(string Code, string Name, int Max, int Points, IReadOnlyList<string> Evidence)
{
    public int Counted => Math.Clamp(Points, 0, Max);
}

/// <summary>
/// A unit's result in the check's own layout (国办秘函〔2019〕19号): the veto items first — any failure fails the site
/// whatever the score — then deductions out of 100 and bonuses up to 30; below 60 fails.
/// </summary>
public sealed record Scorecard(IReadOnlyList<VetoResult> Vetoes, IReadOnlyList<ScoreLine> Deductions, IReadOnlyList<ScoreLine> Bonuses)
{
    public const int Full = 100;
    public const int MaxBonus = 30;
    public const int PassMark = 60;

    public int Deducted => Math.Min(Full, Deductions.Sum(d => d.Counted));
    public int Bonus => Math.Min(MaxBonus, Bonuses.Sum(b => b.Counted));
    public int Score => Full - Deducted + Bonus;
    public bool VetoFailed => Vetoes.Any(v => !v.Passed);
    public bool Passed => !VetoFailed && Score >= PassMark;
}

/// <summary>The stable codes of findings (the JSON's <c>findings[].rule</c>).</summary>
public static class FindingRules
{
    public const string Unreachable = "reachability";
    public const string HomepageStale = "homepage.stale";
    public const string ColumnStale = "column.stale";
    public const string ColumnLongStale = "column.long-stale";
    public const string ColumnEmpty = "column.empty";
    public const string ColumnUnreadable = "column.unreadable";
    public const string NoChannel = "interaction.no-channel";
    public const string Unanswered = "interaction.unanswered";
    public const string DeadLink = "link.dead";
    public const string Lexicon = "lexicon";
    public const string FalseDate = "catalog.false-date";
    public const string InterpretationMissing = "interpretation.missing";
    public const string InterpretationUnlinked = "interpretation.unlinked";
    public const string GuideStale = "guide.stale";
    public const string GuideIncomplete = "guide.incomplete";
    public const string CatalogOverdue = "catalog.overdue";
    public const string AccountSilent = "account.silent";
    public const string AccountUnreadable = "account.unreadable";

    /// <summary>A 通知公告/政策文件 first-level column not updated for 6 months (scored −5 rather than −2).</summary>
    public const string ColumnPolicyStale = "column.stale.policy";

    /// <summary>No letter answer published in the last 2 months (留言答复栏目 2 个月未更新).</summary>
    public const string NoRecentAnswer = "interaction.no-recent-answer";

    /// <summary>A network collector failed for the unit (what it would have read is missing from this run).</summary>
    public const string CollectorFailed = "collector.failed";
}
