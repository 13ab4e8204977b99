using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.App.Catalog;
using Gongkai.Core.Catalog;

namespace Gongkai.App.Reports.Audit;

/// <summary>A file the audit cannot read as text; the message is Chinese, to show as is.</summary>
public sealed class AuditFileUnreadableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// A published report as text for the reader (issue 6): plain text in UTF-8, UTF-16 or GB18030 (what government sites
/// still serve); a web page with its tables as lines of tab-separated cells; a Word document or a PDF through
/// <see cref="AttachmentText"/> (tables the same way). The kind is told by the file's extension, else by its first bytes.
/// </summary>
public static class AuditFile
{
    /// <summary>The largest file read: a report is tens of kilobytes; a scrape with its page around it a few megabytes.</summary>
    public const int MaxBytes = 20 * 1024 * 1024;

    static AuditFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <exception cref="AuditFileUnreadableException">Too large, damaged, or of a kind that has no text.</exception>
    public static string ReadText(string fileName, byte[] content)
    {
        if (content.Length > MaxBytes)
            throw new AuditFileUnreadableException($"文件超过 {MaxBytes / 1024 / 1024} MB，不像一份年度报告。");
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var kind = extension switch
        {
            ".docx" => "docx",
            ".pdf" => "pdf",
            ".htm" or ".html" or ".xhtml" => "html",
            ".txt" or ".text" or ".md" => "text",
            ".doc" or ".wps" => throw new AuditFileUnreadableException("不能读取旧版 Word（.doc/.wps）文件，请另存为 .docx 后再审读。"),
            _ => Sniff(content),
        };
        try
        {
            return kind switch
            {
                "docx" => AttachmentText.Extract(AttachmentKind.Docx, new MemoryStream(content, writable: false)),
                "pdf" => AttachmentText.Extract(AttachmentKind.Pdf, new MemoryStream(content, writable: false)),
                "html" => HtmlText(Decode(content)),
                _ => Decode(content),
            };
        }
        catch (AttachmentUnreadableException e)
        {
            throw new AuditFileUnreadableException(e.Message, e);
        }
    }

    private static string Sniff(byte[] content) => content switch
    {
        [0x50, 0x4B, 0x03, 0x04, ..] => "docx",
        [0x25, 0x50, 0x44, 0x46, ..] => "pdf",
        _ when LooksLikeHtml(content) => "html",
        _ => "text",
    };

    private static bool LooksLikeHtml(byte[] content)
    {
        var head = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 2048)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') && (head.Contains("<html", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<table", StringComparison.OrdinalIgnoreCase) || head.Contains("<!doctype", StringComparison.OrdinalIgnoreCase)
            || head.Contains("<p", StringComparison.OrdinalIgnoreCase) || head.Contains("<div", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>UTF-8 or UTF-16 by their byte-order mark; otherwise UTF-8 when it decodes cleanly, else GB18030.</summary>
    public static string Decode(byte[] content)
    {
        if (content is [0xFF, 0xFE, ..])
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        if (content is [0xFE, 0xFF, ..])
            return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        var start = content is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content, start, content.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030").GetString(content);
        }
    }

    /// <summary>
    /// A web page's text: each block on its own line, each table row a line of tab-separated cells, as a reader copies
    /// it (a label spanning columns is one cell, an empty cell stays empty); scripts and styles dropped.
    /// </summary>
    public static string HtmlText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        Walk(document.Body ?? (INode)document.DocumentElement, text);
        return text.ToString();
    }

    private static readonly HashSet<string> Blocks = ["P", "DIV", "BR", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "SECTION", "ARTICLE", "TR", "TABLE", "CAPTION", "BLOCKQUOTE", "PRE", "HR"];

    private static void Walk(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data.Replace('\n', ' ').Replace('\r', ' '));
                    break;
                case IElement e when e.TagName is "SCRIPT" or "STYLE" or "NOSCRIPT" or "TEMPLATE" or "HEAD":
                    break;
                case IElement e when e.TagName is "TD" or "TH":
                    var cell = new StringBuilder();
                    Walk(e, cell);
                    text.Append(cell.ToString().Replace('\n', ' ').Replace('\t', ' ').Trim()).Append('\t');
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.TagName);
                    if (block)
                        NewLine(text);
                    Walk(e, text);
                    if (block)
                        NewLine(text);
                    break;
            }
        }
    }

    private static void NewLine(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] is ' ' or '\t')
            text.Length--;
        if (text.Length > 0 && text[^1] != '\n')
            text.Append('\n');
    }
}
