using Gongkai.App.Data;

namespace Gongkai.App.Applications;

/// <summary>
/// A document released to the applicant (the information provided, 条例第四十条): sent with the answer
/// (<see cref="AnswerApplication"/>) or added to it later (<see cref="AddAnswerDocument"/>); checked the same way in both.
/// </summary>
public sealed record ReleasedDocument(string FileName, string ContentType, byte[] Content)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>The longest file name kept (the column's length).</summary>
    public const int MaxFileName = 200;

    private static readonly string[] AllowedExtensions = [".pdf", ".docx", ".doc", ".xlsx", ".xls", ".jpg", ".jpeg", ".png", ".ofd", ".zip"];

    /// <summary>The name as stored: without any folder the client sent.</summary>
    public string StoredName => Path.GetFileName(FileName);

    /// <summary>What is wrong with each document, under <paramref name="field"/>.</summary>
    public static IEnumerable<Problem> Check(IEnumerable<ReleasedDocument> documents, string field)
    {
        foreach (var d in documents)
        {
            if (!AllowedExtensions.Contains(Path.GetExtension(d.FileName).ToLowerInvariant()))
                yield return new(field, $"“{d.FileName}”的文件类型不支持，可上传 PDF、Word、Excel、图片、OFD 或 ZIP。");
            else if (d.StoredName.Length > MaxFileName)
                yield return new(field, $"文件名不能超过 {MaxFileName} 个字符。");
            else if (d.Content.LongLength > MaxBytes)
                yield return new(field, $"“{d.FileName}”超过 20 MB。");
            else if (d.Content.Length == 0)
                yield return new(field, $"“{d.FileName}”是空文件。");
        }
    }

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
                // What the browser said, if it fits the column; the download falls back to octet-stream otherwise.
                ContentType = d.ContentType.Length <= 100 ? d.ContentType : "",
                Content = d.Content,
            });
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
