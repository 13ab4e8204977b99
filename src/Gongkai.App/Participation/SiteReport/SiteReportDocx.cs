using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.App.Participation.SiteReport;

/// <summary>
/// `gongkai site report --format docx`: the two sections as the 《政府网站工作年度报表》 lays them out — a heading, then a
/// table of 栏目 / 指标 / 数值 — in a Word document (A4, 宋体).
/// </summary>
public static class SiteReportDocx
{
    public static void Write(Stream output, SiteReportFigures figures)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var title = $"{figures.UnitName}{figures.Year}年度政府网站工作年度报表（解读回应、互动交流）";
        package.PackageProperties.Title = title;
        package.PackageProperties.Language = "zh-CN";
        var main = package.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        body.Append(Line(title, bold: true, size: 32, center: true));
        body.Append(Line($"单位：{figures.UnitName}（{figures.UnitCode}）　年度：{figures.Year}", bold: false, size: 24, center: false));
        foreach (var section in figures.Rows.GroupBy(r => r.Section.Split('·')[0]))
        {
            body.Append(Line(section.Key, bold: true, size: 28, center: false));
            var table = new Table(new TableProperties(
                new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
                new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                    new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
            table.Append(Row(true, "栏目", "指标", "数值"));
            foreach (var (part, label, value) in section)
                table.Append(Row(false, part.Contains('·') ? part.Split('·')[1] : part, label, value));
            body.Append(table);
        }
        body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
            row.Append(new TableRowProperties(new TableHeader()));
        foreach (var text in cells)
            row.Append(new TableCell(Line(text, header, 22, false)));
        return row;
    }

    private static Paragraph Line(string text, bool bold, int size, bool center)
    {
        var run = new RunProperties(new RunFonts { Ascii = "SimSun", EastAsia = "宋体", HighAnsi = "SimSun" }, new FontSize { Val = size.ToString() });
        if (bold)
            run.Append(new Bold());
        var paragraph = new Paragraph();
        if (center)
            paragraph.Append(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        paragraph.Append(new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
