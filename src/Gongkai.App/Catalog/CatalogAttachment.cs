using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Catalog;

/// <summary>
/// A file published with a catalog item (附件): checked by <see cref="AttachmentRules"/> when uploaded, with its text
/// extracted then for the personal-data screen. <see cref="Content"/> is read only to serve a download; every list
/// projects to <see cref="AttachmentRow"/>.
/// </summary>
public class CatalogAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ItemId { get; set; }

    /// <summary>Where it stands in the item's list, from 1, in order of upload.</summary>
    public int SortOrder { get; set; }

    /// <summary>The uploaded name made safe by <see cref="AttachmentRules.SafeFileName"/>; offered again on download.</summary>
    public string FileName { get; set; } = "";
    public AttachmentKind Kind { get; set; }
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public byte[] Content { get; set; } = [];

    /// <summary>The plain text (<see cref="AttachmentText"/>), "" for an image; what the personal-data screen reads.</summary>
    public string Text { get; set; } = "";

    /// <summary>What in a PDF would run by itself (<see cref="PdfActiveContent"/>): the reviewer confirms it before publication.</summary>
    public ActiveContent ActiveContent { get; set; }
    public DateTime UploadedAt { get; set; }

    /// <summary>An item's attachments in their order, without content or text.</summary>
    public static IQueryable<AttachmentRow> RowsOf(GongkaiDb db, Guid itemId) =>
        db.CatalogAttachments.AsNoTracking().Where(a => a.ItemId == itemId).OrderBy(a => a.SortOrder)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.Kind, a.Length, a.UploadedAt, a.ActiveContent));
}

/// <summary>An attachment as lists show it.</summary>
public sealed record AttachmentRow(Guid Id, string FileName, AttachmentKind Kind, long Length, DateTime UploadedAt, ActiveContent ActiveContent = ActiveContent.None)
{
    public string KindName => Kind.ChineseName();

    /// <summary>含有JavaScript 脚本…, for the flag beside the file; "" for none.</summary>
    public string ActiveContentName => ActiveContent.ChineseName();

    /// <summary>The size as people read it: 12 KB, 3.4 MB.</summary>
    public string Size => AttachmentRules.ShowSize(Length);
}

internal sealed class CatalogAttachmentConfiguration : IEntityTypeConfiguration<CatalogAttachment>
{
    public void Configure(EntityTypeBuilder<CatalogAttachment> a)
    {
        a.ToTable("catalog_attachments");
        a.HasIndex(x => new { x.ItemId, x.SortOrder });
        a.Property(x => x.FileName).HasMaxLength(AttachmentRules.MaxFileNameLength);
        a.Property(x => x.Kind).HasConversion<string>().HasMaxLength(10);
        a.Property(x => x.ContentType).HasMaxLength(100);
    }
}
