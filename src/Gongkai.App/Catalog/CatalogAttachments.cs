using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>A file as an editor uploads it: the name and size the upload declares, and its content.</summary>
public sealed record AttachmentUpload(string FileName, long Length, Stream Content);

/// <summary>
/// An editor (信息发布) adds a file to a draft (also one returned for changes) on its own — the API's upload; the edit page
/// posts its upload with the draft's fields through <see cref="SaveCatalogDraft"/>. Checked by
/// <see cref="CatalogAttachmentRules.ReadAsync"/>; a PDF is looked into for what would run by itself
/// (<see cref="PdfActiveContent"/>), which the reviewer must confirm.
/// </summary>
public sealed class AddCatalogAttachment(GongkaiDb db, CatalogLog log, AttachmentLimits limits)
{
    /// <param name="Length">The size the upload declares; the content must be exactly that long.</param>
    public sealed record Input(Guid ItemId, string FileName, long Length, Stream Content);

    public async Task<Outcome<AttachmentRow>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        var (item, refused) = await CatalogAttachmentRules.FindDraftAsync(log, input.ItemId, actor, ct);
        if (item is null)
            return refused!;
        var existing = await CatalogAttachmentRules.NamesAsync(db, item.Id, ct);
        var (attachment, problem) = await CatalogAttachmentRules.ReadAsync(new(input.FileName, input.Length, input.Content), existing, limits, log.Now, ct);
        if (attachment is null)
            return Outcome<AttachmentRow>.Invalid(CatalogAttachmentRules.Field, problem!);
        CatalogAttachmentRules.Add(db, log, item, attachment, actor);
        await db.SaveChangesAsync(ct);
        return Outcome<AttachmentRow>.Done(new(attachment.Id, attachment.FileName, attachment.Kind, attachment.Length, attachment.UploadedAt, attachment.ActiveContent));
    }
}

/// <summary>An editor removes a file from a draft (also one returned for changes); the log keeps its name.</summary>
public sealed class RemoveCatalogAttachment(GongkaiDb db, CatalogLog log)
{
    public sealed record Input(Guid ItemId, Guid AttachmentId);

    public async Task<Outcome<AttachmentRow>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        var (item, refused) = await CatalogAttachmentRules.FindDraftAsync(log, input.ItemId, actor, ct);
        if (item is null)
            return refused!;
        var row = await db.CatalogAttachments.Where(a => a.Id == input.AttachmentId && a.ItemId == item.Id)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.Kind, a.Length, a.UploadedAt, a.ActiveContent)).SingleOrDefaultAsync(ct);
        if (row is null)
            return Outcome<AttachmentRow>.Missing("该信息没有这个附件，可能已被删除。");
        CatalogAttachmentRules.Remove(db, log, item, row.Id, row.FileName, actor);
        await db.SaveChangesAsync(ct);
        return Outcome<AttachmentRow>.Done(row);
    }
}

/// <summary>Who may change an item's attachments, and when: the same as for its text (<see cref="SaveCatalogDraft"/>).</summary>
internal static class CatalogAttachmentRules
{
    /// <summary>The field an upload's problems belong to: the form's and the API's file field.</summary>
    public const string Field = "File";

    public static async Task<(CatalogItem? Item, Outcome<AttachmentRow>? Refused)> FindDraftAsync(CatalogLog log, Guid id, StaffScope actor, CancellationToken ct)
    {
        if (!actor.CanEditCatalog)
            return (null, Outcome<AttachmentRow>.Denied("只有信息发布人员或管理员可以添加或删除附件。"));
        var item = await log.FindAsync(id, actor, ct);
        if (item is null)
            return (null, Outcome<AttachmentRow>.Missing("找不到该信息，或该信息不在您的管辖范围内。"));
        if (item.State != CatalogState.Draft)
            return (null, Outcome<AttachmentRow>.Invalid("State", $"该信息当前为“{item.State.ChineseName()}”，只有草稿可以添加或删除附件。"));
        return (item, null);
    }

    /// <summary>An item's attachments as an upload is checked against them: id, name and place.</summary>
    public static Task<List<AttachmentName>> NamesAsync(GongkaiDb db, Guid itemId, CancellationToken ct) =>
        db.CatalogAttachments.Where(a => a.ItemId == itemId).OrderBy(a => a.SortOrder)
            .Select(a => new AttachmentName(a.Id, a.FileName, a.SortOrder)).ToListAsync(ct);

    /// <summary>
    /// Reads and checks an upload beside the item's <paramref name="existing"/> attachments: its type by extension and
    /// by its first bytes, its size against Catalog:Attachments:MaxBytes, at most <see cref="AttachmentLimits.MaxPerItem"/>
    /// per item, no two of the same name, and its text extracted now so that the personal-data screen can read it
    /// before publication. The attachment (not yet added, its item not yet set), or why not.
    /// </summary>
    public static async Task<(CatalogAttachment? Attachment, string? Problem)> ReadAsync(AttachmentUpload upload, IReadOnlyList<AttachmentName> existing,
        AttachmentLimits limits, DateTime now, CancellationToken ct)
    {
        var head = new byte[AttachmentRules.HeadLength];
        var read = await upload.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var check = AttachmentRules.Check(upload.FileName, upload.Length, head.AsSpan(0, read), limits.MaxBytes);
        if (!check.Accepted)
            return (null, check.Problem);
        var name = AttachmentRules.SafeFileName(upload.FileName);
        if (existing.Count >= limits.MaxPerItem)
            return (null, $"每条信息最多 {limits.MaxPerItem} 个附件。");
        if (existing.FirstOrDefault(a => string.Equals(a.FileName, name, StringComparison.OrdinalIgnoreCase)) is { } same)
            return (null, $"已有名为《{same.FileName}》的附件；如需替换，请先删除原附件。");

        var content = new byte[upload.Length];
        head.AsSpan(0, read).CopyTo(content);
        var total = read + await upload.Content.ReadAtLeastAsync(content.AsMemory(read), content.Length - read, throwOnEndOfStream: false, ct);
        if (total != upload.Length || await upload.Content.ReadAsync(new byte[1], ct) > 0)
            return (null, "附件上传不完整，请重新上传。");
        string text;
        try
        {
            // A PDF's text can hold U+0000, which a PostgreSQL text column refuses.
            text = AttachmentText.Extract(check.Kind, new MemoryStream(content, writable: false)).Replace("\0", "", StringComparison.Ordinal);
        }
        catch (AttachmentUnreadableException e)
        {
            return (null, e.Message);
        }
        return (new CatalogAttachment
        {
            SortOrder = existing.Count == 0 ? 1 : existing.Max(a => a.SortOrder) + 1,
            FileName = name,
            Kind = check.Kind,
            ContentType = check.Kind.MimeType(),
            Length = content.Length,
            Content = content,
            Text = text,
            UploadedAt = now,
            ActiveContent = check.Kind == AttachmentKind.Pdf ? PdfActiveContent.Find(content) : ActiveContent.None,
        }, null);
    }

    /// <summary>Adds a read attachment to the item and logs it, in the caller's unit of work.</summary>
    public static void Add(GongkaiDb db, CatalogLog log, CatalogItem item, CatalogAttachment attachment, StaffScope actor)
    {
        attachment.ItemId = item.Id;
        db.CatalogAttachments.Add(attachment);
        log.Append(item, CatalogActions.AttachmentAdded, actor,
            $"《{attachment.FileName}》（{attachment.Kind.ChineseName()}，{AttachmentRules.ShowSize(attachment.Length)}）"
            + (attachment.ActiveContent == ActiveContent.None ? "" : $"，含有{attachment.ActiveContent.ChineseName()}，发布前须经审核人员核实"));
    }

    /// <summary>Removes an attachment by key (its content is never read) and logs it, in the caller's unit of work.</summary>
    public static void Remove(GongkaiDb db, CatalogLog log, CatalogItem item, Guid attachmentId, string fileName, StaffScope actor)
    {
        db.CatalogAttachments.Remove(new CatalogAttachment { Id = attachmentId, ItemId = item.Id });
        log.Append(item, CatalogActions.AttachmentRemoved, actor, $"《{fileName}》");
    }
}

/// <summary>An attachment as an upload beside it is checked: its id, name and place in the list.</summary>
internal sealed record AttachmentName(Guid Id, string FileName, int SortOrder);
