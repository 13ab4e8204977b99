namespace Gongkai.Core.Reports;

/// <summary>One main total this year beside last year's (同比).</summary>
/// <param name="Percent">The change as a percentage of last year's, one decimal; null when last year's is zero.</param>
public sealed record YearOnYearChange(string Key, string Name, Figure ThisYear, Figure LastYear, decimal Change, decimal? Percent);

/// <summary>
/// 同比: the report's main totals against last year's report, whichever forms the two years use — they meet on the
/// summary keys (<see cref="ReportSummary"/>), so a 2019 report compares with a 2018 统计表 on 收到申请数, 行政复议数量 and
/// 行政诉讼数量.
/// </summary>
public static class YearOnYear
{
    /// <summary>The totals compared, in the order the report lists them.</summary>
    public static IReadOnlyList<string> MainTotals { get; } =
    [
        "proactive.total",
        "applications.received",
        "applications.carried_over",
        "applications.outcomes.total",
        "applications.outcomes.disclosed",
        "applications.outcomes.partially_disclosed",
        "applications.outcomes.withheld",
        "applications.carried_forward",
        "applications.answers.total",
        "reconsideration.total",
        "litigation.total",
    ];

    /// <summary>Each main total both reports state, this year beside last year.</summary>
    public static IReadOnlyList<YearOnYearChange> Compare(ReportForm form, ReportFigures figures, ReportForm lastForm, ReportFigures lastFigures)
    {
        var (now, then) = (ReportSummary.From(form, figures), ReportSummary.From(lastForm, lastFigures));
        return [.. MainTotals.Where(k => now.Has(k) && then.Has(k)).Select(k =>
        {
            var (a, b) = (now[k]!.Value, then[k]!.Value);
            var change = a.Value - b.Value;
            return new YearOnYearChange(k, ReportSummary.ChineseName(k), a, b, change,
                b.Value == 0 ? null : decimal.Round(change * 100 / b.Value, 1, MidpointRounding.AwayFromZero));
        })];
    }
}
