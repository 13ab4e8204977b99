using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
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

    private const uint Bold = 1, Plain = 2;

    public static void Write(Stream output, LetterStats.Report report, string periodName)
    {
        if (!output.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(buffer, report, periodName);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontName { Val = "宋体" }), new Font(new DocumentFormat.OpenXml.Spreadsheet.Bold(), new FontName { Val = "宋体" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }, new CellFormat { FontId = 0 }));
        var title = $"{report.Unit}来信统计（{periodName}，按{ByName(report.By)}）";
        AddSheet(workbook, "来信统计", title, ByName(report.By), Columns, report);
        if (report.By == LetterStats.Grouping.Mailbox)
            AddSheet(workbook, "网站年度报表·互动交流", $"{report.Unit}《政府网站工作年度报表》互动交流·留言办理（{periodName}）", "渠道", SiteReportColumns, report);
    }

    public static string ByName(LetterStats.Grouping by) => by switch
    {
        LetterStats.Grouping.Mailbox => "信箱",
        LetterStats.Grouping.Unit => "承办单位",
        LetterStats.Grouping.Type => "类型",
        LetterStats.Grouping.Month => "月份",
        _ => "季度",
    };

    private static void AddSheet(WorkbookPart workbook, string name, string title, string corner,
        IReadOnlyList<(string Heading, Func<LetterFigures, double?> Value)> columns, LetterStats.Report report)
    {
        var rows = new List<Row>();
        Row NewRow() { rows.Add(new Row { RowIndex = (uint)rows.Count + 1 }); return rows[^1]; }
        NewRow().Append(Text(0, 1, title, Bold));
        var header = NewRow();
        header.Append(Text(0, 2, corner, Bold));
        for (var c = 0; c < columns.Count; c++)
            header.Append(Text(c + 1, 2, columns[c].Heading, Bold));
        foreach (var (label, figures, style) in report.Rows.Select(r => (r.Label, r.Figures, Plain)).Append(("合计", report.Total, Bold)))
        {
            var row = NewRow();
            row.Append(Text(0, row.RowIndex!, label, style));
            for (var c = 0; c < columns.Count; c++)
                row.Append(Number(c + 1, row.RowIndex!, columns[c].Value(figures)));
        }
        var part = workbook.AddNewPart<WorksheetPart>();
        var widths = new Columns(new Column { Min = 1, Max = 1, Width = 36, CustomWidth = true },
            new Column { Min = 2, Max = (uint)columns.Count + 1, Width = 14, CustomWidth = true });
        part.Worksheet = new Worksheet(widths, new SheetData(rows));
        var sheets = workbook.Workbook.GetFirstChild<Sheets>()!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    private static Cell Text(int column, uint row, string text, uint style) =>
        new() { CellReference = Ref(column, row), StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell Number(int column, uint row, double? value) => new()
    {
        CellReference = Ref(column, row),
        CellValue = value is { } v ? new CellValue(v) : null,
        DataType = value is null ? null : CellValues.Number,
    };

    private static string Ref(int column, uint row) => $"{(char)('A' + column)}{row}";
}
