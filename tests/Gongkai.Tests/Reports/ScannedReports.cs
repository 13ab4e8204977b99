using System.Diagnostics;
using Gongkai.App.Reports;
using Gongkai.Tests.Browser;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Gongkai.Tests.Reports;

/// <summary>
/// A report as a scanner makes it (issue 18): Gongkai's 2024 district report (<see cref="ReportExportGoldenTests.District2024"/>,
/// whose text says 9 applications and whose table 三 says 6) printed to A4 PDF by Chromium at 70 % (so the title keeps to
/// one line), its first two pages — the text, table 二 and table 三 — rendered to grey images at 300 dpi by pdftoppm, and
/// those images alone made PDF pages (PDFsharp): no text layer. Made once per test run. OCR tests need Debian's tesseract-ocr with chi_sim and chi_tra and
/// poppler-utils: without them they are skipped, except under CI=true, where they fail.
/// </summary>
public static class ScannedReports
{
    /// <summary>The report as a web page, as Chromium printed it, and as scanned.</summary>
    public sealed record Printed(string Html, byte[] TextPdf, byte[] ScannedPdf);

    private static readonly Lazy<Task<Printed>> District = new(PrintAsync);

    public static Task<Printed> District2024Async()
    {
        RequireOcr();
        return District.Value;
    }

    /// <summary>Skips (or fails under CI) when tesseract with both Chinese languages or pdftoppm is missing.</summary>
    public static void RequireOcr()
    {
        var languages = Output("tesseract", "--list-langs") ?? "";
        if (languages.Contains("chi_sim") && languages.Contains("chi_tra") && Output("pdftoppm", "-v") is not null)
            return;
        const string Install = "apt-get install tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-chi-tra poppler-utils";
        if (Environment.GetEnvironmentVariable("CI") == "true")
            Assert.Fail($"CI=true but tesseract (chi_sim, chi_tra) or pdftoppm is missing: {Install}");
        Assert.Skip($"No tesseract with chi_sim and chi_tra, or no pdftoppm: OCR tests skipped ({Install}).");
    }

    private static async Task<Printed> PrintAsync()
    {
        using var html = new MemoryStream();
        ReportHtml.Write(html, ReportExportGoldenTests.District2024());
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        var web = System.Text.Encoding.UTF8.GetString(html.ToArray());
        await page.SetContentAsync(web);
        var text = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, Scale = 0.7f });
        var scan = ImageOnly(text, pages: 2);
        await File.WriteAllBytesAsync(Path.Combine(ChromiumBrowser.Artifacts, "scanned-report.pdf"), scan);   // to look at
        return new Printed(web, text, scan);
    }

    /// <summary>The first <paramref name="pages"/> pages of <paramref name="pdf"/> as grey 300 dpi pictures, each on an A4 page of its own, and nothing else.</summary>
    public static byte[] ImageOnly(byte[] pdf, int pages)
    {
        var folder = Directory.CreateTempSubdirectory("gongkai-scan-");
        try
        {
            var file = Path.Combine(folder.FullName, "text.pdf");
            File.WriteAllBytes(file, pdf);
            var pictures = new List<byte[]>();
            for (var n = 1; n <= pages; n++)
            {
                var image = Path.Combine(folder.FullName, $"page{n}");
                if (Output("pdftoppm", "-r", "300", "-gray", "-f", $"{n}", "-l", $"{n}", "-singlefile", "-png", file, image) is null)
                    throw new InvalidOperationException("pdftoppm failed");
                pictures.Add(File.ReadAllBytes(image + ".png"));
            }
            return ImagePdf([.. pictures]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A PDF of A4 pages, each showing one picture (PNG) over all of it, landscape for a landscape picture.</summary>
    public static byte[] ImagePdf(params byte[][] pictures)
    {
        using var document = new PdfDocument();
        foreach (var png in pictures)
        {
            using var picture = XImage.FromStream(new MemoryStream(png));
            var landscape = picture.PixelWidth > picture.PixelHeight;
            var page = document.AddPage();
            page.Width = XUnit.FromMillimeter(landscape ? 297 : 210);
            page.Height = XUnit.FromMillimeter(landscape ? 210 : 297);
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawImage(picture, 0, 0, page.Width.Point, page.Height.Point);
        }
        using var output = new MemoryStream();
        document.Save(output);
        return output.ToArray();
    }

    /// <summary>A program's standard output, or null when it is missing or fails.</summary>
    private static string? Output(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return process.ExitCode == 0 ? output.Result + errors.Result : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
