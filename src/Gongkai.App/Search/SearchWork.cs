using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Search;

/// <summary>
/// A catalog item whose search entry must be brought up to date. Written in the same transaction as the change to
/// the item, so the index (a cache of the database) can always catch up; <see cref="ApplySearchWork"/> drains it.
/// </summary>
public class SearchWork
{
    public long Id { get; set; }
    public Guid ItemId { get; set; }
    public DateTime EnqueuedAt { get; set; }
}

internal sealed class SearchWorkConfiguration : IEntityTypeConfiguration<SearchWork>
{
    public void Configure(EntityTypeBuilder<SearchWork> w) => w.ToTable("search_work");
}
