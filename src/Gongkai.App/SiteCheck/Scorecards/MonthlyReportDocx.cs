using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Gongkai.App.SiteCheck.Scorecards;

/// <summary>
/// The monthly report as a Word document (A4, 宋体, tables with borders as the 《政府网站工作年度报表》 document): for a
/// subtree the units side by side first, then per unit its scorecard in the check's own layout — 一、单项否决指标，二、扣分指标，
/// 三、加分指标，总分和结论 — and its fix list.
/// </summary>
public static class MonthlyReportDocx
{
    /// <summary>A4's width less the margins, in twips.</summary>
    private const int TextWidth = 11906 - 2 * 1134;

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
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = report.Title;
        package.PackageProperties.Language = "zh-CN";
        var main = package.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        body.Append(Line(report.Title, bold: true, size: 32, center: true));
        body.Append(Line($"依据：国办秘函〔2019〕19号《政府网站与政务新媒体检查指标》。各单位取本月最后一次检查的结果（北京时间）。", false, 21, false));
        var section = 0;
        if (report.Subtree)
        {
            body.Append(Line($"{Numeral(++section)}、各单位检查结果（问题多的在前）", true, 28, false, before: 240));
            body.Append(Table(["单位", "检查时间", "单项否决", "得分", "结论", "较上次"],
                report.Table.Select(r => r.Latest is { } run
                    ? new[] { r.Unit.Name, ScorecardText.Time(run.At), run.FailedVetoes.Count == 0 ? "无" : string.Join("、", run.FailedVetoes), run.Score.ToString(), ScorecardText.Conclusion(run), ScorecardText.Change(r.ScoreChange) }
                    : [r.Unit.Name, "本月未检查", "—", "—", "—", "—"]), 26, 18, 20, 8, 16, 12));
        }
        if (report.Subtree && report.Table.Where(r => r.Latest is null).Select(r => r.Unit.Name).ToList() is { Count: > 0 } notChecked)
            body.Append(Line($"本月未检查的单位（{notChecked.Count} 个）：{string.Join("、", notChecked)}。", false, 21, false));
        // Each checked unit's scorecard, in the table's order (worst first).
        var byUnit = report.Units.ToDictionary(u => u.Standing.Unit.Id);
        foreach (var unit in report.Table.Select(r => byUnit[r.Unit.Id]))
        {
            if (report.Subtree && unit.Standing.Latest is null)
                continue;
            var heading = report.Subtree ? $"{Numeral(++section)}、{unit.Standing.Unit.Name}（{unit.Standing.Unit.Code}）" : $"{unit.Standing.Unit.Name}（{unit.Standing.Unit.Code}）";
            body.Append(Line(heading, true, 28, false, before: 240));
            if (unit.Standing.Latest is not { } run || unit.Report is not { } r)
            {
                body.Append(Line(unit.Standing.Latest is null ? "本月没有检查记录。" : "本月最后一次检查的结果无法读取。", false, 24, false));
                continue;
            }
            var card = r.Scorecard;
            body.Append(Line($"检查时间：{ScorecardText.Time(run.At)}　方式：{run.Trigger}", false, 24, false));
            body.Append(Line("（一）单项否决指标", true, 24, false, before: 120));
            body.Append(Table(["指标", "结果", "证据"], card.Vetoes.Select(v => new[] { ScorecardText.Item(v), ScorecardText.Result(v.Passed), ScorecardText.Evidence(v.Evidence) }), 28, 10, 62));
            body.Append(Line("（二）扣分指标", true, 24, false, before: 120));
            body.Append(card.Deductions.Count == 0 ? Line("无扣分项。", false, 24, false)
                : Table(["指标", "扣分", "证据"], card.Deductions.Select(d => new[] { d.Name, d.Counted.ToString(), ScorecardText.Evidence(d.Evidence) }), 28, 10, 62));
            body.Append(Line("（三）加分指标", true, 24, false, before: 120));
            body.Append(card.Bonuses.Count == 0 ? Line("无加分项。", false, 24, false)
                : Table(["指标", "加分", "证据"], card.Bonuses.Select(b => new[] { b.Name, b.Counted.ToString(), ScorecardText.Evidence(b.Evidence) }), 28, 10, 62));
            body.Append(Line($"总分：{card.Score} 分（满分 100，扣 {card.Deducted} 分，加 {card.Bonus} 分）　结论：{ScorecardText.Conclusion(card)}", true, 24, false));
            body.Append(Line($"（四）整改清单（{r.Findings.Count} 项，紧急的在前）", true, 24, false, before: 120));
            body.Append(r.Findings.Count == 0 ? Line("没有需要整改的问题。", false, 24, false)
                : Table(["序号", "问题", "证据", "对象"], r.Findings.Select((f, i) => new[]
                    { (i + 1).ToString(), f.Title, f.Evidence, $"{ScorecardText.TargetKind(f.Target.Kind)}：{f.Target.Label}{(f.Target.Url is { Length: > 0 } url && url.StartsWith("http", StringComparison.Ordinal) ? $"（{url}）" : "")}" }), 6, 26, 40, 28));
        }
        body.Append(new SectionProperties(new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
        main.Document.Save();
    }

    private static string Numeral(int n) => n switch
    {
        1 => "一", 2 => "二", 3 => "三", 4 => "四", 5 => "五", 6 => "六", 7 => "七", 8 => "八", 9 => "九", 10 => "十",
        < 20 => "十" + Numeral(n - 10),
        < 100 => Numeral(n / 10) + "十" + (n % 10 == 0 ? "" : Numeral(n % 10)),
        _ => n.ToString(),
    };

    /// <param name="widths">Each column's share of the page width, in per cent.</param>
    private static Table Table(string[] headings, IEnumerable<string[]> rows, params int[] widths)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        // The grid is what LibreOffice lays the columns out by; Word reads the cells' widths.
        var grid = new TableGrid();
        foreach (var share in widths.Length == headings.Length ? widths : [.. headings.Select(_ => 100 / headings.Length)])
            grid.Append(new GridColumn { Width = (TextWidth * share / 100).ToString() });
        table.Append(grid);
        table.Append(Row(true, headings, widths));
        foreach (var row in rows)
            table.Append(Row(false, row, widths));
        return table;
    }

    private static TableRow Row(bool header, string[] cells, int[] widths)
    {
        var row = new TableRow();
        if (header)
            row.Append(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = new TableCell();
            if (i < widths.Length)
                cell.Append(new TableCellProperties(new TableCellWidth { Width = (widths[i] * 50).ToString(), Type = TableWidthUnitValues.Pct }));
            cell.Append(Line(cells[i], header, 21, false));
            row.Append(cell);
        }
        return row;
    }

    private static Paragraph Line(string text, bool bold, int size, bool center, int before = 0)
    {
        var run = new RunProperties(new RunFonts { Ascii = "SimSun", EastAsia = "宋体", HighAnsi = "SimSun" }, new FontSize { Val = size.ToString() });
        if (bold)
            run.Append(new Bold());
        var paragraph = new Paragraph();
        var properties = new ParagraphProperties();
        if (before > 0)
            properties.Append(new SpacingBetweenLines { Before = before.ToString() });
        if (center)
            properties.Append(new Justification { Val = JustificationValues.Center });
        if (properties.HasChildren)
            paragraph.Append(properties);
        paragraph.Append(new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
