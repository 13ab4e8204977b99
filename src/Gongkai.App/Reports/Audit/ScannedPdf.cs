using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Gongkai.App.Catalog;
using Gongkai.Core.Reports.Reading;
using Microsoft.Extensions.Configuration;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Gongkai.App.Reports.Audit;

/// <summary>
/// <c>Audit:Ocr:*</c>: whether scanned pages are recognised, how many pages at most and how long in all per file, and
/// the programs (a name on the PATH or a full path) of Debian's tesseract-ocr and poppler-utils.
/// </summary>
public sealed record OcrSettings(bool Enabled, int MaxPages, TimeSpan Timeout, string Tesseract, string Pdftoppm)
{
    public static OcrSettings From(IConfiguration configuration) => new(
        configuration.GetValue("Audit:Ocr:Enabled", true),
        Math.Clamp(configuration.GetValue("Audit:Ocr:MaxPages", 10), 1, 500),
        TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Audit:Ocr:TimeoutSeconds", 60), 1, 3600)),
        configuration["Audit:Ocr:Tesseract"] is { Length: > 0 } tesseract ? tesseract : "tesseract",
        configuration["Audit:Ocr:Pdftoppm"] is { Length: > 0 } pdftoppm ? pdftoppm : "pdftoppm");
}

/// <summary>A file's text for the reader: its parts in order (a PDF's pages), the pages recognised from images, and what was left unread.</summary>
public sealed record FileText(IReadOnlyList<TextPart> Parts, IReadOnlyList<int> OcrPages, IReadOnlyList<string> Notes)
{
    public static FileText Of(string text) => new([new TextPart(text, false)], [], []);
}

/// <summary>
/// A PDF page by page (issue 18): a page with text is read as <see cref="AttachmentText"/> reads it; a page with next to
/// no text but an image — a scan — is rendered in grey at 300 dpi (<c>pdftoppm</c>) and recognised by <c>tesseract</c>
/// in simplified and traditional Chinese (page segmentation 3, which keeps a table's rows on lines, and the spaces
/// between its cells). Programs are started with argument lists, one page at a time, on one core (OMP_THREAD_LIMIT=1),
/// within <see cref="OcrSettings.Timeout"/> for the whole file; the temporary folder goes when done.
/// </summary>
public sealed class ScannedPdf(OcrSettings settings)
{
    /// <summary>Fewer letters than this (not counting white space) and an image: a scanned page (a page number or a mark is not a text layer).</summary>
    public const int ScantLetters = 20;

    /// <summary>The resolution pages are rendered at, lowered for pages larger than A3 so no image exceeds <see cref="MaxPixels"/> a side.</summary>
    public const int Dpi = 300;

    private const int MaxPixels = 5000;

    public const string NotEnabled = "文件中没有文字：这是扫描件或图片，本站未启用文字识别（OCR），请先识别成文字再审读。";
    public const string NotInstalled = "文件中没有文字：这是扫描件或图片，本站未安装文字识别（OCR）软件，请先识别成文字再审读。";
    public const string TimedOut = "文件中没有文字：这是扫描件或图片，文字识别（OCR）超时未完成，请先识别成文字再审读。";
    public const string Failed = "文件中没有文字：这是扫描件或图片，文字识别（OCR）出错未能完成，请先识别成文字再审读。";

    /// <summary>A program ended with an error (a damaged page, a language's data missing).</summary>
    private sealed class OcrFailedException : Exception;

    private sealed record Page(int Number, string Text, bool Scanned, double Width, double Height);

    /// <summary>The pages' text; null when the file cannot be opened as a PDF (<see cref="AttachmentText"/> then says why).</summary>
    /// <exception cref="AuditFileUnreadableException">Only images, and none could be recognised.</exception>
    public FileText? Read(ReadOnlyMemory<byte> pdf, CancellationToken ct = default)
    {
        List<Page> pages;
        try
        {
            pages = Pages(pdf);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
        var scanned = pages.Where(p => p.Scanned).ToList();
        var recognised = new Dictionary<int, string>();
        string? stopped = null;
        if (scanned.Count > 0)
            stopped = !settings.Enabled ? NotEnabled : Recognise(pdf, scanned.Take(settings.MaxPages), recognised, ct);
        var parts = pages.Where(p => !p.Scanned || recognised.ContainsKey(p.Number))
            .Select(p => recognised.TryGetValue(p.Number, out var text) ? new TextPart(text, true) : new TextPart(p.Text, false)).ToList();
        if (scanned.Count > 0 && parts.All(p => string.IsNullOrWhiteSpace(p.Text)))
            throw new AuditFileUnreadableException(stopped ?? "文件中没有文字：扫描件或图片中没有识别出文字。");
        var unread = scanned.Select(p => p.Number).Where(n => !recognised.ContainsKey(n)).ToList();
        List<string> notes = unread.Count == 0 ? [] : [$"第{string.Join("、", unread)}页是图片，未识别文字：{Why(stopped)}"];
        return new FileText(parts, [.. recognised.Keys.Order()], notes);
    }

    private string Why(string? stopped) => stopped switch
    {
        NotEnabled => "本站未启用文字识别（OCR）。",
        NotInstalled => "本站未安装文字识别（OCR）软件。",
        TimedOut => $"文字识别超过 {settings.Timeout.TotalSeconds:0} 秒未完成。",
        Failed => "文字识别（OCR）出错。",
        _ => $"每份文件最多识别 {settings.MaxPages} 页。",
    };

    private static List<Page> Pages(ReadOnlyMemory<byte> pdf)
    {
        using var document = PdfDocument.Open(pdf.ToArray(), new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var pages = new List<Page>();
        var characters = 0;
        for (var n = 1; n <= document.NumberOfPages && characters < AttachmentText.MaxCharacters; n++)
        {
            var page = document.GetPage(n);
            var text = ContentOrderTextExtractor.GetText(page);
            characters += text.Length;
            var scanned = text.Count(c => !char.IsWhiteSpace(c)) < ScantLetters && page.GetImages().Any();
            pages.Add(new Page(n, text, scanned, page.Width, page.Height));
        }
        return pages;
    }

    /// <summary>Recognises the pages in turn until done or out of time; null, or why it stopped (<see cref="NotInstalled"/>, <see cref="TimedOut"/>, <see cref="Failed"/>).</summary>
    private string? Recognise(ReadOnlyMemory<byte> pdf, IEnumerable<Page> pages, Dictionary<int, string> recognised, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("gongkai-ocr-");
            var file = Path.Combine(folder.FullName, "report.pdf");
            File.WriteAllBytes(file, pdf.ToArray());
            var image = Path.Combine(folder.FullName, "page");
            foreach (var page in pages)
            {
                var dpi = Math.Max(1, Math.Min(Dpi, (int)(MaxPixels * 72 / Math.Max(1, Math.Max(page.Width, page.Height)))));
                var left = settings.Timeout - clock.Elapsed;
                Run(settings.Pdftoppm, ["-r", $"{dpi}", "-gray", "-f", $"{page.Number}", "-l", $"{page.Number}", "-singlefile", "-png", file, image], left, ct);
                left = settings.Timeout - clock.Elapsed;
                var text = Run(settings.Tesseract, [image + ".png", "stdout", "-l", "chi_sim+chi_tra", "--psm", "3", "-c", "preserve_interword_spaces=1"], left, ct);
                recognised[page.Number] = text.Replace('\f', '\n');
            }
            return null;
        }
        catch (Win32Exception)
        {
            return NotInstalled;   // the program is not there (or may not be run)
        }
        catch (TimeoutException)
        {
            return TimedOut;
        }
        catch (Exception e) when (e is OcrFailedException or IOException or UnauthorizedAccessException)
        {
            return Failed;   // a program's error, or no room for the temporary files
        }
        finally
        {
            try
            {
                folder?.Delete(recursive: true);
            }
            catch (IOException)
            {
                // the system's temporary folder is cleaned by the system
            }
        }
    }

    /// <summary>Runs a program with its arguments (no shell) and returns its standard output; killed when out of time or cancelled.</summary>
    /// <exception cref="Win32Exception">The program cannot be started.</exception>
    /// <exception cref="TimeoutException">It did not end in time.</exception>
    /// <exception cref="OcrFailedException">It ended with an error.</exception>
    private static string Run(string program, IEnumerable<string> arguments, TimeSpan left, CancellationToken ct)
    {
        if (left <= TimeSpan.Zero)
            throw new TimeoutException();
        var start = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        using var process = Process.Start(start) ?? throw new Win32Exception($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using (ct.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(left))
            {
                Kill(process);
                process.WaitForExit();
                throw new TimeoutException();
            }
            process.WaitForExit();   // and its output read to the end
        }
        ct.ThrowIfCancellationRequested();
        _ = errors.Result;   // read so the program never waits on a full pipe; not shown (it names paths)
        return process.ExitCode == 0 ? output.Result : throw new OcrFailedException();
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it has ended
        }
    }
}
