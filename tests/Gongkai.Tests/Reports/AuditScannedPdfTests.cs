using System.Diagnostics;
using System.Text.Json;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Reports.Audit;
using Gongkai.Core.Catalog;
using Gongkai.Core.Reports;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Reports;

/// <summary>
/// Scanned reports (issue 18): a PDF page without text is read through OCR; what was recognised is marked, and a
/// disagreement resting on it is only a warning. The scan is made in the test (<see cref="ScannedReports"/>).
/// </summary>
public class AuditScannedPdfTests
{
    private static readonly OcrSettings Ocr = new(Enabled: true, MaxPages: 10, TimeSpan.FromSeconds(120), "tesseract", "pdftoppm");

    [Fact]
    public async Task A_scanned_report_should_be_read_through_OCR_with_its_figures_marked_and_its_inconsistency_only_a_warning()
    {
        var printed = await ScannedReports.District2024Async();
        Assert.True(string.IsNullOrWhiteSpace(AttachmentText.Extract(AttachmentKind.Pdf, new MemoryStream(printed.ScannedPdf))));   // no text layer
        Assert.Empty(AuditReport.Audit("report.pdf", printed.TextPdf, new ScannedPdf(Ocr)).OcrPages);   // a PDF with text is read as before
        var text = AuditReport.AuditText("report.html", printed.Html);

        var folders = TemporaryFolders();
        var clock = Stopwatch.StartNew();
        var scan = AuditReport.Audit("scan.pdf", printed.ScannedPdf, new ScannedPdf(Ocr), TestContext.Current.CancellationToken);
        var elapsed = clock.ElapsedMilliseconds;
        Assert.Equal(folders, TemporaryFolders());                           // the page images are gone

        Assert.False(scan.Failed, scan.Error);
        Assert.Equal([1, 2], scan.OcrPages);
        var read = scan.Read!;
        Assert.Equal((ReportForm.Form2021, 2024), (read.Form, read.Year));
        Assert.Contains("映月区", read.Unit);
        // Most of table 三's cells are recognised, and as the text version has them.
        var cells = scan.Cells.Values.ToList();
        var alike = cells.Count(c => text.Cells[c.Key] == c.Value);
        TestContext.Current.TestOutputHelper?.WriteLine($"Read through OCR in {elapsed} ms (two A4 pages at 300 dpi): {alike} of {cells.Count} cells as in the text version");
        Assert.True(cells.Count >= 100 && alike >= cells.Count * 0.9, $"{alike} of {cells.Count} cells as in the text version");
        Assert.Equal(6m, scan.Cells["t3.received.total"]!.Value.Value);
        Assert.Equal(9m, scan.Figures["applications.received"]!.Value.Value);
        Assert.All(read.Figures.Keys, key => Assert.True(scan.IsOcr(key), key));

        // 9 in the text and 6 in table 三: an error in the text version, only a warning from the scan, saying why.
        Assert.Contains(text.Findings, f => f.Rule == "narrative.matches_table" && f.Severity == Severity.Error);
        var mismatch = Assert.Single(scan.Findings, f => f.Rule == "narrative.matches_table");
        Assert.Equal(Severity.Warning, mismatch.Severity);
        Assert.Contains("OCR", mismatch.Message);
        Assert.DoesNotContain(scan.Findings, f => f.Severity == Severity.Error);

        using var output = new MemoryStream();
        AuditReport.Write(output, [scan]);
        var json = JsonDocument.Parse(output.ToArray()).RootElement;
        Assert.Equal([1, 2], json.GetProperty("ocrPages").EnumerateArray().Select(p => p.GetInt32()));
        Assert.Contains("t3.received.total", json.GetProperty("ocr").EnumerateArray().Select(k => k.GetString()));
        var evidence = json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("rule").GetString() == "narrative.matches_table").GetProperty("evidence");
        Assert.All(evidence.EnumerateArray(), e => Assert.True(e.GetProperty("ocr").GetBoolean()));
    }

    [Fact]
    public async Task The_audit_page_should_say_a_scan_was_recognised_and_mark_its_figures()
    {
        var printed = await ScannedReports.District2024Async();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);

        var response = await app.Browser().SubmitAsync("/tools/audit", "form.audit-form", "button[type=submit]",
            file: new BrowserForm.File("Upload", "scan.pdf", printed.ScannedPdf));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Contains("第1、2页是图片", page.QuerySelector(".audit-result .ocr-note")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("li.finding.error"));
        var mismatch = page.QuerySelectorAll("li.finding.warning").Single(f => f.TextContent.Contains("OCR"));
        Assert.Contains("OCR识别", mismatch.QuerySelector("ul.evidence")!.TextContent);
        Assert.NotEmpty(page.QuerySelectorAll("table.report-table td.ocr abbr.ocr-mark"));
    }

    [Fact]
    public void A_scanned_pdf_should_give_a_clear_error_when_OCR_is_not_installed_or_not_enabled()
    {
        var scan = ScannedReports.ImagePdf(Convert.FromBase64String(GreyPixel));

        var missing = AuditReport.Audit("scan.pdf", scan, new ScannedPdf(Ocr with { Tesseract = "/nonexistent/tesseract" }));
        var disabled = AuditReport.Audit("scan.pdf", scan, new ScannedPdf(Ocr with { Enabled = false }));
        var without = AuditReport.Audit("scan.pdf", scan);

        Assert.Equal(ScannedPdf.NotInstalled, missing.Error);
        Assert.Contains("未安装文字识别（OCR）", missing.Error);
        Assert.Equal(ScannedPdf.NotEnabled, disabled.Error);
        Assert.Contains("扫描件或图片", without.Error);
    }

    private static int TemporaryFolders() => Directory.EnumerateDirectories(Path.GetTempPath(), "gongkai-ocr-*").Count();

    /// <summary>A 1×1 grey PNG.</summary>
    private const string GreyPixel = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==";
}
