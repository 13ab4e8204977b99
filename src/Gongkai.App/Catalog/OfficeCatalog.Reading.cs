using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>How <see cref="OfficeCatalog"/> reads one state: its count, and a page of keys from a place in the list.</summary>
public sealed partial class OfficeCatalog
{
    /// <summary>Among the matches of a title search, how many are read to see how densely they lie (for 约 N).</summary>
    public const int TitleSample = 1_000;

    /// <summary><see cref="TitleWindow"/>, smaller in tests.</summary>
    internal int Window { get; init; } = TitleWindow;

    /// <summary><see cref="TitleSample"/>, smaller in tests.</summary>
    internal int Sample { get; init; } = TitleSample;

    /// <param name="Keys">Up to a page and one, in reading order (the list's, or its reverse going back).</param>
    /// <param name="WindowEnd">A title search that found less than a page in its window: the window's last item (the rest unread).</param>
    /// <param name="Exact">False when <paramref name="Count"/> is estimated.</param>
    private sealed record Read(List<ListKey> Keys, ListKey? WindowEnd, double Count, bool Exact);

    private async Task<Read> ReadAsync(IQueryable<CatalogItem> items, bool unpublished, ListKey? from, bool backward, string? title, CancellationToken ct)
    {
        var all = await items.LongCountAsync(ct);
        if (all == 0)
            return new([], null, 0, true);
        var onward = from is { } key ? Past(items, unpublished, key, backward) : items;
        if (title is null)
            return new(onward is null ? [] : await Keys(Order(onward, backward).Take(PageSize + 1)).ToListAsync(ct), null, all, true);

        // The matches among the newest Window items, at most Sample and one: counted when that is all of them,
        // else scaled by how many items were read to find Sample (or by the state's size over the window).
        var newest = Order(items, backward: false);
        var top = await Keys(Order(newest.Take(Window).Where(i => i.Title.Contains(title)), backward: false).Take(Sample + 1)).ToListAsync(ct);
        var (count, exact) = ((double)top.Count, all <= Window);
        if (top.Count > Sample)
            (count, exact) = (Sample * (double)all / await Past(items, unpublished, top[Sample - 1], backward: true, inclusive: true)!.LongCountAsync(ct), false);
        else if (!exact)
            count = top.Count * (double)all / Window;
        if (from is null && !backward)
        {
            var first = top.Take(PageSize + 1).ToList();
            var end = first.Count <= PageSize && all > Window ? await Keys(newest.Skip(Window - 1)).FirstAsync(ct) : (ListKey?)null;
            return new(first, end, count, exact);
        }
        if (onward is null)
            return new([], null, count, exact);
        var ordered = Order(onward, backward);
        var found = await Keys(Order(ordered.Take(Window).Where(i => i.Title.Contains(title)), backward).Take(PageSize + 1)).ToListAsync(ct);
        var last = found.Count <= PageSize ? await Keys(ordered.Skip(Window - 1)).FirstOrDefaultAsync(ct) : default;
        return new(found, last == default ? null : last, count, exact);
    }

    /// <summary>
    /// The items past <paramref name="key"/> in the list (older; <paramref name="backward"/>: newer), or also at it; null
    /// when none of this state can be — every unpublished item comes before every published one.
    /// </summary>
    private static IQueryable<CatalogItem>? Past(IQueryable<CatalogItem> items, bool unpublished, ListKey key, bool backward, bool inclusive = false)
    {
        var id = key.Id;
        // Id.CompareTo(id) against 0 is what EF Core turns into a plain comparison (Guid has no < operator).
        if (unpublished && key.PublishedOn is null)
            return (backward, inclusive) switch
            {
                (true, true) => items.Where(i => i.Id.CompareTo(id) >= 0),
                (true, false) => items.Where(i => i.Id.CompareTo(id) > 0),
                (false, true) => items.Where(i => i.Id.CompareTo(id) <= 0),
                _ => items.Where(i => i.Id.CompareTo(id) < 0),
            };
        if (!unpublished && key.PublishedOn is { } day)
            return (backward, inclusive) switch
            {
                (true, true) => items.Where(i => i.PublishedOn >= day && (i.PublishedOn > day || i.Id.CompareTo(id) >= 0)),
                (true, false) => items.Where(i => i.PublishedOn >= day && (i.PublishedOn > day || i.Id.CompareTo(id) > 0)),
                (false, true) => items.Where(i => i.PublishedOn <= day && (i.PublishedOn < day || i.Id.CompareTo(id) <= 0)),
                _ => items.Where(i => i.PublishedOn <= day && (i.PublishedOn < day || i.Id.CompareTo(id) < 0)),
            };
        return unpublished == backward ? items : null;
    }

    private static IOrderedQueryable<CatalogItem> Order(IQueryable<CatalogItem> items, bool backward) => backward
        ? items.OrderBy(i => i.PublishedOn).ThenBy(i => i.Id)
        : items.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id);

    private static IQueryable<ListKey> Keys(IQueryable<CatalogItem> items) => items.Select(i => new ListKey(i.PublishedOn, i.Id));
}
