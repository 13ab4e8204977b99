using Gongkai.Core.Applications;
using System.Text;
using Gongkai.Core.Reports;
using static System.Net.WebUtility;

namespace Gongkai.App.Reports;

/// <summary>
/// A report as one standalone HTML page (政府信息公开工作年度报告), printable on A4: the same sections in the same order
/// as <see cref="ReportDocx"/>, the tables exactly as the portal prints them (_ReportTables.cshtml, from
/// <see cref="ReportGrid"/>) — every data cell names its headers (WCAG H43), an unstated figure is an empty cell — and
/// 表三, 表四 on landscape pages when printed. No script, no outside resource; check findings are not printed.
/// </summary>
public static class ReportHtml
{
    private const string Style = """
        @page { size: A4; margin: 2cm }
        @page wide { size: A4 landscape }
        body { margin: 2rem auto; max-width: 64rem; padding: 0 1rem; color: #000; font: 12pt/1.7 "SimSun", "Songti SC", "Noto Serif CJK SC", serif; }
        h1 { font-size: 20pt; text-align: center; margin: 0 0 1.5em; }
        h2 { font: 15pt/1.5 "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; margin: 1.2em 0 .5em; }
        .narrative p { text-indent: 2em; margin: 0; text-align: justify; }
        table.report-table { border-collapse: collapse; width: 100%; margin: .5em 0 1.2em; font-size: 10.5pt; line-height: 1.4; }
        table.report-table caption { text-align: left; font-weight: 700; padding: .25em 0; }
        table.report-table th, table.report-table td { border: 1px solid #000; padding: .25em .4em; vertical-align: middle; }
        table.report-table th { font-weight: 400; text-align: center; }
        table.report-table th.label { text-align: left; }
        table.report-table th.indent-1 { padding-left: 1.5em; }
        table.report-table th.indent-2 { padding-left: 2.5em; }
        table.report-table th.indent-3 { padding-left: 3.5em; }
        table.report-table td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; min-width: 3em; }
        table.report-table td.unit { text-align: center; }
        .published { text-align: right; margin-top: 2em; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        @media print {
          body { margin: 0; max-width: none; padding: 0; }
          .wide { page: wide; }
          table.report-table { font-size: 10pt; }
          table.report-table thead { display: table-header-group; }
          h2, table.report-table caption { break-after: avoid; }
        }
        """;

    public static void Write(Stream output, ReportDocument document)
    {
        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{HtmlEncode(document.Title)}</title>
            <style>
            {Style}
            </style>
            </head>
            <body>
            <article class="annual-report">
            <h1>{HtmlEncode(document.Title)}</h1>

            """);
        Narrative(html, document, NarrativeSection.Overview);
        foreach (var section in ReportLayouts.For(document.Report.Form).Tables.GroupBy(t => t.Section))
        {
            var grids = section.Select(t => new ReportGrid(t)).ToList();
            var wide = grids.Any(g => g.Wide);
            html.Append($"<section class=\"{(wide ? "tables wide" : "tables")}\">\n<h2>{HtmlEncode(section.Key)}</h2>\n");
            foreach (var grid in grids)
                Table(html, grid, document.Report.Figures);
            html.Append("</section>\n");
        }
        foreach (var section in ReportDocument.AfterTables)
            Narrative(html, document, section);
        if (document.PublishedOn is { } day)
            html.Append($"<p class=\"published\">{Gongkai.Core.Documents.Notice.ChineseDate(day)}</p>\n");
        html.Append("</article>\n</body>\n</html>\n");
        var bytes = new UTF8Encoding(false).GetBytes(html.ToString());
        output.Write(bytes);
    }

    private static void Narrative(StringBuilder html, ReportDocument document, NarrativeSection section)
    {
        if (document.Text(section) is not { } text)
            return;
        html.Append($"<section class=\"narrative\">\n<h2>{HtmlEncode(section.Heading())}</h2>\n");
        foreach (var paragraph in ReportDocument.Paragraphs(text))
            html.Append($"<p>{HtmlEncode(paragraph)}</p>\n");
        html.Append("</section>\n");
    }

    /// <summary>The markup of _ReportTables.cshtml, with the 单位 header given an id so its cells name it too.</summary>
    private static void Table(StringBuilder html, ReportGrid grid, ReportFigures figures)
    {
        var table = grid.Table;
        var unitId = grid.Id("c", "unit");
        html.Append($"<table class=\"report-table\" id=\"{grid.Id("t", "")}\">\n");
        html.Append(table.Caption is { } caption ? $"<caption>{HtmlEncode(caption)}</caption>\n" : $"<caption class=\"visually-hidden\">{HtmlEncode(table.Section)}</caption>\n");
        html.Append("<thead>\n");
        for (var i = 0; i < grid.HeaderRows.Count; i++)
        {
            html.Append("<tr>");
            if (i == 0 && grid.LabelColumns > 0)
                html.Append($"<th class=\"corner\" scope=\"col\"{Spans(grid.CornerRowSpan, grid.LabelColumns)}>{HtmlEncode(table.Corner)}</th>");
            if (i == 0 && grid.Flat)
                html.Append($"<th id=\"{unitId}\" scope=\"col\"{Spans(grid.CornerRowSpan, 1)}>{ReportTable.UnitHeader}</th>");
            foreach (var h in grid.HeaderRows[i])
                html.Append($"<th id=\"{h.Id}\" scope=\"{h.Scope}\"{Spans(h.RowSpan, h.ColSpan)}>{HtmlEncode(h.Text)}</th>");
            html.Append("</tr>\n");
        }
        html.Append("</thead>\n<tbody>\n");
        foreach (var line in grid.Body)
        {
            html.Append("<tr>");
            foreach (var h in line.Labels)
                html.Append($"<th id=\"{h.Id}\" scope=\"{h.Scope}\" class=\"{(grid.Flat ? $"label indent-{line.Depth}" : "label")}\"{Spans(h.RowSpan, h.ColSpan)}>{HtmlEncode(h.Text)}</th>");
            if (grid.Flat)
                html.Append($"<td class=\"unit\" headers=\"{string.Join(" ", line.HeaderIds.Prepend(unitId))}\">{HtmlEncode(line.Row.Unit ?? "")}</td>");
            foreach (var column in grid.Leaves)
            {
                var headers = string.Join(" ", grid.ColumnHeaderIds(column).Concat(line.HeaderIds));
                if (!line.Row.HasCells)
                {
                    html.Append($"<td class=\"num\" headers=\"{headers}\"></td>");
                    continue;
                }
                var key = ReportKeys.Cell(table.KeyPrefix, line.Row.Key, column.Key);
                html.Append($"<td class=\"num\" headers=\"{headers}\" data-key=\"{key}\">{HtmlEncode(figures[key]?.ToString() ?? "")}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string Spans(int rowSpan, int colSpan) =>
        (rowSpan > 1 ? $" rowspan=\"{rowSpan}\"" : "") + (colSpan > 1 ? $" colspan=\"{colSpan}\"" : "");
}
