namespace Gongkai.Core.Reports;

/// <summary>
/// Figures entered by hand or imported instead of counted (issue 5): table 二's rows that other systems hold (行政许可,
/// 行政处罚, 行政强制 decisions, 行政事业性收费 …), the figures of a unit that keeps its records outside Gongkai, and
/// reports of years before Gongkai (2008–2018 in the legacy 统计表). Any cell of the year's form may be entered.
/// </summary>
public static class EnteredFigures
{
    /// <summary>
    /// Why <paramref name="value"/> cannot stand in cell <paramref name="key"/> of <paramref name="form"/>, or null when it
    /// can: the cell must exist, counts are whole numbers, amounts (万元) have at most 4 decimals, and nothing is negative
    /// but the 2019 form's 本年增/减.
    /// </summary>
    public static string? Problem(ReportForm form, string key, decimal value)
    {
        var layout = ReportLayouts.For(form);
        if (layout.Cell(key) is not { } cell)
            return $"「{key}」不是{form.ChineseName()}中的单元格。";
        if (value < 0 && !Table2Layout.IsSigned(key))
            return $"{layout.Describe(key)}不能为负数。";
        if (IsAmount(cell) ? decimal.Round(value, 4) != value : decimal.Truncate(value) != value)
            return IsAmount(cell) ? $"{layout.Describe(key)}（万元）最多保留四位小数。" : $"{layout.Describe(key)}应为整数。";
        return null;
    }

    /// <summary>Whether a cell holds an amount of money (万元) rather than a count.</summary>
    public static bool IsAmount(ReportCell cell) =>
        cell.Row.Unit == "万元" || cell.Column.Label.Contains("万元", StringComparison.Ordinal) || cell.Column.Key == "amount";

    /// <summary>
    /// A unit's figures for a year: what its records count, with every entered cell standing in place of the counted one
    /// (an entered figure is the unit's own account of records Gongkai does not hold). The checks then run on the result,
    /// so entered figures that disagree with counted ones show as findings.
    /// </summary>
    public static ReportFigures Overlay(ReportFigures counted, ReportFigures entered) => counted.With(entered.Values);

    /// <summary>
    /// A jurisdiction's figures: each cell the sum of the units that state it (a unit that leaves it blank adds nothing);
    /// a cell no unit states stays absent — a blank is not a zero.
    /// </summary>
    public static ReportFigures Sum(IEnumerable<ReportFigures> units) =>
        ReportFigures.From(units.SelectMany(u => u.Values).GroupBy(v => v.Key, StringComparer.Ordinal).Select(g =>
            KeyValuePair.Create(g.Key, new Figure(g.Sum(v => v.Value.Value), g.Any(v => v.Value.Approximate)))));
}
