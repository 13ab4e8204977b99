using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Search;

/// <summary>What a search change-log entry names: a catalog item or a published letter (one index holds both).</summary>
public enum SearchDocument
{
    /// <summary>主动公开目录的信息.</summary>
    CatalogItem = 0,

    /// <summary>公开选登的来信.</summary>
    Letter = 1,
}

/// <summary>
/// One entry of the search change log: a catalog item or a letter whose search entry must be brought up to date,
/// written in the same transaction as the change to it. Every node follows the log with its own position (kept with its
/// index, see <see cref="SearchFollower"/>); entries are pruned once every live node has passed them.
/// </summary>
public class SearchChange
{
    /// <summary>The item that stands for "rebuild every index from the database" (`gongkai search rebuild` while a portal runs).</summary>
    public static readonly Guid RebuildAll = Guid.Empty;

    /// <summary>Asks every node to rebuild its index from the database (after data was written around the use cases).</summary>
    public static SearchChange Rebuild(DateTime now) => new() { ItemId = RebuildAll, EnqueuedAt = now };

    /// <summary>Asks for a letter's search entry to follow its publication (公开选登, 撤销公开, a change while published).</summary>
    public static SearchChange ForLetter(Guid letterId, DateTime now, Guid? origin = null) =>
        new() { Kind = SearchDocument.Letter, ItemId = letterId, EnqueuedAt = now, Origin = origin };

    public long Id { get; set; }

    /// <summary>The catalog item's or the letter's id (see <see cref="Kind"/>).</summary>
    public Guid ItemId { get; set; }

    /// <summary>Stored as its number: existing entries (before letters were searched) are catalog items, 0.</summary>
    public SearchDocument Kind { get; set; }
    public DateTime EnqueuedAt { get; set; }

    /// <summary>The index that already holds this change (a bulk import that indexed while it wrote); others apply it.</summary>
    public Guid? Origin { get; set; }
}

/// <summary>A node's index as the change log knows it: how far it has read, when it was last seen.</summary>
public class SearchNode
{
    /// <summary>The index's own id (kept in its commit data): a new index folder is a new node.</summary>
    public Guid Id { get; set; }

    /// <summary>Where it runs (host and index folder), for the administrator.</summary>
    public string Name { get; set; } = "";

    /// <summary>Every change up to this id is in the index.</summary>
    public long Position { get; set; }

    public DateTime SeenAt { get; set; }

    /// <summary>Set when entries it had not read were pruned (it was away too long): it rebuilds on its next poll.</summary>
    public bool MustRebuild { get; set; }
}

internal sealed class SearchChangeConfiguration : IEntityTypeConfiguration<SearchChange>
{
    public void Configure(EntityTypeBuilder<SearchChange> c) => c.ToTable("search_changes");
}

internal sealed class SearchNodeConfiguration : IEntityTypeConfiguration<SearchNode>
{
    public void Configure(EntityTypeBuilder<SearchNode> n)
    {
        n.ToTable("search_nodes");
        n.Property(x => x.Id).ValueGeneratedNever();
        n.Property(x => x.Name).HasMaxLength(300);
    }
}
