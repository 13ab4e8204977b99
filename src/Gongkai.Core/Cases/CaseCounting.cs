using Gongkai.Core.Reports;

namespace Gongkai.Core.Cases;

/// <summary>
/// Which unit counts a case in table 四 of its annual report, in which years, and in which column. Each rule is
/// written once here; the report, the office list and the API all follow it.
/// </summary>
public static class CaseCounting
{
    /// <summary>
    /// 国办公开办函〔2016〕201号 (2016-09-01): 「行政复议机关作为共同被告的行政诉讼案件，主要的案由是原行为主体的政府信息公开
    /// 行为……对于行政复议机关作为共同被告的行政诉讼案件，只计算原行为主体的案件数量，不计算行政复议机关的案件数量」.
    /// Whether a unit that is <paramref name="party"/> in the case counts it: the unit whose answer is challenged
    /// always does; a reconsideration body sued after reconsideration does only when it is the sole defendant (it
    /// changed the answer, or is sued for not deciding, 《行政诉讼法》第二十六条), not as a co-defendant.
    /// </summary>
    public static bool CountsFor(CaseParty party, CaseKind kind, bool reconsiderationBodyIsCoDefendant) =>
        party == CaseParty.AnsweringUnit
        || (kind == CaseKind.SuitAfterReconsideration && !reconsiderationBodyIsCoDefendant);

    /// <summary>
    /// The year-end rule: table 四 shows a unit's cases as they stand on 31 December. A case counts in the report for
    /// <paramref name="year"/> when it was filed (受理、立案) by 31 December and not decided before 1 January — that is,
    /// when it was on the unit's hands during the year — with its result when it was decided by 31 December, and as
    /// 尚未审结 when it was still open then. So a case counts in the year it was filed and again in each later year up
    /// to the year it is decided, where it counts with its result; like the applications of table 三 that are carried
    /// forward (结转), what is open at year end is reported open, and reported again when it ends. The forms say no more;
    /// this is Gongkai's convention.
    /// </summary>
    /// <param name="result">The case's result as recorded now (<see cref="CaseResult.Pending"/> while open).</param>
    /// <returns>The column the case counts in that year, or null when it does not count in that year.</returns>
    public static CaseResult? StateAtYearEnd(DateOnly filedOn, DateOnly? decidedOn, CaseResult result, int year)
    {
        var (first, last) = ReportForms.YearBounds(year);
        if (filedOn > last || decidedOn < first)
            return null;
        return decidedOn <= last ? result : CaseResult.Pending;
    }
}
