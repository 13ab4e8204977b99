using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Gongkai.Core.Catalog;

/// <summary>A file type a catalog item may carry as 附件.</summary>
public enum AttachmentKind
{
    /// <summary>PDF 文档.</summary>
    Pdf,
    /// <summary>Word 文档（.docx, Office Open XML）.</summary>
    Docx,
    /// <summary>Excel 表格（.xlsx, Office Open XML）.</summary>
    Xlsx,
    /// <summary>PNG 图片.</summary>
    Png,
    /// <summary>JPG 图片（.jpg, .jpeg）.</summary>
    Jpeg,
    /// <summary>GIF 图片.</summary>
    Gif,
    /// <summary>WebP 图片.</summary>
    Webp,
}

public static class AttachmentKinds
{
    public static string ChineseName(this AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "PDF 文档",
        AttachmentKind.Docx => "Word 文档（.docx）",
        AttachmentKind.Xlsx => "Excel 表格（.xlsx）",
        AttachmentKind.Png => "PNG 图片",
        AttachmentKind.Jpeg => "JPG 图片",
        AttachmentKind.Gif => "GIF 图片",
        AttachmentKind.Webp => "WebP 图片",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string MimeType(this AttachmentKind kind) => kind switch
    {
        AttachmentKind.Pdf => "application/pdf",
        AttachmentKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        AttachmentKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        AttachmentKind.Png => "image/png",
        AttachmentKind.Jpeg => "image/jpeg",
        AttachmentKind.Gif => "image/gif",
        AttachmentKind.Webp => "image/webp",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The usual extension, with its dot: .pdf, .docx, .xlsx, .png, .jpg, .gif, .webp.</summary>
    public static string Extension(this AttachmentKind kind) => kind == AttachmentKind.Jpeg ? ".jpg" : "." + kind.ToString().ToLowerInvariant();

    /// <summary>Images carry no text to extract (nor to screen: a photographed ID card has to be looked at).</summary>
    public static bool IsImage(this AttachmentKind kind) => kind >= AttachmentKind.Png;
}

/// <summary>What <see cref="AttachmentRules.Check"/> found: the kind of an acceptable file, or why it is refused.</summary>
public sealed record AttachmentCheck
{
    /// <summary>Meaningful only when <see cref="Accepted"/>.</summary>
    public AttachmentKind Kind { get; private init; }

    /// <summary>Why the file is refused, in Chinese, to show as is; null when accepted.</summary>
    public string? Problem { get; private init; }

    [MemberNotNullWhen(false, nameof(Problem))]
    public bool Accepted => Problem is null;

    internal static AttachmentCheck Accept(AttachmentKind kind) => new() { Kind = kind };
    internal static AttachmentCheck Refuse(string problem) => new() { Problem = problem };
}

/// <summary>
/// Which files a catalog item takes as 附件: the type by the extension, confirmed by the first bytes of the content, so
/// a renamed program or a photo saved as .pdf is refused before anything opens it; and a file name safe to store and offer.
/// </summary>
public static class AttachmentRules
{
    public const long DefaultMaxBytes = 20 * Megabyte;

    /// <summary>How many leading bytes <see cref="Check"/> needs to recognise every kind.</summary>
    public const int HeadLength = 16;

    public const int MaxFileNameLength = 120;

    private const long Megabyte = 1024 * 1024;
    private const string Accepted = "可上传 PDF、Word（.docx）、Excel（.xlsx）和图片（PNG、JPG、GIF、WebP）。";

    public static AttachmentCheck Check(string fileName, long length, ReadOnlySpan<byte> head, long maxBytes = DefaultMaxBytes)
    {
        var extension = Split(SafeFileName(fileName)).Extension.ToLowerInvariant();
        AttachmentKind? byName = extension switch
        {
            ".pdf" => AttachmentKind.Pdf,
            ".docx" => AttachmentKind.Docx,
            ".xlsx" => AttachmentKind.Xlsx,
            ".png" => AttachmentKind.Png,
            ".jpg" or ".jpeg" => AttachmentKind.Jpeg,
            ".gif" => AttachmentKind.Gif,
            ".webp" => AttachmentKind.Webp,
            _ => null,
        };
        if (byName is not { } kind)
        {
            var hint = extension switch
            {
                ".doc" or ".wps" => "请在 Word 中另存为 .docx 后上传。",
                ".xls" or ".et" => "请在 Excel 中另存为 .xlsx 后上传。",
                _ => "",
            };
            return AttachmentCheck.Refuse($"不支持的附件类型：{(extension == "" ? "无扩展名" : extension)}。{Accepted}{hint}");
        }
        if (length <= 0)
            return AttachmentCheck.Refuse("附件为空。");
        if (length > maxBytes)
            return AttachmentCheck.Refuse($"附件过大：{Size(length, roundUp: true)}，上限 {Size(maxBytes, roundUp: false)}。");
        if (!Looks(kind, head))
        {
            var seems = Describe(head) is { } what ? $"（内容像是{what}）" : "";
            return AttachmentCheck.Refuse($"文件内容与扩展名 {extension} 不符{seems}，请核对后重新上传。");
        }
        return AttachmentCheck.Accept(kind);
    }

    /// <summary>
    /// The last part of a path as uploaded, with control, formatting (e.g. right-to-left override) and characters Windows
    /// forbids removed, whitespace collapsed, at most <see cref="MaxFileNameLength"/> characters with the extension kept;
    /// 附件 when nothing is left.
    /// </summary>
    public static string SafeFileName(string? fileName)
    {
        var name = fileName ?? "";
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        var clean = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                clean.Append(c).Append(name[++i]);
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (clean.Length > 0 && clean[^1] != ' ')
                    clean.Append(' ');
                continue;
            }
            var category = char.GetUnicodeCategory(c);
            if (char.IsSurrogate(c) || category is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned || "<>:\"|?*".Contains(c))
                continue;
            clean.Append(c);
        }
        var (stem, extension) = Split(clean.ToString().Normalize(NormalizationForm.FormC).Trim());
        stem = stem.Trim(' ', '.');
        if (stem.Length == 0)
            stem = "附件";
        var room = MaxFileNameLength - extension.Length;
        if (stem.Length > room)
        {
            var cut = char.IsLowSurrogate(stem[room]) ? room - 1 : room;
            stem = stem[..cut].TrimEnd(' ', '.');
        }
        return stem + extension;
    }

    /// <summary>The stem and the extension (with its dot, at most 10 letters or digits, else none) of a cleaned name.</summary>
    private static (string Stem, string Extension) Split(string name)
    {
        name = name.TrimEnd(' ', '.');
        var dot = name.LastIndexOf('.');
        var letters = dot < 0 ? default : name.AsSpan(dot + 1);
        if (dot < 0 || letters.Length is 0 or > 10 || letters.ContainsAnyExcept(Alphanumerics))
            return (name, "");
        return (name[..dot], name[dot..]);
    }

    private static readonly SearchValues<char> Alphanumerics =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    /// <summary>OLE2 compound file: .doc, .xls, and any password-protected Office file.</summary>
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static readonly AttachmentKind[] Recognisable =
        [AttachmentKind.Pdf, AttachmentKind.Png, AttachmentKind.Jpeg, AttachmentKind.Gif, AttachmentKind.Webp];

    private static bool Looks(AttachmentKind kind, ReadOnlySpan<byte> head) => kind switch
    {
        AttachmentKind.Pdf => head.StartsWith("%PDF-"u8),
        AttachmentKind.Docx or AttachmentKind.Xlsx => head.StartsWith("PK\x03\x04"u8),
        AttachmentKind.Png => head.StartsWith(PngSignature),
        AttachmentKind.Jpeg => head.StartsWith(JpegSignature),
        AttachmentKind.Gif => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
        AttachmentKind.Webp => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        _ => false,
    };

    /// <summary>What the content seems to be, for a clearer refusal.</summary>
    private static string? Describe(ReadOnlySpan<byte> head)
    {
        foreach (var kind in Recognisable)
        {
            if (Looks(kind, head))
                return kind.ChineseName();
        }
        if (head.StartsWith("PK\x03\x04"u8))
            return "ZIP 压缩包或 Office 文档";
        if (head.StartsWith(CompoundFileSignature))
            return "旧版 Office 文档（.doc、.xls）或加密的 Office 文档";
        if (head.StartsWith("MZ"u8))
            return "Windows 可执行程序";
        return null;
    }

    /// <summary>A size as people read it: KB below a megabyte (rounded up, so never 0 KB), else MB to one decimal.</summary>
    public static string ShowSize(long bytes) => Size(bytes, roundUp: true);

    private static string Size(long bytes, bool roundUp)
    {
        if (bytes < Megabyte)
            return $"{(roundUp ? (bytes + 1023) / 1024 : bytes / 1024).ToString(CultureInfo.InvariantCulture)} KB";
        var tenths = bytes * 10.0 / Megabyte;
        tenths = roundUp ? Math.Ceiling(tenths) : Math.Round(tenths);
        return $"{(tenths / 10).ToString("0.#", CultureInfo.InvariantCulture)} MB";
    }
}
