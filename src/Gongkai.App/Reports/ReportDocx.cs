using Gongkai.Core.Applications;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Gongkai.Core.Reports;

namespace Gongkai.App.Reports;

/// <summary>
/// A report as the Word document a unit publishes (政府信息公开工作年度报告): the title; 一、总体情况; the tables of the form
/// under their section headings exactly as printed — column groups over their columns with w:gridSpan, row headings
/// down their sub-rows with w:vMerge, as <see cref="ReportGrid"/> lays them out, an unstated figure an empty cell; then
/// 五、六 and a government's 七; and the day it was published. A4 portrait, 宋体 text and 黑体 headings; a table of more
/// than six columns (表三, 表四) gets an A4 landscape section, so every column fits at 五号. Check findings are not
/// printed: the published document is the report.
/// </summary>
public static class ReportDocx
{
    // In twips (1/20 pt): A4 is 11906 × 16838, margins 2 cm, the 单位 column 1.2 cm.
    private const int ShortSide = 11906, LongSide = 16838, Margin = 1134, UnitWidth = 680;
    private const string Title = "Title", Heading = "Heading1", Caption = "TableCaption", BodyText = "BodyText", CellText = "TableText";

    public static void Write(Stream output, ReportDocument document)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = document.Title;
        package.PackageProperties.Language = "zh-CN";
        var main = package.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = StyleSheet();
        main.AddNewPart<FontTablePart>().Fonts = FontTable();
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new Compatibility(new CompatibilitySetting
        {
            Name = CompatSettingNameValues.CompatibilityMode,
            Uri = "http://schemas.microsoft.com/office/word",
            Val = "15",
        }));
        var body = new Body();
        main.Document = new Document(body);

        body.Append(Paragraph(document.Title, Title));
        Narrative(body, document, NarrativeSection.Overview);
        var landscape = false;
        foreach (var section in ReportLayouts.For(document.Report.Form).Tables.GroupBy(t => t.Section))
        {
            var grids = section.Select(t => new ReportGrid(t)).ToList();
            landscape = Page(body, landscape, grids.Any(g => g.Wide));
            body.Append(Paragraph(section.Key, Heading));
            foreach (var grid in grids)
            {
                if (grid.Table.Caption is { } caption)
                    body.Append(Paragraph(caption, Caption));
                body.Append(Table(grid, document.Report.Figures, TextWidth(landscape)));
            }
        }
        landscape = Page(body, landscape, false);
        foreach (var section in ReportDocument.AfterTables)
            Narrative(body, document, section);
        if (document.PublishedOn is { } day)
        {
            var right = new ParagraphProperties(new ParagraphStyleId { Val = BodyText }, new SpacingBetweenLines { Before = "480" },
                new Justification { Val = JustificationValues.Right });
            body.Append(new Paragraph(right, new Run(new Text(Gongkai.Core.Documents.Notice.ChineseDate(day)))));
        }
        if (body.LastChild is Table)
            body.Append(new Paragraph());
        body.Append(Section(landscape));
    }

    private static void Narrative(Body body, ReportDocument document, NarrativeSection section)
    {
        if (document.Text(section) is not { } text)
            return;
        body.Append(Paragraph(section.Heading(), Heading));
        body.Append(ReportDocument.Paragraphs(text).Select(p => Paragraph(p, BodyText)));
    }

    /// <summary>Ends the current section when the orientation changes (its w:sectPr sits in its last paragraph).</summary>
    private static bool Page(Body body, bool landscape, bool wide)
    {
        if (wide != landscape)
            body.Append(new Paragraph(new ParagraphProperties(Section(landscape))));
        return wide;
    }

    private static SectionProperties Section(bool landscape) => new(
        landscape
            ? new PageSize { Width = LongSide, Height = ShortSide, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = ShortSide, Height = LongSide },
        new PageMargin { Top = Margin, Bottom = Margin, Left = (uint)Margin, Right = (uint)Margin, Header = 567, Footer = 567, Gutter = 0 });

    private static int TextWidth(bool landscape) => (landscape ? LongSide : ShortSide) - 2 * Margin;

    private static Paragraph Paragraph(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Table Table(ReportGrid grid, ReportFigures figures, int width)
    {
        var widths = ColumnWidths(grid, width);
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(), Type = TableWidthUnitValues.Dxa },
                new TableJustification { Val = TableRowAlignmentValues.Center },
                new TableBorders(Line<TopBorder>(), Line<LeftBorder>(), Line<BottomBorder>(), Line<RightBorder>(),
                    Line<InsideHorizontalBorder>(), Line<InsideVerticalBorder>()),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                    new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString() })));

        var slots = Place(grid, figures);
        var starts = slots.ToDictionary(s => (s.Row, s.Column));
        var below = slots.SelectMany(s => Enumerable.Range(s.Row + 1, s.RowSpan - 1).Select(r => (Key: (r, s.Column), Slot: s)))
            .ToDictionary(b => b.Key, b => b.Slot);
        for (var r = 0; r <= slots.Max(s => s.Row); r++)
        {
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            if (r < grid.HeaderRows.Count)
                row.TableRowProperties!.Append(new TableHeader());
            for (var c = 0; c < widths.Length;)
            {
                var slot = starts.GetValueOrDefault((r, c)) ?? below.GetValueOrDefault((r, c))
                    ?? new GridSlot(r, c, 1, 1, "", SlotKind.Header);
                var continued = slot.Row != r;
                row.Append(Cell(slot, continued, widths.Skip(c).Take(slot.ColSpan).Sum()));
                c += slot.ColSpan;
            }
            table.Append(row);
        }
        return table;
    }

    private static T Line<T>() where T : BorderType, new() => new() { Val = BorderValues.Single, Size = 4, Space = 0, Color = "000000" };

    private static TableCell Cell(GridSlot slot, bool continued, int width)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(), Type = TableWidthUnitValues.Dxa });
        if (slot.ColSpan > 1)
            properties.Append(new GridSpan { Val = slot.ColSpan });
        if (slot.RowSpan > 1)
            properties.Append(new VerticalMerge { Val = continued ? null : MergedCellValues.Restart });
        properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });

        var paragraph = new ParagraphProperties(new ParagraphStyleId { Val = CellText });
        if (slot.Depth > 0)
            paragraph.Append(new Indentation { Left = (slot.Depth * 315).ToString() });
        paragraph.Append(new Justification
        {
            Val = slot.Kind switch
            {
                SlotKind.Number => JustificationValues.Right,
                SlotKind.Label => JustificationValues.Left,
                _ => JustificationValues.Center,
            },
        });
        var cell = new Paragraph(paragraph);
        if (!continued && slot.Text.Length > 0)
            cell.Append(new Run(new Text(slot.Text)));
        return new TableCell(properties, cell);
    }

    /// <summary>
    /// A figure column takes a sixth of the width at most, and all of them half (表三's seven, 1.8 cm each on a
    /// landscape page; 表四's fifteen, without labels, share the width); the row labels take the rest, deeper label
    /// columns wider (表三's 「1.属于国家秘密」 column holds the longest labels).
    /// </summary>
    private static int[] ColumnWidths(ReportGrid grid, int width)
    {
        var values = grid.Leaves.Count;
        if (grid.LabelColumns == 0)
            return [.. Enumerable.Repeat(width / values, values)];
        var unit = grid.Flat ? UnitWidth : 0;
        var figure = Math.Min(width / ReportGrid.WideColumns, width / 2 / values);
        var labels = width - unit - figure * values;
        var weights = Enumerable.Range(1, grid.LabelColumns).ToList();
        return
        [
            .. weights.Select(w => labels * w / weights.Sum()),
            .. Enumerable.Repeat(unit, unit > 0 ? 1 : 0),
            .. Enumerable.Repeat(figure, values),
        ];
    }

    private enum SlotKind { Header, Label, Unit, Number }

    /// <summary>A printed cell at its row and first grid column, with its spans (a header, a row label or a figure).</summary>
    private sealed record GridSlot(int Row, int Column, int RowSpan, int ColSpan, string Text, SlotKind Kind, int Depth = 0);

    /// <summary>
    /// The grid's cells as the portal's table places them (_ReportTables.cshtml): the corner (and 单位) over the label
    /// columns, the column headers, then each body row's labels and figures; each row fills left to right, skipping the
    /// columns a cell above still spans, as a browser does.
    /// </summary>
    private static List<GridSlot> Place(ReportGrid grid, ReportFigures figures)
    {
        var rows = new List<List<GridSlot>>();
        for (var i = 0; i < grid.HeaderRows.Count; i++)
        {
            var row = new List<GridSlot>();
            if (i == 0 && grid.LabelColumns > 0)
                row.Add(new(i, 0, grid.CornerRowSpan, grid.LabelColumns, grid.Table.Corner, SlotKind.Header));
            if (i == 0 && grid.Flat)
                row.Add(new(i, 0, grid.CornerRowSpan, 1, ReportTable.UnitHeader, SlotKind.Header));
            row.AddRange(grid.HeaderRows[i].Select(h => new GridSlot(i, 0, h.RowSpan, h.ColSpan, h.Text, SlotKind.Header)));
            rows.Add(row);
        }
        foreach (var line in grid.Body)
        {
            var r = rows.Count;
            var row = line.Labels.Select(h => new GridSlot(r, 0, h.RowSpan, h.ColSpan, h.Text, SlotKind.Label, grid.Flat ? line.Depth : 0)).ToList();
            if (grid.Flat)
                row.Add(new(r, 0, 1, 1, line.Row.Unit ?? "", SlotKind.Unit));
            row.AddRange(grid.Leaves.Select(c => new GridSlot(r, 0, 1, 1,
                (line.Row.HasCells ? figures[ReportKeys.Cell(grid.Table.KeyPrefix, line.Row.Key, c.Key)] : null)?.ToString() ?? "", SlotKind.Number)));
            rows.Add(row);
        }

        var taken = new HashSet<(int, int)>();
        var slots = new List<GridSlot>();
        foreach (var row in rows)
        {
            var column = 0;
            foreach (var slot in row)
            {
                while (taken.Contains((slot.Row, column)))
                    column++;
                slots.Add(slot with { Column = column });
                for (var r = 0; r < slot.RowSpan; r++)
                    for (var c = 0; c < slot.ColSpan; c++)
                        taken.Add((slot.Row + r, column + c));
                column += slot.ColSpan;
            }
        }
        return slots;
    }

    /// <summary>四号 宋体 text, a 二号 bold title, 三号 黑体 headings, 五号 table text; Latin in Times New Roman.</summary>
    private static Styles StyleSheet() => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(Fonts("宋体"), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" },
                new Languages { Val = "en-US", EastAsia = "zh-CN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { Before = "0", After = "0" }))),
        ParagraphStyle("Normal", "Normal", null, new StyleRunProperties()),
        ParagraphStyle(Title, "Title", new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "480" }, new Justification { Val = JustificationValues.Center }),
            new StyleRunProperties(Fonts("宋体"), new Bold(), new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" })),
        ParagraphStyle(Heading, "heading 1", new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120", Line = "360", LineRule = LineSpacingRuleValues.Auto },
                new OutlineLevel { Val = 0 }),
            new StyleRunProperties(Fonts("黑体"), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })),
        ParagraphStyle(Caption, "Table Caption", new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }),
            new StyleRunProperties(Fonts("黑体"), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })),
        ParagraphStyle(BodyText, "Body Text", new StyleParagraphProperties(new SpacingBetweenLines { Line = "360", LineRule = LineSpacingRuleValues.Auto },
                new Indentation { FirstLine = "560", FirstLineChars = 200 }, new Justification { Val = JustificationValues.Both }),
            new StyleRunProperties()),
        ParagraphStyle(CellText, "Table Text", new StyleParagraphProperties(new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(new FontSize { Val = "21" }, new FontSizeComplexScript { Val = "21" })));

    private static Style ParagraphStyle(string id, string name, StyleParagraphProperties? paragraph, StyleRunProperties run)
    {
        var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
        if (id == "Normal")
            style.Default = true;
        else
            style.Append(new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = BodyText });
        style.Append(new PrimaryStyle());
        if (paragraph is not null)
            style.Append(paragraph);
        style.Append(run);
        return style;
    }

    /// <summary>Chinese text in <paramref name="eastAsia"/> (w:eastAsia, so LibreOffice too picks a CJK font), Latin in Times New Roman.</summary>
    private static RunFonts Fonts(string eastAsia) => new()
    {
        Ascii = "Times New Roman",
        HighAnsi = "Times New Roman",
        ComplexScript = "Times New Roman",
        EastAsia = eastAsia,
        Hint = FontTypeHintValues.EastAsia,
    };

    private static Fonts FontTable() => new(
        Font("宋体", "SimSun", "02010600030101010101", "86", FontFamilyValues.Auto, FontPitchValues.Variable),
        Font("黑体", "SimHei", "02010609060101010101", "86", FontFamilyValues.Modern, FontPitchValues.Fixed),
        Font("Times New Roman", null, "02020603050405020304", "00", FontFamilyValues.Roman, FontPitchValues.Variable));

    private static Font Font(string name, string? altName, string panose, string charset, FontFamilyValues family, FontPitchValues pitch)
    {
        var font = new Font { Name = name };
        if (altName is not null)
            font.Append(new AltName { Val = altName });
        font.Append(new Panose1Number { Val = panose }, new FontCharSet { Val = charset }, new FontFamily { Val = family }, new Pitch { Val = pitch });
        return font;
    }
}
