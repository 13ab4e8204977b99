using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Catalog;

/// <summary>
/// An item of the proactive disclosure catalog (主动公开目录). Its metadata follow the 实施指引; <see cref="IndexNumber"/>
/// is assigned when it is published and never changes. What happened to it is in <see cref="Log"/>.
/// </summary>
public class CatalogItem : Units.IUnitOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
    public CatalogState State { get; set; }

    /// <summary>索引号, unique; null until published.</summary>
    public string? IndexNumber { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public DateOnly FormedOn { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string Theme { get; set; } = "";
    public Genre Genre { get; set; }
    public string Keywords { get; set; } = "";
    public DisclosureAttribute Attribute { get; set; }
    public Validity Validity { get; set; }
    public DateOnly? EffectiveOn { get; set; }
    public DateOnly? RepealedOn { get; set; }
    public PublicationChannels Channels { get; set; }

    /// <summary>For a 解读: the policy it interprets (the policy finds its 解读 through this link).</summary>
    public Guid? InterpretsId { get; set; }
    public CatalogItem? Interprets { get; set; }

    /// <summary>需解读: staff mark a policy that must be published with its 解读 (规章 and 行政规范性文件 always must, <see cref="Core.Participation.InterpretationRule"/>).</summary>
    public bool NeedsInterpretation { get; set; }

    /// <summary>
    /// <see cref="Core.Participation.InterpretationRule.MustBeInterpreted"/> as a query condition (规章, 行政规范性文件, or marked
    /// 需解读), for counting and checking 解读三同步 in the database.
    /// </summary>
    public static readonly System.Linq.Expressions.Expression<Func<CatalogItem, bool>> MustBeInterpreted =
        i => i.Genre == Genre.Rule || i.Genre == Genre.NormativeDocument || (i.NeedsInterpretation && i.Genre != Genre.Interpretation);

    /// <summary>For a 解读: the forms it takes (文字、图解、音视频、发布会、访谈).</summary>
    public Core.Participation.InterpretationForms InterpretationForms { get; set; }

    /// <summary>For a policy published without its 解读: the reason recorded (解读三同步 waived); empty otherwise.</summary>
    public string InterpretationWaiver { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>修订: the Beijing date of the last correction of the published text; null when never corrected.</summary>
    public DateOnly? RevisedOn { get; set; }
    public List<CatalogLogEntry> Log { get; set; } = [];

    /// <summary>Earlier texts of a published item that was corrected (修订), oldest first; the current text is the item itself.</summary>
    public List<CatalogItemVersion> Versions { get; set; } = [];

    /// <summary>附件; never included in a query (their content is large): project through <see cref="CatalogAttachment.RowsOf"/>.</summary>
    public List<CatalogAttachment> Attachments { get; set; } = [];

    public CatalogDraft Draft() => new()
    {
        Title = Title,
        Summary = Summary,
        Body = Body,
        FormedOn = FormedOn,
        DocumentNumber = DocumentNumber,
        Theme = Theme,
        Genre = Genre,
        Keywords = Keywords,
        Attribute = Attribute,
        Validity = Validity,
        EffectiveOn = EffectiveOn,
        RepealedOn = RepealedOn,
        Channels = Channels,
        InterpretsIndexNumber = Interprets?.IndexNumber ?? "",
        InterpretsId = Interprets is { IndexNumber: null } ? InterpretsId : null,
        NeedsInterpretation = NeedsInterpretation,
        InterpretationForms = InterpretationForms,
        InterpretationWaiver = InterpretationWaiver,
    };
}

/// <summary>What happened to a catalog item, by whom and why (drafted, submitted, returned, published, revoked, withdrawn …).</summary>
public class CatalogLogEntry
{
    public long Id { get; set; }
    public Guid ItemId { get; set; }
    public int Sequence { get; set; }

    /// <summary>起草、修改、添加附件、删除附件、提交审核、退回、发布、废止、撤下、个人信息核查说明.</summary>
    public string Action { get; set; } = "";
    public DateTime At { get; set; }
    public string? ActorId { get; set; }
    public string ActorName { get; set; } = "";
    public string Note { get; set; } = "";
}

/// <summary>
/// One earlier text of a published item, kept when staff corrected it (修订) so that the 索引号 stays and the public can read
/// what was published before: version 1 is the text as first published; the item itself holds the newest.
/// </summary>
public class CatalogItemVersion
{
    public long Id { get; set; }
    public Guid ItemId { get; set; }

    /// <summary>1 for the text as first published, then 2, 3 …; the current text is number <c>Versions.Count + 1</c>.</summary>
    public int Number { get; set; }
    public string Title { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public string DocumentNumber { get; set; } = "";
    public DateOnly FormedOn { get; set; }

    /// <summary>When this text went public: the publication date for version 1, the date of the 修订 that made it for later ones.</summary>
    public DateOnly? PublishedOn { get; set; }

    /// <summary>When the 修订 that replaced this text was published (UTC), its Beijing date, why, and by whom.</summary>
    public DateTime ReplacedAt { get; set; }
    public DateOnly ReplacedOn { get; set; }
    public string Reason { get; set; } = "";
    public string ActorName { get; set; } = "";
}

/// <summary>The last serial issued for one 前段码 and period; incremented in the publishing transaction.</summary>
public class IndexCounter
{
    public string Prefix { get; set; } = "";
    public int Period { get; set; }
    public int Last { get; set; }
}

internal sealed class CatalogItemConfiguration : IEntityTypeConfiguration<CatalogItem>
{
    public void Configure(EntityTypeBuilder<CatalogItem> i)
    {
        i.ToTable("catalog_items");
        i.HasIndex(x => x.IndexNumber).IsUnique();
        i.HasIndex(x => new { x.UnitId, x.State, x.PublishedOn });
        i.HasIndex(x => x.DocumentNumber);
        // Table 二 of the annual report (ReportRecords): 规章 and 规范性文件 of a jurisdiction read from the index alone — without
        // it every published item's row, body and all, is read to test its genre (bench report: 7.5 s → 0.1 s at 1.4M items).
        i.HasIndex(x => new { x.Genre, x.State, x.PublishedOn, x.UnitId, x.FormedOn, x.Validity, x.RepealedOn, x.Id });
        // The office list (OfficeCatalog): each state in list order, narrowed by unit, 体裁 and title from the index alone —
        // without it a page of the published catalog sorts the whole state, and a title search reads every row, body and all.
        i.HasIndex(x => new { x.State, x.PublishedOn, x.Id, x.UnitId, x.Genre, x.Title });
        i.Property(x => x.IndexNumber).HasMaxLength(60);
        i.Property(x => x.Title).HasMaxLength(200);
        i.Property(x => x.Summary).HasMaxLength(200);
        i.Property(x => x.DocumentNumber).HasMaxLength(50);
        i.Property(x => x.Theme).HasMaxLength(100);
        i.Property(x => x.Keywords).HasMaxLength(100);
        i.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
        i.Property(x => x.Genre).HasConversion<string>().HasMaxLength(30);
        i.Property(x => x.Attribute).HasConversion<string>().HasMaxLength(20);
        i.Property(x => x.Validity).HasConversion<string>().HasMaxLength(20);
        i.Property(x => x.InterpretationWaiver).HasMaxLength(1000);
        i.HasOne(x => x.Unit).WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        i.HasOne(x => x.Interprets).WithMany().HasForeignKey(x => x.InterpretsId).OnDelete(DeleteBehavior.Restrict);
        i.HasMany(x => x.Log).WithOne().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Restrict);
        i.HasMany(x => x.Attachments).WithOne().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
        i.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CatalogItemVersionConfiguration : IEntityTypeConfiguration<CatalogItemVersion>
{
    public void Configure(EntityTypeBuilder<CatalogItemVersion> v)
    {
        v.ToTable("catalog_item_versions");
        v.HasIndex(x => new { x.ItemId, x.Number }).IsUnique();
        v.Property(x => x.Title).HasMaxLength(200);
        v.Property(x => x.Summary).HasMaxLength(200);
        v.Property(x => x.DocumentNumber).HasMaxLength(50);
        v.Property(x => x.Reason).HasMaxLength(1000);
        v.Property(x => x.ActorName).HasMaxLength(100);
    }
}

internal sealed class CatalogLogEntryConfiguration : IEntityTypeConfiguration<CatalogLogEntry>
{
    public void Configure(EntityTypeBuilder<CatalogLogEntry> e)
    {
        e.ToTable("catalog_log");
        e.HasIndex(x => new { x.ItemId, x.Sequence }).IsUnique();
        e.Property(x => x.Action).HasMaxLength(30);
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(2000);
    }
}

internal sealed class IndexCounterConfiguration : IEntityTypeConfiguration<IndexCounter>
{
    public void Configure(EntityTypeBuilder<IndexCounter> c)
    {
        c.ToTable("catalog_index_counters");
        c.HasKey(x => new { x.Prefix, x.Period });
        c.Property(x => x.Prefix).HasMaxLength(20);
    }
}
