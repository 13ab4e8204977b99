using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Sitemaps;

/// <summary>A row of a large section in sitemap order (date, then id): just the columns the sitemap needs.</summary>
public sealed class DatedRow
{
    public DateOnly Date { get; init; }
    public Guid Id { get; init; }
    public string Key { get; init; } = "";
    public DateOnly? Revised { get; init; }

    /// <summary>The later of the publication and the revision date.</summary>
    public DateOnly LastModified => Revised is { } r && r > Date ? r : Date;

    /// <summary>The databases' order: date, then id — a uuid (PostgreSQL) or its upper-case text (SQLite) both sort as the hex text does.</summary>
    public int CompareTo(DateOnly date, Guid id) =>
        Date != date ? Date.CompareTo(date) : string.CompareOrdinal(Id.ToString(), id.ToString());
}

/// <summary>
/// The published catalog items (/xxgk/item/{索引号}) and the published letters (/hdjl/letters/{number}): a sitemap file a year
/// of publication (<c>items-2024.xml</c>), split into parts of at most <see cref="SitemapLimit.MaxUrls"/> in (date, id) order
/// (<c>items-2024-2.xml</c> …). Read by year range and keyset on the (State, PublishedOn, Id) and (Published, PublishedOn)
/// indexes, a batch at a time, never the whole section.
/// </summary>
public sealed class DatedSection
{
    private const int Batch = 5_000;

    public static readonly DatedSection Items = new("items", "/xxgk/item/", db => db.CatalogItems.AsNoTracking()
        .Where(i => i.State == CatalogState.Published && i.PublishedOn != null)   // publication assigns the 索引号
        .Select(i => new DatedRow { Date = i.PublishedOn!.Value, Id = i.Id, Key = i.IndexNumber!, Revised = i.RevisedOn }),
        RevisedItemsAsync);

    public static readonly DatedSection Letters = new("letters", "/hdjl/letters/", db => db.Letters.AsNoTracking()
        .Where(l => l.Published && l.PublishedOn != null)
        .Select(l => new DatedRow { Date = l.PublishedOn!.Value, Id = l.Id, Key = l.Number }), null);

    /// <summary>
    /// The published items revised since publication. A revision keeps the earlier text as version 1 (ReviseCatalogItem), so
    /// the few revised items are read from that small table first: joined the other way, the planner walks every published item.
    /// </summary>
    private static async Task<List<DatedRow>> RevisedItemsAsync(GongkaiDb db, CancellationToken ct)
    {
        var rows = new List<DatedRow>();
        var ids = await db.CatalogItemVersions.AsNoTracking().Where(v => v.Number == 1).Select(v => v.ItemId).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(1_000))
            rows.AddRange(await db.CatalogItems.AsNoTracking()
                .Where(i => chunk.Contains(i.Id) && i.State == CatalogState.Published && i.PublishedOn != null && i.RevisedOn != null)
                .Select(i => new DatedRow { Date = i.PublishedOn!.Value, Id = i.Id, Revised = i.RevisedOn }).ToListAsync(ct));
        return rows;
    }

    private readonly Func<GongkaiDb, IQueryable<DatedRow>> rows;
    private readonly Func<GongkaiDb, CancellationToken, Task<List<DatedRow>>>? revised;

    private DatedSection(string name, string pathPrefix, Func<GongkaiDb, IQueryable<DatedRow>> rows, Func<GongkaiDb, CancellationToken, Task<List<DatedRow>>>? revised)
    {
        Name = name;
        PathPrefix = pathPrefix;
        this.rows = rows;
        this.revised = revised;
    }

    public string Name { get; }
    public string PathPrefix { get; }

    public static IReadOnlyList<DatedSection> All { get; } = [Items, Letters];

    /// <summary>The section's files, newest year first, each with the newest date in it.</summary>
    public async Task<IReadOnlyList<SitemapFile>> FilesAsync(GongkaiDb db, int maxUrls, CancellationToken ct)
    {
        var years = await rows(db).GroupBy(r => r.Date.Year)
            .Select(g => new { Year = g.Key, Count = g.Count(), Newest = g.Max(r => r.Date) }).ToListAsync(ct);
        var changed = revised is null ? [] : await revised(db, ct);
        var files = new List<SitemapFile>();
        foreach (var year in years.OrderByDescending(y => y.Year))
        {
            var inYear = InYear(db, year.Year);
            var parts = (year.Count + maxUrls - 1) / maxUrls;
            // Part k ends with the row before part k+1 starts: read the two rows at each boundary.
            var ends = new List<DatedRow>();
            var starts = new List<DatedRow>();
            for (var part = 1; part < parts; part++)
            {
                var pair = await inYear.Skip(part * maxUrls - 1).Take(2).ToListAsync(ct);
                ends.Add(pair[0]);
                starts.Add(pair[1]);
            }
            var newest = Enumerable.Range(0, parts).Select(p => p < parts - 1 ? ends[p].Date : year.Newest).ToArray();
            foreach (var row in changed.Where(r => r.Date.Year == year.Year))
            {
                var part = starts.Count(s => row.CompareTo(s.Date, s.Id) >= 0);
                if (row.LastModified > newest[part])
                    newest[part] = row.LastModified;
            }
            files.AddRange(newest.Select((day, p) => new SitemapFile(FileName(year.Year, p + 1), day)));
        }
        return files;
    }

    public string FileName(int year, int part) => part == 1 ? $"{Name}-{year}" : $"{Name}-{year}-{part}";

    /// <summary>Writes one file's addresses; false (nothing written) when the file does not exist.</summary>
    public async Task<bool> WriteAsync(GongkaiDb db, int year, int part, int maxUrls, Func<Task<SitemapXml>> start, CancellationToken ct)
    {
        if (year is < 1 or > 9998 || part < 1)
            return false;
        var inYear = InYear(db, year);
        DatedRow? after = null;
        if (part > 1 && (after = await inYear.Skip((part - 1) * maxUrls - 1).FirstOrDefaultAsync(ct)) is null)
            return false;
        var batch = await After(inYear, after).Take(Math.Min(Batch, maxUrls)).ToListAsync(ct);
        if (batch.Count == 0)
            return false;
        await using var xml = await start();
        for (var written = 0; batch.Count > 0;)
        {
            foreach (var row in batch)
                await xml.WriteAsync(PathPrefix + row.Key, row.LastModified);
            written += batch.Count;
            await xml.FlushAsync();
            if (batch.Count < Batch || written >= maxUrls)
                break;
            batch = await After(inYear, batch[^1]).Take(Math.Min(Batch, maxUrls - written)).ToListAsync(ct);
        }
        return true;
    }

    private IOrderedQueryable<DatedRow> InYear(GongkaiDb db, int year)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));
        return rows(db).Where(r => r.Date >= from && r.Date < to).OrderBy(r => r.Date).ThenBy(r => r.Id);
    }

    private static IQueryable<DatedRow> After(IOrderedQueryable<DatedRow> rows, DatedRow? after)
    {
        if (after is null)
            return rows;
        var (date, id) = (after.Date, after.Id);
        return rows.Where(r => r.Date > date || (r.Date == date && r.Id.CompareTo(id) > 0));
    }
}
