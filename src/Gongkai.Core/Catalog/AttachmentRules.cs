using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Gongkai.Core.Catalog;

/// <summary>
/// A type of file Gongkai takes, told by its content: what a catalog item may carry as 附件 (<see cref="AcceptedKinds.CatalogAttachments"/>)
/// and what an answer may release (<see cref="AcceptedKinds.ReleasedDocuments"/>).
/// </summary>
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
    /// <summary>旧版 Word 文档（.doc, OLE2 compound file）.</summary>
    Doc,
    /// <summary>旧版 Excel 表格（.xls, OLE2 compound file）.</summary>
    Xls,
    /// <summary>OFD 版式文档（GB/T 33190-2016, a ZIP package）.</summary>
    Ofd,
    /// <summary>ZIP 压缩包.</summary>
    Zip,
}

/// <summary>The kinds of file one use takes, and how to tell whoever uploads another which ones.</summary>
public sealed record AcceptedKinds(IReadOnlyList<AttachmentKind> Kinds, string Description)
{
    /// <summary>A catalog item's 附件: what every reader can open (PDF, Word, Excel, images).</summary>
    public static readonly AcceptedKinds CatalogAttachments = new(
        [AttachmentKind.Pdf, AttachmentKind.Docx, AttachmentKind.Xlsx, AttachmentKind.Png, AttachmentKind.Jpeg, AttachmentKind.Gif, AttachmentKind.Webp],
        "可上传 PDF、Word（.docx）、Excel（.xlsx）和图片（PNG、JPG、GIF、WebP）。");

    /// <summary>Documents released to an applicant (条例第四十条): the records as the office holds them, older formats, OFD and ZIP included.</summary>
    public static readonly AcceptedKinds ReleasedDocuments = new(
        [AttachmentKind.Pdf, AttachmentKind.Docx, AttachmentKind.Doc, AttachmentKind.Xlsx, AttachmentKind.Xls, AttachmentKind.Png, AttachmentKind.Jpeg,
         AttachmentKind.Ofd, AttachmentKind.Zip],
        "可上传 PDF、Word、Excel、图片（PNG、JPG）、OFD 或 ZIP。");

    /// <summary>What a letter's writer may attach: pictures and PDF, nothing that runs or needs an office suite.</summary>
    public static readonly AcceptedKinds LetterAttachments = new(
        [AttachmentKind.Pdf, AttachmentKind.Png, AttachmentKind.Jpeg, AttachmentKind.Gif, AttachmentKind.Webp],
        "可上传图片（PNG、JPG、GIF、WebP）和 PDF。");
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
        AttachmentKind.Doc => "Word 文档（.doc）",
        AttachmentKind.Xls => "Excel 表格（.xls）",
        AttachmentKind.Ofd => "OFD 版式文档",
        AttachmentKind.Zip => "ZIP 压缩包",
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
        AttachmentKind.Doc => "application/msword",
        AttachmentKind.Xls => "application/vnd.ms-excel",
        AttachmentKind.Ofd => "application/ofd",
        AttachmentKind.Zip => "application/zip",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The usual extension, with its dot: .pdf, .docx, .xlsx, .png, .jpg, .gif, .webp, .doc, .xls, .ofd, .zip.</summary>
    public static string Extension(this AttachmentKind kind) => kind == AttachmentKind.Jpeg ? ".jpg" : "." + kind.ToString().ToLowerInvariant();

    /// <summary>Images carry no text to extract (nor to screen: a photographed ID card has to be looked at).</summary>
    public static bool IsImage(this AttachmentKind kind) => kind is AttachmentKind.Png or AttachmentKind.Jpeg or AttachmentKind.Gif or AttachmentKind.Webp;

    /// <summary>
    /// Whether a browser may show the file in its own window (Content-Disposition: inline): a PDF with nothing that runs
    /// by itself, or an image. Anything else is only ever downloaded, so that no uploaded file acts as a page of the portal.
    /// </summary>
    public static bool MayShowInline(this AttachmentKind kind, ActiveContent active) =>
        kind.IsImage() || (kind == AttachmentKind.Pdf && active == ActiveContent.None);
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
/// Which files Gongkai takes (a catalog item's 附件, an answer's documents): the type by the extension, confirmed by the
/// first bytes of the content, so a renamed program, a web page saved as .pdf or a photo saved as .docx is refused before
/// anything opens it — and a file is always served as the type its content is, never as its uploader claimed; and a
/// file name safe to store and offer.
/// </summary>
public static class AttachmentRules
{
    public const long DefaultMaxBytes = 20 * Megabyte;

    /// <summary>How many leading bytes <see cref="Check"/> needs to recognise every kind.</summary>
    public const int HeadLength = 16;

    public const int MaxFileNameLength = 120;

    private const long Megabyte = 1024 * 1024;

    /// <summary>
    /// A whole file held in memory (an upload to a letter, an answer, a solicitation, a transcript): its check, and when it is
    /// refused the problem as a form shows it, naming the file (「“x.exe”：…」).
    /// </summary>
    public static (AttachmentCheck Check, string SafeName, string? Problem) CheckUpload(string fileName, byte[] content, long maxBytes, AcceptedKinds accepted)
    {
        var check = Check(fileName, content.LongLength, content.AsSpan(0, Math.Min(content.Length, HeadLength)), maxBytes, accepted);
        var name = SafeFileName(fileName);
        return (check, name, check.Accepted ? null : $"“{name}”：{check.Problem}");
    }

    /// <param name="accepted">The kinds the use takes; a catalog item's attachments when not given.</param>
    public static AttachmentCheck Check(string fileName, long length, ReadOnlySpan<byte> head, long maxBytes = DefaultMaxBytes, AcceptedKinds? accepted = null)
    {
        accepted ??= AcceptedKinds.CatalogAttachments;
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
            ".doc" => AttachmentKind.Doc,
            ".xls" => AttachmentKind.Xls,
            ".ofd" => AttachmentKind.Ofd,
            ".zip" => AttachmentKind.Zip,
            _ => null,
        };
        if (byName is not { } kind || !accepted.Kinds.Contains(kind))
        {
            var hint = extension switch
            {
                ".doc" or ".wps" when !accepted.Kinds.Contains(AttachmentKind.Doc) => "请在 Word 中另存为 .docx 后上传。",
                ".xls" or ".et" when !accepted.Kinds.Contains(AttachmentKind.Xls) => "请在 Excel 中另存为 .xlsx 后上传。",
                _ => "",
            };
            return AttachmentCheck.Refuse($"不支持的附件类型：{(extension == "" ? "无扩展名" : extension)}。{accepted.Description}{hint}");
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
        AttachmentKind.Doc or AttachmentKind.Xls => head.StartsWith(CompoundFileSignature),
        AttachmentKind.Ofd or AttachmentKind.Zip => head.StartsWith("PK\x03\x04"u8),
        _ => false,
    };

    /// <summary>
    /// The type to serve stored content as: its kind when the name and the first bytes agree (as <see cref="Check"/> would
    /// have accepted it), else application/octet-stream — never what the uploader said.
    /// </summary>
    public static AttachmentKind? Detect(string fileName, ReadOnlySpan<byte> head, AcceptedKinds accepted) =>
        Check(fileName, Math.Max(1, head.Length), head, long.MaxValue, accepted) is { Accepted: true } check ? check.Kind : null;

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
        if (LooksLikeMarkup(head))
            return "网页（HTML）或其他文本";
        return null;
    }

    /// <summary>Text that opens with a tag after an optional byte-order mark and whitespace: a web page, an SVG, XML.</summary>
    private static bool LooksLikeMarkup(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            head = head[3..];
        head = head.TrimStart(" \t\r\n"u8);
        return head.Length > 1 && head[0] == (byte)'<' && (char.IsAsciiLetter((char)head[1]) || head[1] is (byte)'!' or (byte)'?');
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
