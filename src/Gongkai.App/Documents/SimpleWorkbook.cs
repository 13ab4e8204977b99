using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Gongkai.App.Documents;

/// <summary>
/// A plain Excel workbook of titled tables (宋体): each sheet a bold title line, a bold heading row, then the rows —
/// strings as text, numbers as numbers (null an empty cell) — with the given column widths. The letters' statistics and
/// the site check's monthly report are written with it; the annual report's merged headers have their own writer.
/// </summary>
public static class SimpleWorkbook
{
    /// <summary>A row of cells; <paramref name="Bold"/> for a total.</summary>
    public sealed record Row(IReadOnlyList<object?> Cells, bool Bold = false);

    /// <param name="Widths">Column widths in characters; the last one stands for every further column.</param>
    public sealed record Sheet(string Name, string Title, IReadOnlyList<string> Headings, IEnumerable<Row> Rows, IReadOnlyList<double> Widths);

    private const uint BoldStyle = 1, PlainStyle = 2;

    /// <summary>Writes the sheets in order (to a buffer first when <paramref name="output"/> cannot seek, as a response body cannot).</summary>
    public static void Write(Stream output, IEnumerable<Sheet> sheets)
    {
        if (!output.CanSeek)
        {
            using var buffer = new MemoryStream();
            Write(buffer, sheets);
            buffer.Position = 0;
            buffer.CopyTo(output);
            return;
        }
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = new Stylesheet(
            new Fonts(new Font(new FontName { Val = "宋体" }), new Font(new Bold(), new FontName { Val = "宋体" })),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border()),
            new CellStyleFormats(new CellFormat()),
            new CellFormats(new CellFormat(), new CellFormat { FontId = 1, ApplyFont = true }, new CellFormat { FontId = 0 }));
        foreach (var sheet in sheets)
            Add(workbook, sheet);
    }

    private static void Add(WorkbookPart workbook, Sheet sheet)
    {
        var rows = new List<DocumentFormat.OpenXml.Spreadsheet.Row>();
        DocumentFormat.OpenXml.Spreadsheet.Row NewRow() { rows.Add(new() { RowIndex = (uint)rows.Count + 1 }); return rows[^1]; }
        NewRow().Append(Text(0, 1, sheet.Title, BoldStyle));
        var header = NewRow();
        for (var c = 0; c < sheet.Headings.Count; c++)
            header.Append(Text(c, 2, sheet.Headings[c], BoldStyle));
        foreach (var data in sheet.Rows)
        {
            var row = NewRow();
            for (var c = 0; c < data.Cells.Count; c++)
                row.Append(data.Cells[c] switch
                {
                    string s => Text(c, row.RowIndex!, s, data.Bold ? BoldStyle : PlainStyle),
                    int n => Number(c, row.RowIndex!, n),
                    double d => Number(c, row.RowIndex!, d),
                    decimal m => Number(c, row.RowIndex!, (double)m),
                    _ => new Cell { CellReference = Ref(c, row.RowIndex!) },
                });
        }
        var part = workbook.AddNewPart<WorksheetPart>();
        var widths = sheet.Widths.Select((w, i) => new Column
        {
            Min = (uint)i + 1,
            Max = i == sheet.Widths.Count - 1 ? (uint)Math.Max(i + 1, sheet.Headings.Count) : (uint)i + 1,
            Width = w,
            CustomWidth = true,
        });
        part.Worksheet = new Worksheet(new Columns(widths), new SheetData(rows));
        var sheets = workbook.Workbook.GetFirstChild<Sheets>()!;
        sheets.Append(new DocumentFormat.OpenXml.Spreadsheet.Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = sheet.Name });
    }

    private static Cell Text(int column, uint row, string text, uint style) =>
        new() { CellReference = Ref(column, row), StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) };

    private static Cell Number(int column, uint row, double value) =>
        new() { CellReference = Ref(column, row), CellValue = new CellValue(value), DataType = CellValues.Number };

    private static string Ref(int column, uint row) => $"{(char)('A' + column)}{row}";
}
