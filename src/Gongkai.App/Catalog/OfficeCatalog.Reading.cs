using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>How <see cref="OfficeCatalog"/> reads one state: how many, and a page of keys from a place in the list.</summary>
public sealed partial class OfficeCatalog
{
    /// <summary>A state's items are counted up to this many; past that, estimated (see <see cref="SizeAsync"/>).</summary>
    public const int CountedExactly = 50_000;

    /// <summary>How many windows, spread over its days, a title search's total is estimated from (see <see cref="SampleAsync"/>).</summary>
    public const int Strata = 8;

    /// <summary><see cref="CountedExactly"/>, smaller in tests.</summary>
    internal int Counted { get; init; } = CountedExactly;

    /// <summary><see cref="NarrowWindow"/> and <see cref="TitleWindow"/>, smaller in tests.</summary>
    internal (int Narrow, int Title) Windows { get; init; } = (NarrowWindow, TitleWindow);

    /// <param name="Keys">Up to a page and one, in reading order (the list's, or its reverse going back).</param>
    /// <param name="WindowEnd">A narrowed read that found less than a page in its window: where the window ended (the rest unread).</param>
    /// <param name="Exact">False when <paramref name="Count"/> is estimated.</param>
    private sealed record Read(List<ListKey> Keys, ListKey? WindowEnd, double Count, bool Exact);

    /// <summary>The days a published range spans, and how many of them hold <see cref="Counted"/> of its newest items.</summary>
    /// <param name="Size">How many items it holds, when it was counted (fewer than <see cref="Counted"/>).</param>
    private sealed record Pace(DateOnly Oldest, DateOnly Newest, double DaysPerCounted, long? Size)
    {
        /// <summary>About how many days, from the newest, hold <paramref name="entries"/> of the range's items.</summary>
        public int DaysHolding(int entries, int counted) => (int)Math.Clamp(Math.Ceiling(DaysPerCounted * entries / counted), 1, 100_000);
    }

    /// <summary>
    /// A state's page. A published range narrowed (by unit, 体裁 or title) is read a window of days at a time — days that
    /// hold about <see cref="NarrowWindow"/> of its entries, <see cref="TitleWindow"/> with a title — so that a page costs
    /// about the same whatever it finds; when the window holds less than a page, the read says where it ended and the
    /// next page goes on from there. Unpublished items are few and read through.
    /// </summary>
    private async Task<Read> ReadAsync(Selection items, ListKey? from, bool backward, string? title, CancellationToken ct)
    {
        // With a title, the count is the title's (below): here only whether anything passes the rest of the filter.
        var (all, exact) = title is null ? await SizeAsync(items, ct) : await items.Picked().AnyAsync(ct) ? (1, false) : (0, true);
        if (all == 0)
            return new([], null, 0, true);
        Func<IQueryable<CatalogItem>, IQueryable<CatalogItem>> narrow = title is null ? items.Narrow ?? (q => q)
            : entries => (items.Narrow?.Invoke(entries) ?? entries).Where(i => i.Title.Contains(title));
        if (items.Unpublished || (items.Narrow is null && title is null))
        {
            if (title is not null)
                (all, exact) = (await narrow(items.Range()).LongCountAsync(ct), true);
            var rest = Onward(items, from, backward);
            return new(rest is null ? [] : await Keys(Order(narrow(rest), backward).Take(PageSize + 1)).ToListAsync(ct), null, all, exact);
        }

        var pace = await PaceAsync(items, ct);
        var days = pace.DaysHolding(title is null ? Windows.Narrow : Windows.Title, Counted);
        List<ListKey>? top = null;
        if (title is not null)
        {
            // The first page's read, and the count: all of the matches when that window is the whole range, else a sample.
            var since = pace.Newest.AddDays(1 - days);
            top = await Keys(Order(narrow(items.Range(since)), backward: false).Take(PageSize + 1)).ToListAsync(ct);
            (all, exact) = since > pace.Oldest ? (await SampleAsync(items, narrow, pace, days, ct), false)
                : (top.Count <= PageSize ? top.Count : await narrow(items.Range()).LongCountAsync(ct), true);
        }

        // The window: from the place asked for (the newest day, or the key's) so many days on.
        var start = from?.PublishedOn ?? (backward ? null : pace.Newest);
        if (start is not { } first)
            return new([], null, all, exact);   // back before the published: none of them
        var (lower, upper) = backward ? (first, first.AddDays(days - 1)) : (first.AddDays(1 - days), first);
        var keys = top is not null && from is null && !backward ? [.. top.Take(PageSize + 1)]   // the same read
            : Onward(items, from, backward, lower, upper) is { } onward ? await Keys(Order(narrow(onward), backward).Take(PageSize + 1)).ToListAsync(ct) : [];
        ListKey? end = keys.Count > PageSize ? null
            : backward ? upper < pace.Newest ? new ListKey(upper, Guid.AllBitsSet) : null
            : lower > pace.Oldest ? new ListKey(lower, Guid.Empty) : null;   // a key past every item of that day, going on from the next
        return new(keys, end, all, exact);
    }

    /// <summary>
    /// How many items the selection picks: counted up to <see cref="Counted"/> — counting a million index entries takes
    /// about 100 ms of the 200 a page may. Past that, published items are estimated from how many were published in the
    /// newest sixteenth of the days they span, per working day (so that a holiday week in it does not lower the rate);
    /// unpublished ones, never so many, are counted.
    /// </summary>
    private async Task<(double Count, bool Exact)> SizeAsync(Selection items, CancellationToken ct)
    {
        var counted = await items.Picked().Take(Counted + 1).LongCountAsync(ct);
        if (counted <= Counted)
            return (counted, true);
        if (items.Unpublished)
            return (await items.Picked().LongCountAsync(ct), true);
        var newest = (await Order(items.Picked(), backward: false).Select(i => i.PublishedOn).FirstAsync(ct))!.Value;
        var oldest = (await Order(items.Picked(), backward: true).Select(i => i.PublishedOn).FirstAsync(ct))!.Value;
        var since = newest.AddDays(-((newest.DayNumber - oldest.DayNumber + 1) / 16));
        var recent = await items.Picked(since).LongCountAsync(ct);
        var calendar = await calendars.GetAsync(db, ct);
        double Days(DateOnly first) => Math.Max(1, calendar.WorkingDaysBetween(first.AddDays(-1), newest));
        return (Math.Max(counted, recent * Days(oldest) / Days(since)), false);
    }

    /// <summary>
    /// A published range's first and last days, and the days its newest <see cref="Counted"/> items took — one read of
    /// that many index entries, not a count of the whole range (or, for a smaller range, its count: all its days).
    /// </summary>
    private async Task<Pace> PaceAsync(Selection items, CancellationToken ct)
    {
        var newest = (await Order(items.Range(), backward: false).Select(i => i.PublishedOn).FirstAsync(ct))!.Value;
        var oldest = (await Order(items.Range(), backward: true).Select(i => i.PublishedOn).FirstAsync(ct))!.Value;
        var reached = await Order(items.Range(), backward: false).Skip(Counted - 1).Select(i => i.PublishedOn).FirstOrDefaultAsync(ct);
        if (reached is { } day)
            return new(oldest, newest, newest.DayNumber - day.DayNumber + 1, null);
        var size = await items.Range().LongCountAsync(ct);
        return new(oldest, newest, (newest.DayNumber - oldest.DayNumber + 1.0) * Counted / Math.Max(1, size), size);
    }

    /// <summary>
    /// A title search's matches in a range too long to read: estimated from <see cref="Strata"/> windows spread evenly
    /// over its days, together about half a title window, and the range's size — so that a word of one year's titles
    /// (「2024年」) is sampled where it is, not only among the newest.
    /// </summary>
    private async Task<double> SampleAsync(Selection items, Func<IQueryable<CatalogItem>, IQueryable<CatalogItem>> narrow, Pace pace, int windowDays,
        CancellationToken ct)
    {
        var span = pace.Newest.DayNumber - pace.Oldest.DayNumber + 1;
        var days = Math.Max(1, windowDays / Strata / 2);   // half a window in all
        var (entries, matches) = (0L, 0L);
        for (var k = 0; k < Strata; k++)
        {
            var from = pace.Oldest.AddDays((int)((k + 0.5) * span / Strata) - days / 2);
            var sample = items.Range(from, from.AddDays(days - 1));
            entries += await sample.LongCountAsync(ct);
            matches += await narrow(sample).LongCountAsync(ct);
        }
        if (pace.Size is { } size)
            return matches * (double)size / Math.Max(1, entries);
        // The range's size from its pace: Counted items in its newest days, per working day, over all its working days.
        var calendar = await calendars.GetAsync(db, ct);
        double Days(DateOnly first) => Math.Max(1, calendar.WorkingDaysBetween(first.AddDays(-1), pace.Newest));
        return matches * (Counted * Days(pace.Oldest) / Days(pace.Newest.AddDays(1 - (int)Math.Round(pace.DaysPerCounted)))) / Math.Max(1, entries);
    }

    /// <summary>
    /// The range past <paramref name="from"/> in the list (older; <paramref name="backward"/>: newer), published within
    /// [<paramref name="lower"/>, <paramref name="upper"/>] too; null when none of this state can be — every unpublished
    /// item comes before every published one. Id.CompareTo against 0 is what EF Core turns into a plain comparison.
    /// </summary>
    private static IQueryable<CatalogItem>? Onward(Selection items, ListKey? from, bool backward, DateOnly? lower = null, DateOnly? upper = null)
    {
        if (from is not { } key)
            return items.Range(lower, upper);
        var id = key.Id;
        if (items.Unpublished)
            return key.PublishedOn is not null ? backward ? items.Range() : null
                : backward ? items.Range().Where(i => i.Id.CompareTo(id) > 0) : items.Range().Where(i => i.Id.CompareTo(id) < 0);
        if (key.PublishedOn is not { } day)
            return backward ? null : items.Range(lower, upper);
        return backward
            ? items.Range(lower > day ? lower : day, upper).Where(i => i.PublishedOn > day || i.Id.CompareTo(id) > 0)
            : items.Range(lower, upper < day ? upper : day).Where(i => i.PublishedOn < day || i.Id.CompareTo(id) < 0);
    }

    private static IOrderedQueryable<CatalogItem> Order(IQueryable<CatalogItem> items, bool backward) => backward
        ? items.OrderBy(i => i.PublishedOn).ThenBy(i => i.Id)
        : items.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id);

    private static IQueryable<ListKey> Keys(IQueryable<CatalogItem> items) => items.Select(i => new ListKey(i.PublishedOn, i.Id));
}
