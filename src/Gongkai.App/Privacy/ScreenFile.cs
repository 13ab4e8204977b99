using Gongkai.App.Catalog;
using Gongkai.App.Reports.Audit;
using Gongkai.Core.Catalog;
using Gongkai.Core.Privacy;

namespace Gongkai.App.Privacy;

/// <summary>A file the screen cannot read; the message is Chinese, to show as is.</summary>
public sealed class ScreenFileUnreadableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// `gongkai privacy screen FILE…`: the personal-data screen of publication run on files before they are published — a
/// web page read as its reader sees it (<see cref="HtmlReaderText"/>), a Word document, workbook or PDF through the text
/// extraction of catalog attachments (<see cref="AttachmentText"/>), plain text in UTF-8, UTF-16 or GB18030 — each hit
/// masked, with its context masked too.
/// </summary>
public static class ScreenFile
{
    /// <summary>The largest file read.</summary>
    public const long MaxBytes = 200L * 1024 * 1024;

    /// <summary>One hit. <see cref="Kind"/> is one of id_card, mobile, bank_card, email.</summary>
    public sealed record Hit(string File, string Kind, string Masked, string Context);

    /// <summary>The kind as the command prints it (a 15-digit old number is an id_card too).</summary>
    public static string KindName(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.ResidentIdNumber or PersonalDataKind.OldResidentIdNumber => "id_card",
        PersonalDataKind.MobileNumber => "mobile",
        PersonalDataKind.BankCardNumber => "bank_card",
        PersonalDataKind.EmailAddress => "email",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <param name="file">The name to report (and whose extension tells the kind of content).</param>
    /// <exception cref="ScreenFileUnreadableException">Damaged, encrypted, too large, or a kind without readable text.</exception>
    public static IReadOnlyList<Hit> Screen(string file, byte[] content)
    {
        var text = ReadText(file, content);
        var hits = PersonalDataScreen.Find(text);
        if (hits.Count == 0)
            return [];
        var masked = PersonalDataScreen.Mask(text, hits);
        return [.. hits.Select(h => new Hit(file, KindName(h.Kind), h.Masked, OneLine(h.Context(masked))))];
    }

    /// <summary>The text the screen reads; "" for an image, which has none.</summary>
    public static string ReadText(string file, byte[] content)
    {
        if (content.LongLength > MaxBytes)
            throw new ScreenFileUnreadableException($"文件超过 {MaxBytes / 1024 / 1024} MB。");
        var extension = Path.GetExtension(file).ToLowerInvariant();
        switch (extension)
        {
            case ".html" or ".htm" or ".xhtml" or ".shtml":
                return HtmlReaderText.TextOf(AuditFile.Decode(content));
            case ".doc" or ".wps" or ".xls" or ".et":
                throw new ScreenFileUnreadableException("不能读取旧版 Office 文件（.doc、.wps、.xls、.et），请另存为 .docx 或 .xlsx 后再检查。");
        }
        var check = AttachmentRules.Check(file, content.LongLength, content.AsSpan(0, Math.Min(content.Length, AttachmentRules.HeadLength)), MaxBytes);
        if (check.Accepted)
            return Extract(check.Kind, content);
        if (extension is ".pdf" or ".docx" or ".xlsx" or ".png" or ".jpg" or ".jpeg" or ".gif" or ".webp")
            throw new ScreenFileUnreadableException(check.Problem);
        if (content is [0x25, 0x50, 0x44, 0x46, ..])   // %PDF without its extension
            return Extract(AttachmentKind.Pdf, content);
        if (content is [0x50, 0x4B, 0x03, 0x04, ..])   // a zip: a Word document is what gets sent round most
            return Extract(AttachmentKind.Docx, content);
        var text = AuditFile.Decode(content);
        return LooksLikeHtml(text) ? HtmlReaderText.TextOf(text) : text;
    }

    private static string Extract(AttachmentKind kind, byte[] content)
    {
        try
        {
            return AttachmentText.Extract(kind, new MemoryStream(content, writable: false));
        }
        catch (AttachmentUnreadableException e)
        {
            throw new ScreenFileUnreadableException(e.Message, e);
        }
    }

    private static bool LooksLikeHtml(string text)
    {
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The context on one line: line breaks and tabs as spaces.</summary>
    private static string OneLine(string context) => string.Create(context.Length, context, static (span, c) =>
    {
        for (var i = 0; i < c.Length; i++)
            span[i] = char.IsControl(c[i]) ? ' ' : c[i];
    });
}
