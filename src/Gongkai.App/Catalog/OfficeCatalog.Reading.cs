using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>How <see cref="OfficeCatalog"/> reads one state: how many, and a page of keys from a place in the list.</summary>
public sealed partial class OfficeCatalog
{
    /// <summary>A state's items are counted up to this many; past that, estimated (see <see cref="SizeAsync"/>).</summary>
    public const int CountedExactly = 50_000;

    /// <summary>Among the matches of a title search, how many are read to see how densely they lie (for 约 N).</summary>
    public const int TitleSample = 200;

    /// <summary><see cref="CountedExactly"/>, smaller in tests.</summary>
    internal int Counted { get; init; } = CountedExactly;

    /// <summary><see cref="TitleWindow"/>, smaller in tests.</summary>
    internal int Window { get; init; } = TitleWindow;

    /// <summary><see cref="TitleSample"/>, smaller in tests.</summary>
    internal int Sample { get; init; } = TitleSample;

    /// <param name="Keys">Up to a page and one, in reading order (the list's, or its reverse going back).</param>
    /// <param name="WindowEnd">A narrowed read that found less than a page in its window: the window's last entry (the rest unread).</param>
    /// <param name="Exact">False when <paramref name="Count"/> is estimated.</param>
    private sealed record Read(List<ListKey> Keys, ListKey? WindowEnd, double Count, bool Exact);

    /// <summary>
    /// A state's page: a range of the index read in order from <paramref name="from"/>; narrowed (by unit, 体裁 or title),
    /// only its next <see cref="Window"/> entries, so that a page costs the same whatever it finds — when they hold less
    /// than a page, the read says where they ended and the next page goes on from there.
    /// </summary>
    private async Task<Read> ReadAsync(Selection items, ListKey? from, bool backward, string? title, CancellationToken ct)
    {
        var (all, exact) = await SizeAsync(items.Picked, items.Unpublished, ct);
        var range = items.Range();
        if (all == 0)
            return new([], null, 0, true);
        Func<IQueryable<CatalogItem>, IQueryable<CatalogItem>>? narrow = title is null ? items.Narrow
            : entries => (items.Narrow?.Invoke(entries) ?? entries).Where(i => i.Title.Contains(title));
        var onward = from is { } key ? Past(range, items.Unpublished, key, backward) : range;

        var (keys, end) = (new List<ListKey>(), (ListKey?)null);
        List<ListKey>? newest = null;
        if (title is not null)
        {
            // The title's matches among the newest Window entries, at most Sample and one: counted when that is all of them,
            // else scaled by how many entries were read to find Sample, or by the range's size over the window.
            newest = await Keys(Order(narrow!(Order(range, backward: false).Take(Window)), backward: false).Take(Sample + 1)).ToListAsync(ct);
            var (size, sizeExact) = items.Narrow is null ? (all, exact) : await SizeAsync(items.Range, items.Unpublished, ct);
            (all, exact) = newest.Count > Sample
                ? (Sample * size / await Past(range, items.Unpublished, newest[Sample - 1], backward: true, inclusive: true)!.LongCountAsync(ct), false)
                : (newest.Count * Math.Max(size, Window) / Window, sizeExact && size <= Window);
        }
        if (onward is not null)
        {
            var ordered = Order(onward, backward);
            if (narrow is null)
                keys = await Keys(ordered.Take(PageSize + 1)).ToListAsync(ct);
            else
            {
                keys = newest is not null && from is null && !backward ? [.. newest.Take(PageSize + 1)]   // the same read
                    : await Keys(Order(narrow(ordered.Take(Window)), backward).Take(PageSize + 1)).ToListAsync(ct);
                if (keys.Count <= PageSize && await Keys(ordered.Skip(Window - 1)).FirstOrDefaultAsync(ct) is var last && last != default)
                    end = last;
            }
        }
        return new(keys, end, all, exact);
    }

    /// <summary>
    /// How many items pass: counted up to <see cref="Counted"/>; past that, published items are estimated from how many
    /// were published in the newest sixteenth of the time they span, per working day (so that a holiday week in it
    /// does not lower the rate) — counting a million index entries takes about 100 ms of the 200 a page may — and
    /// unpublished ones, never so many, are counted.
    /// </summary>
    private async Task<(double Count, bool Exact)> SizeAsync(Func<DateOnly?, IQueryable<CatalogItem>> items, bool unpublished, CancellationToken ct)
    {
        var counted = await items(null).Take(Counted + 1).LongCountAsync(ct);
        if (counted <= Counted)
            return (counted, true);
        if (unpublished)
            return (await items(null).LongCountAsync(ct), true);
        var newest = (await Order(items(null), backward: false).Select(i => i.PublishedOn).FirstAsync(ct))!.Value;
        var oldest = (await Order(items(null), backward: true).Select(i => i.PublishedOn).FirstAsync(ct))!.Value;
        var since = newest.AddDays(-((newest.DayNumber - oldest.DayNumber + 1) / 16));
        var recent = await items(since).LongCountAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        double Days(DateOnly first) => Math.Max(1, calendar.WorkingDaysBetween(first.AddDays(-1), newest));
        return (Math.Max(counted, recent * Days(oldest) / Days(since)), false);
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
