using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// An editor (信息发布) adds a file to a draft (also one returned for changes): its type is checked by extension and by
/// its first bytes, its size against Catalog:Attachments:MaxBytes, at most <see cref="AttachmentLimits.MaxPerItem"/>
/// per item, and its text is extracted now so that the personal-data screen can read it before publication; a PDF is
/// looked into for what would run by itself (<see cref="PdfActiveContent"/>), which the reviewer must confirm.
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
        var head = new byte[AttachmentRules.HeadLength];
        var read = await input.Content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var check = AttachmentRules.Check(input.FileName, input.Length, head.AsSpan(0, read), limits.MaxBytes);
        if (!check.Accepted)
            return Invalid(check.Problem);
        var name = AttachmentRules.SafeFileName(input.FileName);
        var existing = await db.CatalogAttachments.Where(a => a.ItemId == item.Id).Select(a => new { a.FileName, a.SortOrder }).ToListAsync(ct);
        if (existing.Count >= limits.MaxPerItem)
            return Invalid($"每条信息最多 {limits.MaxPerItem} 个附件。");
        if (existing.FirstOrDefault(a => string.Equals(a.FileName, name, StringComparison.OrdinalIgnoreCase)) is { } same)
            return Invalid($"已有名为《{same.FileName}》的附件；如需替换，请先删除原附件。");

        var content = new byte[input.Length];
        head.AsSpan(0, read).CopyTo(content);
        var total = read + await input.Content.ReadAtLeastAsync(content.AsMemory(read), content.Length - read, throwOnEndOfStream: false, ct);
        if (total != input.Length || await input.Content.ReadAsync(new byte[1], ct) > 0)
            return Invalid("附件上传不完整，请重新上传。");
        string text;
        try
        {
            // A PDF's text can hold U+0000, which a PostgreSQL text column refuses.
            text = AttachmentText.Extract(check.Kind, new MemoryStream(content, writable: false)).Replace("\0", "", StringComparison.Ordinal);
        }
        catch (AttachmentUnreadableException e)
        {
            return Invalid(e.Message);
        }

        var active = check.Kind == AttachmentKind.Pdf ? PdfActiveContent.Find(content) : ActiveContent.None;
        var attachment = new CatalogAttachment
        {
            ItemId = item.Id,
            SortOrder = existing.Count == 0 ? 1 : existing.Max(a => a.SortOrder) + 1,
            FileName = name,
            Kind = check.Kind,
            ContentType = check.Kind.MimeType(),
            Length = content.Length,
            Content = content,
            Text = text,
            UploadedAt = log.Now,
            ActiveContent = active,
        };
        db.CatalogAttachments.Add(attachment);
        log.Append(item, CatalogActions.AttachmentAdded, actor, $"《{name}》（{check.Kind.ChineseName()}，{AttachmentRules.ShowSize(content.Length)}）"
            + (active == ActiveContent.None ? "" : $"，含有{active.ChineseName()}，发布前须经审核人员核实"));
        await db.SaveChangesAsync(ct);
        return Outcome<AttachmentRow>.Done(new(attachment.Id, name, attachment.Kind, attachment.Length, attachment.UploadedAt, active));
    }

    private static Outcome<AttachmentRow> Invalid(string message) => Outcome<AttachmentRow>.Invalid(CatalogAttachmentRules.Field, message);
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
        db.CatalogAttachments.Remove(new CatalogAttachment { Id = row.Id, ItemId = item.Id });   // deleted by key: the content is never read
        log.Append(item, CatalogActions.AttachmentRemoved, actor, $"《{row.FileName}》");
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
}
