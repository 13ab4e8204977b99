using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.Core.Reports;

namespace Gongkai.App.Reports;

/// <summary>
/// A compiled report as an Excel workbook (`gongkai report build --format xlsx`): 「统计表格」 with every table of the form
/// in printed order — column groups merged over their columns (申请人情况 over table 三, 法人或其他组织 over its five), row
/// labels exactly as printed and indented by how deep they nest, figures as numbers; 「勾稽关系检查」 with the findings;
/// and for a jurisdiction 「各单位情况」 with each unit's received, answered and carried-forward totals.
/// </summary>
public static class ReportXlsx
{
    private const uint Title = 1, Header = 2, Number = 3, Label = 4, MaxIndent = 3;

    public static void Write(Stream output, CompiledReport report)
    {
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook(new Sheets());
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        Add(workbook, Tables(report));
        Add(workbook, Findings(report.Findings));
        if (report.Scope == ReportScope.Jurisdiction)
            Add(workbook, Units(report.Units));
    }

    private static Grid Tables(CompiledReport report)
    {
        var layout = ReportLayouts.For(report.Form);
        var widest = layout.Tables.Max(t => t.LeafColumns.Count());
        var grid = new Grid("统计表格", [40, .. Enumerable.Repeat(11d, widest)]);
        grid.Text(grid.NewRow(), 0, $"{report.UnitName}{report.Year}年政府信息公开工作年度报告 统计表格", Title);
        string? section = null;
        foreach (var table in layout.Tables)
        {
            grid.NewRow();
            if (table.Section != section)
                grid.Text(grid.NewRow(), 0, section = table.Section, Title);
            if (table.Caption is { } caption)
                grid.Text(grid.NewRow(), 0, caption, Title);
            WriteTable(grid, table, report.Figures);
        }
        return grid;
    }

    private static void WriteTable(Grid grid, ReportTable table, ReportFigures figures)
    {
        var leaves = table.LeafColumns.ToList();
        var first = table.ColumnCaption is null ? 0 : 1;
        var height = first + table.Columns.Max(c => c.Depth);
        var top = grid.Rows.Count + 1;
        var cells = new string?[height, leaves.Count + 1];
        cells[0, 0] = table.Corner;
        grid.Merge(top, 0, top + height - 1, 0);
        if (table.ColumnCaption is { } columnCaption)
        {
            cells[0, 1] = columnCaption;
            grid.Merge(top, 1, top, leaves.Count);
        }
        var next = 1;
        void Place(ReportColumn column, int level)
        {
            cells[first + level, next] = column.Label;
            if (column.IsLeaf)
            {
                grid.Merge(top + first + level, next, top + height - 1, next);
                next++;
                return;
            }
            grid.Merge(top + first + level, next, top + first + level, next + column.Leaves().Count() - 1);
            foreach (var child in column.Children)
                Place(child, level + 1);
        }
        foreach (var column in table.Columns)
            Place(column, 0);
        for (var r = 0; r < height; r++)
        {
            var row = grid.NewRow();
            for (var c = 0; c <= leaves.Count; c++)
                grid.Text(row, c, cells[r, c], Header);
        }

        foreach (var (reportRow, depth) in table.AllRowsWithDepth)
        {
            var row = grid.NewRow();
            grid.Text(row, 0, reportRow.Label, Label + (uint)Math.Min(depth, (int)MaxIndent));
            for (var c = 0; c < leaves.Count; c++)
                grid.Number(row, c + 1, reportRow.HasCells ? figures[ReportKeys.Cell(table.KeyPrefix, reportRow.Key, leaves[c].Key)]?.Value : null);
        }
    }

    private static Grid Findings(IReadOnlyList<Finding> findings)
    {
        var grid = new Grid("勾稽关系检查", [24, 8, 100]);
        grid.Texts(grid.NewRow(), Header, "规则", "级别", "说明");
        if (findings.Count == 0)
            grid.Text(grid.NewRow(), 0, "通过", Label);
        foreach (var finding in findings)
            grid.Texts(grid.NewRow(), Label, finding.Rule, finding.Severity == Severity.Error ? "错误" : "警告", finding.Message);
        return grid;
    }

    private static Grid Units(IReadOnlyList<UnitFigures> units)
    {
        var grid = new Grid("各单位情况", [40, 14, 14, 14]);
        var columns = CompiledReport.BreakdownColumns;
        grid.Texts(grid.NewRow(), Header, ["单位", .. columns.Select(c => c.Heading)]);
        foreach (var unit in units)
        {
            var row = grid.NewRow();
            grid.Text(row, 0, unit.Name, Label);
            for (var i = 0; i < columns.Count; i++)
                grid.Number(row, i + 1, unit.Figures[columns[i].Key]?.Value);
        }
        return grid;
    }

    private static void Add(WorkbookPart workbook, Grid grid)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var columns = new Columns(grid.Widths.Select((w, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = w, CustomWidth = true }));
        part.Worksheet = new Worksheet(columns, new SheetData(grid.Rows));
        if (grid.Merges.Count > 0)
            part.Worksheet.Append(new MergeCells(grid.Merges.Select(m => new MergeCell { Reference = m })));
        var sheets = workbook.Workbook.GetFirstChild<Sheets>()!;
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.Count() + 1, Name = grid.Name });
    }

    private static Stylesheet Styles()
    {
        static Font Font(bool bold) =>
            new(new OpenXmlElement[] { new Bold(), new FontSize { Val = 11 }, new FontName { Val = "宋体" }, new FontCharSet { Val = 134 } }.Skip(bold ? 0 : 1));
        static CellFormat Format(uint font, uint border, Alignment alignment) =>
            new(alignment) { FontId = font, FillId = 0, BorderId = border, FormatId = 0, ApplyFont = true, ApplyBorder = true, ApplyAlignment = true };
        var thin = new Border(new LeftBorder { Style = BorderStyleValues.Thin }, new RightBorder { Style = BorderStyleValues.Thin },
            new TopBorder { Style = BorderStyleValues.Thin }, new BottomBorder { Style = BorderStyleValues.Thin }, new DiagonalBorder());
        var center = () => new Alignment { Horizontal = HorizontalAlignmentValues.Center, Vertical = VerticalAlignmentValues.Center, WrapText = true };
        return new Stylesheet(
            new Fonts(Font(false), Font(true)),
            new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
            new Borders(new Border(), thin),
            new CellStyleFormats(new CellFormat()),
            new CellFormats(new[] { new CellFormat(), Format(1, 0, new Alignment()), Format(1, 1, center()), Format(0, 1, new Alignment { Vertical = VerticalAlignmentValues.Center }) }
                .Concat(Enumerable.Range(0, (int)MaxIndent + 1).Select(i => Format(0, 1,
                    new Alignment { Indent = (uint)i * 2, Vertical = VerticalAlignmentValues.Center, WrapText = true })))));
    }

    /// <summary>The rows of one sheet as they are written, top down, with their merged ranges and column widths.</summary>
    private sealed class Grid(string name, double[] widths)
    {
        public string Name => name;

        public double[] Widths => widths;

        public List<Row> Rows { get; } = [];

        public List<string> Merges { get; } = [];

        public Row NewRow()
        {
            Rows.Add(new Row { RowIndex = (uint)Rows.Count + 1 });
            return Rows[^1];
        }

        public void Text(Row row, int column, string? text, uint style) => row.Append(text is null
            ? new Cell { CellReference = Ref(row.RowIndex!, column), StyleIndex = style }
            : new Cell { CellReference = Ref(row.RowIndex!, column), StyleIndex = style, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) });

        public void Texts(Row row, uint style, params string[] texts)
        {
            for (var i = 0; i < texts.Length; i++)
                Text(row, i, texts[i], style);
        }

        public void Number(Row row, int column, decimal? value) => row.Append(new Cell
        {
            CellReference = Ref(row.RowIndex!, column),
            StyleIndex = ReportXlsx.Number,
            CellValue = value is { } v ? new CellValue(v) : null,
            DataType = value is null ? null : CellValues.Number,
        });

        public void Merge(int top, int left, int bottom, int right)
        {
            if (top != bottom || left != right)
                Merges.Add($"{Ref((uint)top, left)}:{Ref((uint)bottom, right)}");
        }

        private static string Ref(uint row, int column) =>
            (column >= 26 ? ((char)('A' + column / 26 - 1)).ToString() : "") + (char)('A' + column % 26) + row;
    }
}
