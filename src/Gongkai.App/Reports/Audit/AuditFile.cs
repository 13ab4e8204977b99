using System.Text;
using Gongkai.App.Catalog;
using Gongkai.Core.Catalog;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.App.Reports.Audit;

/// <summary>A file the audit cannot read as text; the message is Chinese, to show as is.</summary>
public sealed class AuditFileUnreadableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A published report as text for the reader (issue 6): plain text or a web page in UTF-8, UTF-16 or GB18030 (what
/// government sites still serve) — the reader turns a page's markup into lines itself (<see cref="HtmlText"/>); a Word
/// document or a PDF through <see cref="AttachmentText"/> (tables as lines of tab-separated cells), a scanned PDF's
/// pages through OCR (<see cref="ScannedPdf"/>). The kind is told by the file's extension, else by its first bytes.
/// </summary>
public static class AuditFile
{
    /// <summary>The largest file read: a report is tens of kilobytes; a scrape with its page around it a few megabytes.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    /// <summary>Why a file over <see cref="MaxBytes"/> is not read.</summary>
    public static readonly string TooLarge = $"文件超过 {MaxBytes / 1024 / 1024} MB，不像一份年度报告。";

    static AuditFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>
    /// The file's text; a PDF page by page, its scanned pages recognised by <paramref name="ocr"/> (issue 18) — without
    /// it, a PDF is read as one text.
    /// </summary>
    /// <exception cref="AuditFileUnreadableException">Too large, damaged, of a kind that has no text, or only images none of which could be recognised.</exception>
    public static FileText Read(string fileName, ReadOnlyMemory<byte> content, ScannedPdf? ocr = null, CancellationToken ct = default)
    {
        if (content.Length > MaxBytes)
            throw new AuditFileUnreadableException(TooLarge);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var kind = extension switch
        {
            ".docx" => "docx",
            ".pdf" => "pdf",
            ".txt" or ".text" or ".md" or ".htm" or ".html" or ".xhtml" => "text",
            ".doc" or ".wps" => throw new AuditFileUnreadableException("不能读取旧版 Word（.doc/.wps）文件，请另存为 .docx 后再审读。"),
            _ => Sniff(content.Span),
        };
        if (kind == "pdf" && ocr?.Read(content, ct) is { } pages)
            return pages;
        try
        {
            return FileText.Of(kind switch
            {
                "docx" => AttachmentText.Extract(AttachmentKind.Docx, Stream(content)),
                "pdf" => AttachmentText.Extract(AttachmentKind.Pdf, Stream(content)),
                _ => Decode(content.Span),
            });
        }
        catch (AttachmentUnreadableException e)
        {
            throw new AuditFileUnreadableException(e.Message, e);
        }
    }

    /// <summary>The bytes as a read-only stream, without copying them.</summary>
    private static MemoryStream Stream(ReadOnlyMemory<byte> content) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(content, out var array)
            ? new MemoryStream(array.Array!, array.Offset, array.Count, writable: false)
            : new MemoryStream(content.ToArray(), writable: false);

    private static string Sniff(ReadOnlySpan<byte> content) => content switch
    {
        [0x50, 0x4B, 0x03, 0x04, ..] => "docx",
        [0x25, 0x50, 0x44, 0x46, ..] => "pdf",
        _ => "text",
    };

    /// <summary>UTF-8 or UTF-16 by their byte-order mark; otherwise UTF-8 when it decodes cleanly, else GB18030.</summary>
    public static string Decode(ReadOnlySpan<byte> content)
    {
        if (content is [0xFF, 0xFE, ..])
            return Encoding.Unicode.GetString(content[2..]);
        if (content is [0xFE, 0xFF, ..])
            return Encoding.BigEndianUnicode.GetString(content[2..]);
        var start = content is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content[start..]);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }
}
