using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.PageCache;

/// <summary>
/// One committed change to what public pages show, by area (<see cref="PortalAreas"/>): the page-cache log every web
/// node follows to evict its cached pages (<c>page_changes</c>). Written in the same transaction as the change itself,
/// by <see cref="PageChangeRecorder"/> for tracked changes and by the bulk writers for theirs.
/// </summary>
public class PageChange
{
    public long Id { get; set; }

    /// <summary>The areas made stale, separated by spaces (<c>catalog units</c>).</summary>
    public string Areas { get; set; } = "";

    public DateTime At { get; set; }

    public static PageChange Of(IEnumerable<string> areas, DateTime at) => new() { Areas = string.Join(' ', areas.Distinct().Order(StringComparer.Ordinal)), At = at };

    public IReadOnlyList<string> AreaList => Areas.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

internal sealed class PageChangeConfiguration : IEntityTypeConfiguration<PageChange>
{
    public void Configure(EntityTypeBuilder<PageChange> c)
    {
        c.ToTable("page_changes");
        c.Property(p => p.Areas).HasMaxLength(200);
        c.HasIndex(p => p.At);
    }
}
