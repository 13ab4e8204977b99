using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.App.Reports.Audit;

/// <summary>A figure as the report states it: what it counts, the number as written and the text around it.</summary>
public sealed record StatedFigure(string Key, string Name, string Written, string? Quote, bool Ocr = false);

/// <summary>One file audited: what was read from it and the findings — or why it could not be read.</summary>
public sealed record AuditedReport(string Name, ReadReport? Read, IReadOnlyList<Finding> Findings, string? Error)
{
    public bool Failed => Error is not null;

    /// <summary>The pages recognised from images (a scanned PDF, issue 18), numbered from 1.</summary>
    public IReadOnlyList<int> OcrPages { get; init; } = [];

    /// <summary>Whether the figure under <paramref name="key"/> was recognised from an image (<see cref="ReadReport.IsOcr"/>).</summary>
    public bool IsOcr(string key) => Read?.IsOcr(key) == true;

    /// <summary>
    /// Every figure the report states: its cells, what its prose states under the summary keys (<c>applications.received</c>
    /// …), and the summary keys its tables give where the prose does not state them (<see cref="ReportSummary"/>).
    /// </summary>
    public ReportFigures Figures => Read is null ? ReportFigures.Empty
        : ReportSummary.From(Read.Form, Read.Figures).With(Read.Figures.Values);

    /// <summary>
    /// The figures the report's text states outside its tables, as it writes them (「142.2万条」, not 1422000), with the
    /// clause each was read from, in the order of the text.
    /// </summary>
    public IReadOnlyList<StatedFigure> ProseFigures => Read is null ? []
        : [.. Read.Figures.Values.Where(v => Layout.Cell(v.Key) is null)
            .Select(v => new StatedFigure(v.Key, ReportReader.FigureName(v.Key), Read.WrittenAs(v.Key) ?? v.Value.ToString(), Read.Quote(v.Key), Read.IsOcr(v.Key)))
            .OrderBy(f => f.Quote is null ? int.MaxValue : Read.Text.IndexOf(f.Quote, StringComparison.Ordinal))];

    /// <summary>The figures the report's tables state, under the cell keys of the tables they fill (<see cref="Layout"/>).</summary>
    public ReportFigures Cells => Read is null ? ReportFigures.Empty
        : ReportFigures.From(Read.Figures.Values.Where(v => Layout.Cell(v.Key) is not null));

    /// <summary>The cells of the report's own form: what can be saved as a unit's figures for the year.</summary>
    public ReportFigures FormCells => Read is null ? ReportFigures.Empty
        : ReportFigures.From(Read.Figures.Values.Where(v => ReportLayouts.For(Read.Form).Cell(v.Key) is not null));

    /// <summary>The tables the figures read fill (<see cref="ReportLayouts.AsRead"/>): what the page lays them out in.</summary>
    public ReportLayout Layout => Read is null ? ReportLayouts.Form2021 : ReportLayouts.AsRead(Read.Form, Read.Figures);
}

/// <summary>
/// `gongkai report audit`, /tools/audit and POST /api/v1/audit (issue 6): a published report — text, web page, Word or
/// PDF — read into the model of Gongkai's reports (<see cref="ReportReader"/>) and checked (<see cref="ReportAudit"/>:
/// domain §5 and the arithmetic of the prose). Never throws for what a file holds: an unreadable file is a result with
/// its error, so a batch goes on.
/// </summary>
public static class AuditReport
{
    /// <summary>A file; a scanned PDF's pages recognised by <paramref name="ocr"/> when given (issue 18).</summary>
    public static AuditedReport Audit(string name, ReadOnlyMemory<byte> content, ScannedPdf? ocr = null, CancellationToken ct = default)
    {
        FileText file;
        try
        {
            file = AuditFile.Read(name, content, ocr, ct);
        }
        catch (AuditFileUnreadableException e)
        {
            return new(name, null, [], e.Message);
        }
        return Audit(name, file);
    }

    public static AuditedReport AuditText(string name, string text) => Audit(name, FileText.Of(text));

    private static AuditedReport Audit(string name, FileText file)
    {
        if (file.Parts.All(p => string.IsNullOrWhiteSpace(p.Text)))
            return new(name, null, [], "文件中没有文字（扫描件或图片须先识别成文字）。");
        var read = ReportReader.Read(file.Parts);
        if (file.Notes.Count > 0)
            read = read with { Notes = [.. read.Notes, .. file.Notes] };
        if (read.Figures.Count == 0 && read.Year is null)
            return new(name, read, [], "没有读到年度报告的统计数字或年度，这似乎不是政府信息公开工作年度报告。") { OcrPages = file.OcrPages };
        return new(name, read, ReportAudit.Run(read), null) { OcrPages = file.OcrPages };
    }

    /// <summary>
    /// A batch read together: where it holds the same unit's report of the year before (same unit name as stated, year
    /// − 1), that report's figures are last year's for the carry-over check (<c>t3.carry_over</c>: last year's 结转下年度
    /// is this year's 上年结转), as for Gongkai's own reports.
    /// </summary>
    public static IReadOnlyList<AuditedReport> AcrossYears(IReadOnlyList<AuditedReport> reports) =>
        [.. reports.Select(report =>
        {
            if (report.Read is not { Unit: { } unit, Year: { } year } read || report.Failed)
                return report;
            var before = reports.FirstOrDefault(r => !r.Failed && r.Read is { } last && last.Unit == unit && last.Year == year - 1);
            if (before is null)
                return report;
            var carried = ReportChecks.Run(read.Form, read.Figures, before.Read!.Figures).Where(f => f.Evidence.Any(e => e.LastYear))
                .Select(f => ReportAudit.Soften(f, e => e.LastYear ? before.IsOcr(e.Key) : read.IsOcr(e.Key)));
            return report with { Findings = [.. report.Findings, .. carried] };
        })];

    /// <summary>
    /// The JSON of one audited report (issue 6): <c>{"file", "form", "unit", "year", "figures": {key: number},
    /// "approximate": [keys], "ocr": [keys], "ocrPages": [numbers], "findings": [{"rule", "severity", "message",
    /// "evidence": [{"key", "value", "approximate", "ocr", "quote"}]}], "notes": [...]}</c>; a file that could not be read
    /// is <c>{"file", "error"}</c>. <c>ocr</c> lists the figures recognised from images (issue 18), <c>ocrPages</c> the
    /// pages recognised.
    /// </summary>
    public static void Write(Utf8JsonWriter json, AuditedReport report)
    {
        json.WriteStartObject();
        json.WriteString("file", report.Name);
        if (report.Read is not { } read || report.Error is not null)
        {
            json.WriteString("error", report.Error);
            json.WriteEndObject();
            return;
        }
        json.WriteString("form", read.Form.Code());
        if (read.Unit is { } unit)
            json.WriteString("unit", unit);
        else
            json.WriteNull("unit");
        if (read.Year is { } year)
            json.WriteNumber("year", year);
        else
            json.WriteNull("year");
        var figures = report.Figures;
        json.WriteStartObject("figures");
        foreach (var (key, figure) in figures.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
            json.WriteNumber(key, Plain(figure.Value));
        json.WriteEndObject();
        json.WriteStartArray("approximate");
        foreach (var key in figures.Values.Where(v => v.Value.Approximate).Select(v => v.Key).Order(StringComparer.Ordinal))
            json.WriteStringValue(key);
        json.WriteEndArray();
        json.WriteStartArray("ocr");
        foreach (var key in figures.Keys.Where(read.IsOcr).Order(StringComparer.Ordinal))
            json.WriteStringValue(key);
        json.WriteEndArray();
        json.WriteStartArray("ocrPages");
        foreach (var page in report.OcrPages)
            json.WriteNumberValue(page);
        json.WriteEndArray();
        json.WriteStartArray("findings");
        foreach (var finding in report.Findings)
        {
            json.WriteStartObject();
            json.WriteString("rule", finding.Rule);
            json.WriteString("severity", Finding.SeverityCode(finding.Severity));
            json.WriteString("message", finding.Message);
            json.WriteStartArray("evidence");
            foreach (var evidence in ReportAudit.Quotes(read, finding))
            {
                json.WriteStartObject();
                json.WriteString("key", evidence.Key);
                json.WriteNumber("value", Plain(evidence.Figure.Value));
                json.WriteBoolean("approximate", evidence.Figure.Approximate);
                json.WriteBoolean("ocr", evidence.Ocr);
                if (evidence.Quote is { } quote)
                    json.WriteString("quote", quote);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("notes");
        foreach (var note in read.Notes)
            json.WriteStringValue(note);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A value without trailing zeros: 「142.2万」 is 1422000, not 1422000.0.</summary>
    private static decimal Plain(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>One report as an object, several as an array.</summary>
    public static void Write(Stream output, IReadOnlyList<AuditedReport> reports)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        if (reports.Count == 1)
        {
            Write(json, reports[0]);
            return;
        }
        json.WriteStartArray();
        foreach (var report in reports)
            Write(json, report);
        json.WriteEndArray();
    }
}
