using Gongkai.App.Units;
using Gongkai.App.Accounts;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// The office's catalog list (/office/catalog): the items of the account's subtree, newest first — unpublished ones
/// (草稿, 待审核) first, newest created first, then the published and withdrawn ones by publication date — filtered by
/// state, unit subtree, 体裁, publication year, a piece of the title or the exact 索引号, and paged by keyset (a page
/// starts after, or ends before, an item's place in that order), so a page deep in a million items costs what the first does.
/// </summary>
/// <remarks>
/// Each state is read apart, in the order of the index (State, PublishedOn, Id, UnitId, Genre, Title), and the states
/// are merged here: each read is a range of that index (the state, within a year) stopping at a page. Ties within a day
/// are broken by the item's id (a UUIDv7, so by creation), which both databases order alike. A list narrowed by unit,
/// 体裁 or title tests the entries of that range one by one, a window of days at a time (see ReadAsync): when a window
/// holds less than a page, the page says how far back it looked and the next one goes on from there — so no page reads
/// much more than a window, whatever it finds. Totals are exact up to <see cref="CountedExactly"/> items a state,
/// estimated past that (约 N).
/// </remarks>
public sealed partial class OfficeCatalog(GongkaiDb db, OfficialCalendar calendars)
{
    public const int PageSize = 20;

    /// <summary>About how many index entries of one state a list narrowed by unit or 体裁 reads for one page (about 40 ms of one core).</summary>
    public const int NarrowWindow = 400_000;

    /// <summary>About how many a title search reads for one page (testing each title costs more: about 15 ms).</summary>
    public const int TitleWindow = 50_000;

    /// <param name="Unit">A unit's code: the unit and its subtree (inside the account's).</param>
    /// <param name="Year">Published in that year (so unpublished items never match).</param>
    /// <param name="Title">A piece of the title (substring, as typed).</param>
    /// <param name="IndexNumber">索引号, exactly.</param>
    public sealed record Filter(CatalogState? State = null, string? Unit = null, Genre? Genre = null, int? Year = null, string? Title = null,
        string? IndexNumber = null);

    public sealed record Row(Guid Id, string Title, string Unit, Genre Genre, DateOnly FormedOn, CatalogState State, string? IndexNumber,
        DateOnly? PublishedOn);

    /// <param name="Exact">False when estimated (shown as 约 N 条): a state of more than <see cref="CountedExactly"/> items, or a
    /// title search past its first window (see <see cref="SizeAsync"/> and <see cref="ReadAsync"/>).</param>
    public sealed record Total(long Count, bool Exact);

    /// <param name="Newer">Where the page before begins (pass as before=), null on the first page.</param>
    /// <param name="Older">Where the next page begins (pass as after=), null on the last.</param>
    /// <param name="ReadUpTo">A narrowed list that stopped at its window before filling the page: the oldest entry it read
    /// (<see cref="Older"/> then goes on from there).</param>
    /// <param name="UnitRefused">The unit asked for is not in the account's subtree (or does not exist): nothing is listed.</param>
    public sealed record Page(IReadOnlyList<Row> Rows, Total Total, ListKey? Newer, ListKey? Older, ListKey? ReadUpTo = null, bool UnitRefused = false);

    private static readonly CatalogState[] Unpublished = [CatalogState.Draft, CatalogState.Submitted];
    private static readonly CatalogState[] Listed = [CatalogState.Draft, CatalogState.Submitted, CatalogState.Published, CatalogState.Withdrawn];

    /// <param name="after">Start after this item (older ones); <paramref name="before"/>: end before it (newer ones). Neither: the first page.</param>
    public async Task<Page> ListAsync(StaffScope actor, Filter filter, ListKey? after = null, ListKey? before = null, CancellationToken ct = default)
    {
        var (units, refused) = await UnitsAsync(actor, filter.Unit, ct);
        if (refused)
            return new([], new(0, true), null, null, UnitRefused: true);
        var states = filter.State is { } one ? [one] : Listed;
        if (filter.Year is not null)
            states = [.. states.Except(Unpublished)];
        var backward = before is not null && after is null;
        var from = backward ? before : after;
        var title = string.IsNullOrWhiteSpace(filter.Title) ? null : filter.Title.Trim();

        var (keys, windowEnds, count, exact) = (new List<ListKey>(), new List<ListKey>(), 0.0, true);
        foreach (var state in states)
        {
            var read = await ReadAsync(new Selection(db, state, units, filter), from, backward, title, ct);
            keys.AddRange(read.Keys);
            if (read.WindowEnd is { } end)
                windowEnds.Add(end);
            (count, exact) = (count + read.Count, exact && read.Exact);
        }
        var total = new Total((long)Math.Round(count), exact);

        // In reading order: the list's order, or its reverse when going back.
        keys.Sort(backward ? (a, b) => b.CompareTo(a) : (a, b) => a.CompareTo(b));
        // A narrowed read that stopped at its window in some state has read that state only so far: past the first such
        // end, what comes next is not known yet.
        ListKey? frontier = windowEnds.Count == 0 ? null : backward ? windowEnds.Max() : windowEnds.Min();
        if (frontier is { } limit)
            keys = [.. keys.Where(k => backward ? k.CompareTo(limit) >= 0 : k.CompareTo(limit) <= 0)];
        var full = keys.Count > PageSize;
        keys = [.. keys.Take(PageSize)];
        if (backward)
        {
            if (!full && frontier is null)
                return await ListAsync(actor, filter, ct: ct);   // back at the top: the first page, full
            keys.Reverse();
            return new(await RowsAsync(keys, ct), total, keys.Count > 0 ? keys[0] : frontier, keys.Count > 0 ? keys[^1] : before);
        }
        return new(await RowsAsync(keys, ct), total, from is null ? null : keys.Count > 0 ? keys[0] : from, full ? keys[^1] : frontier,
            full ? null : frontier);
    }

    /// <summary>The units to list: the account's subtree, or the asked unit's within it; null for every unit (no condition needed).</summary>
    private async Task<(List<Guid>? Units, bool Refused)> UnitsAsync(StaffScope actor, string? code, CancellationToken ct)
    {
        var units = actor.UnitsIn(db);
        if (!string.IsNullOrWhiteSpace(code))
        {
            var path = await units.Where(u => u.Code == code.Trim()).Select(u => u.Path).SingleOrDefaultAsync(ct);
            if (path is null)
                return (null, true);
            units = units.Within(path);
        }
        var ids = await units.Select(u => u.Id).ToListAsync(ct);
        return (ids.Count == await db.Units.CountAsync(ct) ? null : ids, false);
    }

    /// <summary>
    /// One state's items as the filter picks them: <see cref="Range"/>, the state within its publication year or with
    /// its 索引号 — a range of the list's index (or of the 索引号's) —, and <see cref="Picked"/>, the range narrowed by the
    /// unit subtree and 体裁, tested entry by entry as the title is (<see cref="Narrow"/> null when nothing narrows it).
    /// </summary>
    private sealed class Selection(GongkaiDb db, CatalogState state, List<Guid>? units, Filter filter)
    {
        public bool Unpublished { get; } = Array.IndexOf(OfficeCatalog.Unpublished, state) >= 0;

        /// <summary>The range, published from <paramref name="from"/> to <paramref name="to"/> too: one bound on each side, so the index range is that tight.</summary>
        public IQueryable<CatalogItem> Range(DateOnly? from = null, DateOnly? to = null)
        {
            var range = db.CatalogItems.AsNoTracking().Where(i => i.State == state);
            if (Unpublished)
                range = range.Where(i => i.PublishedOn == null);   // always so: said for the index, whose next column this is
            var (first, last) = filter.Year is { } year ? ReportForms.YearBounds(year) : (DateOnly.MinValue, DateOnly.MaxValue);
            (first, last) = (from > first ? from.Value : first, to < last ? to.Value : last);
            if (first != DateOnly.MinValue)
                range = range.Where(i => i.PublishedOn >= first);
            if (last != DateOnly.MaxValue)
                range = range.Where(i => i.PublishedOn <= last);
            if (!string.IsNullOrWhiteSpace(filter.IndexNumber))
            {
                var number = filter.IndexNumber.Trim();
                range = range.Where(i => i.IndexNumber == number);
            }
            return range;
        }

        public Func<IQueryable<CatalogItem>, IQueryable<CatalogItem>>? Narrow => units is null && filter.Genre is null ? null : items =>
        {
            if (units is not null)
                items = items.Where(i => units.Contains(i.UnitId));
            return filter.Genre is { } genre ? items.Where(i => i.Genre == genre) : items;
        };

        public IQueryable<CatalogItem> Picked(DateOnly? from = null) => Narrow is { } narrow ? narrow(Range(from)) : Range(from);
    }

    private async Task<List<Row>> RowsAsync(List<ListKey> keys, CancellationToken ct)
    {
        var ids = keys.Select(k => k.Id).ToList();
        var rows = await db.CatalogItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new Row(i.Id, i.Title, i.Unit.ShortName, i.Genre, i.FormedOn, i.State, i.IndexNumber, i.PublishedOn))
            .ToDictionaryAsync(r => r.Id, ct);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id])];
    }

    /// <summary>How many drafts, items waiting for review and withdrawn items the account's subtree holds (the tabs; the
    /// published are counted when listed).</summary>
    public async Task<IReadOnlyDictionary<CatalogState, long>> CountUnlistedAsync(StaffScope actor, CancellationToken ct = default)
    {
        var (units, _) = await UnitsAsync(actor, null, ct);
        var counts = new Dictionary<CatalogState, long>();
        foreach (var state in new[] { CatalogState.Draft, CatalogState.Submitted, CatalogState.Withdrawn })
            counts[state] = await new Selection(db, state, units, new()).Picked().LongCountAsync(ct);
        return counts;
    }
}
