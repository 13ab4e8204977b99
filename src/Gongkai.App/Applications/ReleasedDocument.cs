using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;

namespace Gongkai.App.Applications;

/// <summary>
/// A document released to the applicant (the information provided, 条例第四十条): sent with the answer
/// (<see cref="AnswerApplication"/>) or added to it later (<see cref="AddAnswerDocument"/>); checked the same way in both.
/// Its type is told by its content, as a catalog attachment's is (<see cref="AttachmentRules"/>), and it is stored and
/// served as that type — whatever the uploader's browser claimed. A PDF that would run something by itself
/// (<see cref="PdfActiveContent"/>) goes out only when whoever releases it confirms it.
/// </summary>
public sealed record ReleasedDocument(string FileName, byte[] Content)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The longest file name kept (the column's length).</summary>
    public const int MaxFileName = 200;

    /// <summary>The field of an answer form and request that confirms released PDFs with active content.</summary>
    public const string ConfirmField = "ConfirmActiveContent";

    private ActiveContent? active;

    /// <summary>The name as stored: without any folder the client sent.</summary>
    public string StoredName => Path.GetFileName(FileName);

    /// <summary>The type by extension confirmed by the first bytes, or why the file is refused.</summary>
    public AttachmentCheck Type => AttachmentRules.Check(StoredName, Content.LongLength, Content.AsSpan(0, Math.Min(Content.Length, AttachmentRules.HeadLength)),
        MaxBytes, AcceptedKinds.ReleasedDocuments);

    /// <summary>What would run by itself in it: only a PDF is looked into.</summary>
    public ActiveContent ActiveContent => active ??= Type is { Accepted: true, Kind: AttachmentKind.Pdf } ? PdfActiveContent.Find(Content) : ActiveContent.None;

    /// <summary>
    /// What is wrong with each document, under <paramref name="field"/>; a PDF with active content is wrong unless
    /// <paramref name="activeContentConfirmed"/>.
    /// </summary>
    public static IEnumerable<Problem> Check(IEnumerable<ReleasedDocument> documents, string field, bool activeContentConfirmed)
    {
        foreach (var d in documents)
        {
            if (d.StoredName.Length > MaxFileName)
                yield return new(field, $"文件名不能超过 {MaxFileName} 个字符。");
            else if (d.Type is { Accepted: false } refused)
                yield return new(field, $"“{d.StoredName}”：{refused.Problem}");
            else if (d.ActiveContent != ActiveContent.None && !activeContentConfirmed)
                yield return new(ConfirmField, $"“{d.StoredName}”含有{d.ActiveContent.ChineseName()}，打开时可能自动运行。请核实文件来源、确需提供后勾选“已核实含脚本的 PDF，确需提供”，再重新提交。");
        }
    }

    /// <summary>The log's remark on documents released with active content, confirmed by the actor; "" when there are none.</summary>
    public static string Remark(IEnumerable<ReleasedDocument> documents)
    {
        var remark = string.Join("；", documents.Where(d => d.ActiveContent != ActiveContent.None)
            .Select(d => $"《{d.StoredName}》含有{d.ActiveContent.ChineseName()}，经办人已核实后提供"));
        return remark.Length <= 1000 ? remark : remark[..999] + "…";   // the column's length
    }

    /// <summary>
    /// How a stored document is served: the type its content is (application/octet-stream when name and content disagree,
    /// as in a file stored before the check), in the browser's window only when a harmless PDF or an image.
    /// </summary>
    public static (string ContentType, bool Inline) Served(string fileName, byte[] content, ActiveContent active) =>
        AttachmentRules.Detect(fileName, content.AsSpan(0, Math.Min(content.Length, AttachmentRules.HeadLength)), AcceptedKinds.ReleasedDocuments) is { } kind
            ? (kind.MimeType(), kind.MayShowInline(active))
            : ("application/octet-stream", false);

    /// <summary>
    /// Writes a new log entry, already appended to <paramref name="application"/>, with the documents that go out with it:
    /// all or nothing. A document names its entry by the entry's generated id, so the entry is written first — in the
    /// same transaction, which commits only when the documents are written too.
    /// </summary>
    public static async Task SaveAsync(GongkaiDb db, Application application, ApplicationLogEntry entry, IReadOnlyList<ReleasedDocument> documents,
        CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var d in documents)
        {
            db.ApplicationDocuments.Add(new ApplicationDocument
            {
                ApplicationId = application.Id,
                LogEntryId = entry.Id,
                FileName = d.StoredName,
                ContentType = d.Type.Kind.MimeType(),
                Content = d.Content,
                ActiveContent = d.ActiveContent,
            });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
