using Gongkai.App.Documents;
using Gongkai.Core.Letters;

namespace Gongkai.App.Letters;

/// <summary>
/// Letter statistics as an Excel workbook (/office/letters/stats?handler=Xlsx): 「来信统计」 with the same table as
/// the page (one row per group and a total, figures as numbers), and for a year by mailbox 「网站年度报表·互动交流」
/// with the figures the 《政府网站工作年度报表》 asks for under 留言办理.
/// </summary>
public static class LetterStatsXlsx
{
    /// <summary>The table's columns: heading and figure of a row, in the page's order.</summary>
    public static readonly IReadOnlyList<(string Heading, Func<LetterFigures, double?> Value)> Columns =
    [
        .. new[] { LetterFigure.Received, LetterFigure.Valid, LetterFigure.Invalid, LetterFigure.TransferredOut, LetterFigure.Answered,
            LetterFigure.AnsweredOnTime, LetterFigure.Overdue, LetterFigure.Open }.Select(f => (f.ChineseName(), (Func<LetterFigures, double?>)(x => x[f]))),
        ("平均办理工作日", x => x.AverageWorkingDays),
        ("满意率（%）", x => x.SatisfactionRate),
        (LetterFigure.Published.ChineseName(), x => x[LetterFigure.Published]),
    ];

    /// <summary>The 《政府网站工作年度报表》 互动交流 columns (留言办理), from the same figures.</summary>
    public static readonly IReadOnlyList<(string Heading, Func<LetterFigures, double?> Value)> SiteReportColumns =
    [
        ("收到留言数量", x => x[LetterFigure.Received]),
        ("办结留言数量", x => x[LetterFigure.Answered]),
        ("平均办理时间（天）", x => x.AverageWorkingDays),
        ("公开答复数量", x => x[LetterFigure.Published]),
    ];

    public static void Write(Stream output, LetterStats.Report report, string periodName)
    {
        var title = $"{report.Unit}来信统计（{periodName}，按{ByName(report.By)}）";
        List<SimpleWorkbook.Sheet> sheets = [Sheet("来信统计", title, ByName(report.By), Columns, report)];
        if (report.By == LetterStats.Grouping.Mailbox)
            sheets.Add(Sheet("网站年度报表·互动交流", $"{report.Unit}《政府网站工作年度报表》互动交流·留言办理（{periodName}）", "渠道", SiteReportColumns, report));
        SimpleWorkbook.Write(output, sheets);
    }

    public static string ByName(LetterStats.Grouping by) => by switch
    {
        LetterStats.Grouping.Mailbox => "信箱",
        LetterStats.Grouping.Unit => "承办单位",
        LetterStats.Grouping.Type => "类型",
        LetterStats.Grouping.Month => "月份",
        _ => "季度",
    };

    private static SimpleWorkbook.Sheet Sheet(string name, string title, string corner,
        IReadOnlyList<(string Heading, Func<LetterFigures, double?> Value)> columns, LetterStats.Report report) =>
        new(name, title, [corner, .. columns.Select(c => c.Heading)],
            report.Rows.Select(r => (Label: r.Label, Figures: r.Figures, Bold: false)).Append((Label: "合计", Figures: report.Total, Bold: true))
                .Select(r => new SimpleWorkbook.Row([r.Label, .. columns.Select(c => (object?)c.Value(r.Figures))], r.Bold)),
            [36, 14]);
}
