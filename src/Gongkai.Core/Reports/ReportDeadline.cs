using Gongkai.Core.Units;

namespace Gongkai.Core.Reports;

/// <summary>
/// When a unit's annual report for a year must be public. 2019 条例第四十九条: a department (县级以上人民政府部门) publishes
/// its report by 31 January; the competent department publishes the government's report by 31 March. Reports of
/// 2008–2018 fell under the 2008 条例第三十一条: all by 31 March. Townships and other bodies are held to the
/// departments' 31 January, as the provinces' rules ask of them.
/// </summary>
public static class ReportDeadline
{
    public static DateOnly For(UnitKind kind, int year) =>
        year < ReportForms.FirstNational || kind == UnitKind.Government ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);

    /// <summary>
    /// The first day a report for <paramref name="year"/> may be published: 1 January of the next year. 第四十九条 has each
    /// body publish its report for 「上一年度」, and the statistics cover 1 January – 31 December (第五十条; domain §5),
    /// so before the year has ended its figures are incomplete — on 31 December applications still arrive and are answered.
    /// </summary>
    public static DateOnly OpensOn(int year) => new(year + 1, 1, 1);

    /// <summary>Why a report for <paramref name="year"/> cannot be published on <paramref name="today"/> (a Beijing date); null once it can.</summary>
    public static string? TooEarly(int year, DateOnly today) => today >= OpensOn(year) ? null
        : $"{year}年度尚未结束，统计数据不完整，不能公开该年度的年度报告；{year + 1}年1月1日起可以公开（条例第四十九条：公布上一年度的年度报告）。";
}

/// <summary>Whether a report was published in time (督查: who has and has not published).</summary>
public enum PublicationTimeliness
{
    /// <summary>按时公开 — published on or before the deadline.</summary>
    OnTime,

    /// <summary>逾期公开 — published after the deadline.</summary>
    Late,

    /// <summary>逾期未公开 — not published and the deadline has passed.</summary>
    Overdue,

    /// <summary>尚未公开 — not published, the deadline still ahead.</summary>
    NotYetDue,
}

public static class PublicationTimelinessRules
{
    /// <summary>Judges a report by its first publication day (Beijing date) against its deadline, as of <paramref name="today"/>.</summary>
    public static PublicationTimeliness Of(DateOnly deadline, DateOnly? firstPublishedOn, DateOnly today) => firstPublishedOn switch
    {
        { } day when day <= deadline => PublicationTimeliness.OnTime,
        not null => PublicationTimeliness.Late,
        null when today > deadline => PublicationTimeliness.Overdue,
        _ => PublicationTimeliness.NotYetDue,
    };

    public static string ChineseName(this PublicationTimeliness t) => t switch
    {
        PublicationTimeliness.OnTime => "按时公开",
        PublicationTimeliness.Late => "逾期公开",
        PublicationTimeliness.Overdue => "逾期未公开",
        _ => "尚未公开",
    };
}
