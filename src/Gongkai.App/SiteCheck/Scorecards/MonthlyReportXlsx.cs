using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.App.SiteCheck.Scorecards;

/// <summary>
/// The monthly report as an Excel workbook: 「检查结果」 one row per unit (worst first; scores and counts as numbers),
/// 「单项否决」 every veto item of every unit, 「扣分加分」 the scored items, 「整改清单」 the findings most urgent first.
/// </summary>
public static class MonthlyReportXlsx
{
    private const uint Bold = 1, Plain = 2;

    public static void Write(Stream output, CompileMonthlyReport.Report report)
    {
        if (!output.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(buffer, report);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }
        using var document = SpreadsheetDocument.Create(output, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontName { Val = "宋体" }), new Font(new DocumentFormat.OpenXml.Spreadsheet.Bold(), new FontName { Val = "宋体" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }, new CellFormat { FontId = 0 }));

        AddSheet(workbook, "检查结果", report.Title, ["单位", "单位代码", "检查时间", "单项否决不合格项数", "不合格的单项否决指标", "得分", "结论", "较上次（分）"],
            report.Table.Select(r => r.Latest is { } run
                ? new object?[] { r.Unit.Name, r.Unit.Code, ScorecardText.Time(run.At), run.VetoFailures, string.Join("、", run.FailedVetoes), run.Score, ScorecardText.Conclusion(run), r.ScoreChange }
                : [r.Unit.Name, r.Unit.Code, "本月未检查", null, "", null, "", null]), [36, 20, 18, 12, 40, 8, 20, 10]);
        var checkedUnits = report.Units.Where(u => u.Report is not null).ToList();
        AddSheet(workbook, "单项否决", "单项否决指标", ["单位", "指标", "结果", "证据"],
            checkedUnits.SelectMany(u => u.Report!.Veto.Select(v => new object?[] { u.Standing.Unit.Name, ScorecardText.Item(v), ScorecardText.Result(v.Passed), ScorecardText.Evidence(v.Evidence) })),
            [36, 30, 8, 80]);
        AddSheet(workbook, "扣分加分", "扣分指标和加分指标", ["单位", "类别", "指标", "分值", "证据"],
            checkedUnits.SelectMany(u => u.Report!.Deductions.Select(d => new object?[] { u.Standing.Unit.Name, "扣分", d.Name, -d.Counted, ScorecardText.Evidence(d.Evidence) })
                .Concat(u.Report!.Bonuses.Select(b => new object?[] { u.Standing.Unit.Name, "加分", b.Name, b.Counted, ScorecardText.Evidence(b.Evidence) }))),
            [36, 8, 30, 8, 80]);
        AddSheet(workbook, "整改清单", "整改清单（紧急的在前）", ["单位", "紧急程度", "问题", "证据", "对象类别", "对象", "地址"],
            checkedUnits.SelectMany(u => u.Report!.Findings.Select(f => new object?[]
                { u.Standing.Unit.Name, f.Urgency, f.Title, f.Evidence, ScorecardText.TargetKind(f.Target.Kind), f.Target.Label, f.Target.Url ?? "" })),
            [36, 10, 40, 60, 12, 30, 40]);
    }

    private static void AddSheet(WorkbookPart workbook, string name, string title, string[] headings, IEnumerable<object?[]> data, double[] widths)
    {
        var rows = new List<Row>();
        Row NewRow() { rows.Add(new Row { RowIndex = (uint)rows.Count + 1 }); return rows[^1]; }
        NewRow().Append(Text(0, 1, title, Bold));
        var header = NewRow();
        for (var c = 0; c < headings.Length; c++)
            header.Append(Text(c, 2, headings[c], Bold));
        foreach (var values in data)
        {
            var row = NewRow();
            for (var c = 0; c < values.Length; c++)
                row.Append(values[c] switch
                {
                    int n => Number(c, row.RowIndex!, n),
                    string s => Text(c, row.RowIndex!, s, Plain),
                    _ => new Cell { CellReference = Ref(c, row.RowIndex!) },
                });
        }
        var part = workbook.AddNewPart<WorksheetPart>();
        var columns = new Columns(widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        part.Worksheet = new Worksheet(columns, new SheetData(rows));
        var sheets = workbook.Workbook.GetFirstChild<Sheets>()!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = name });
    }

    private static Cell Text(int column, uint row, string text, uint style) =>
        new() { CellReference = Ref(column, row), StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell Number(int column, uint row, int value) =>
        new() { CellReference = Ref(column, row), CellValue = new CellValue(value), DataType = CellValues.Number };

    private static string Ref(int column, uint row) => $"{(char)('A' + column)}{row}";
}
