using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Core.Reports;

namespace Gongkai.App.Reports;

/// <summary>
/// A compiled report as JSON (`gongkai report build --format json`): the form, the unit, the year and scope; the
/// tables with every row and column under its stable key and label as printed; all figures by cell key; the summary
/// keys; 同比 (the main totals beside last year's); the per-unit breakdown of a jurisdiction; and the check findings.
/// A published report says when (<c>"status": "published"</c>, <c>"publishedOn"</c>); a compiled one is <c>"compiled"</c>.
/// </summary>
public static class ReportJson
{
    public static void Write(Stream output, CompiledReport report, DateOnly? publishedOn = null)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var layout = ReportLayouts.For(report.Form);
        json.WriteStartObject();
        json.WriteString("form", report.Form.Code());
        json.WriteStartObject("unit");
        json.WriteString("code", report.UnitCode);
        json.WriteString("name", report.UnitName);
        json.WriteEndObject();
        json.WriteNumber("year", report.Year);
        json.WriteString("scope", report.Scope.Code());
        json.WriteString("status", publishedOn is null ? "compiled" : "published");
        if (publishedOn is { } day)
            json.WriteString("publishedOn", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        json.WriteStartArray("tables");
        foreach (var table in layout.Tables)
        {
            json.WriteStartObject();
            json.WriteString("id", table.Id);
            json.WriteString("name", table.Name);
            json.WriteString("section", table.Section);
            json.WriteString("caption", table.Caption);
            json.WriteStartArray("columns");
            foreach (var column in table.LeafColumns)
            {
                json.WriteStartObject();
                json.WriteString("key", column.Key);
                json.WriteString("label", column.Label);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("rows");
            foreach (var row in table.AllRows)
            {
                json.WriteStartObject();
                json.WriteString("key", row.Key);
                json.WriteString("label", row.Label);
                if (row.HasCells)
                {
                    json.WriteStartObject("cells");
                    foreach (var column in table.LeafColumns)
                        WriteFigure(json, column.Key, report.Figures[ReportKeys.Cell(table.KeyPrefix, row.Key, column.Key)]);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();

        WriteFigures(json, "figures", report.Figures);
        WriteFigures(json, "summary", ReportSummary.From(report.Form, report.Figures));
        json.WriteStartArray("changes");
        foreach (var change in report.Changes)
        {
            json.WriteStartObject();
            json.WriteString("key", change.Key);
            json.WriteString("name", change.Name);
            json.WriteNumber("thisYear", change.ThisYear.Value);
            json.WriteNumber("lastYear", change.LastYear.Value);
            json.WriteNumber("change", change.Change);
            if (change.Percent is { } percent)
                json.WriteNumber("percent", percent);
            else
                json.WriteNull("percent");
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("units");
        foreach (var unit in report.Units)
        {
            json.WriteStartObject();
            json.WriteString("code", unit.Code);
            json.WriteString("name", unit.Name);
            WriteFigures(json, "figures", unit.Figures);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", finding.Rule);
            json.WriteString("severity", Finding.SeverityCode(finding.Severity));
            json.WriteString("message", finding.Message);
            json.WriteStartObject("evidence");
            foreach (var evidence in finding.Evidence)
                json.WriteNumber(evidence.LastYear ? $"last_year.{evidence.Key}" : evidence.Key, evidence.Figure.Value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteFigures(Utf8JsonWriter json, string name, ReportFigures figures)
    {
        json.WriteStartObject(name);
        foreach (var (key, figure) in figures.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            WriteFigure(json, key, figure);
        json.WriteEndObject();
    }

    private static void WriteFigure(Utf8JsonWriter json, string key, Figure? figure)
    {
        if (figure is { } f)
            json.WriteNumber(key, f.Value);
        else
            json.WriteNull(key);
    }
}
