using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Search;

/// <summary>
/// Brings the index up to date with the queued changes (the web app runs this in the background), or rebuilds it
/// from the database (`gongkai search rebuild`).
/// </summary>
public sealed class ApplySearchWork(GongkaiDb db, CatalogIndex index)
{
    /// <returns>How many queued changes were applied.</returns>
    public async Task<int> HandleAsync(int batch = 1000, CancellationToken ct = default)
    {
        var work = await db.Set<SearchWork>().OrderBy(w => w.Id).Take(batch).ToListAsync(ct);
        if (work.Count == 0)
            return 0;
        var ids = work.Select(w => w.ItemId).Distinct().ToList();
        var items = (await Load(db.CatalogItems.Where(i => ids.Contains(i.Id))).ToListAsync(ct)).Select(ToIndexed).ToDictionary(i => i.Id);
        foreach (var id in ids)
        {
            if (items.TryGetValue(id, out var item))
                index.Upsert(item);
            else
                index.Delete(id);
        }
        index.Commit();
        var last = work[^1].Id;
        await db.Set<SearchWork>().Where(w => w.Id <= last).ExecuteDeleteAsync(ct);
        return work.Count;
    }

    /// <summary>Whether the index has nothing while the database has published items (a new or deleted index folder).</summary>
    public async Task<bool> IndexIsMissingAsync(CancellationToken ct = default) =>
        index.Search(s => s.IndexReader.NumDocs) == 0 && await db.CatalogItems.AnyAsync(i => i.State == CatalogState.Published, ct);

    /// <summary>Empties the index and fills it again from every published item; reports progress as (done, total).</summary>
    public async Task<int> RebuildAsync(IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        index.Clear();
        var published = db.CatalogItems.Where(i => i.State == CatalogState.Published);
        var total = await published.CountAsync(ct);
        var done = 0;
        // Oldest first: the index keeps publication order (see CatalogIndex).
        await foreach (var item in Load(published.OrderBy(i => i.PublishedOn).ThenBy(i => i.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            index.Upsert(ToIndexed(item));
            if (++done % 1000 == 0)
                progress?.Report((done, total));
        }
        index.Commit();
        await db.Set<SearchWork>().ExecuteDeleteAsync(ct);
        progress?.Report((done, total));
        return done;
    }

    /// <summary>An item as the index holds it, from the item itself (bulk writes, which index while they write).</summary>
    public static IndexedItem ToIndexed(CatalogItem i, string unitPath) => new(i.Id, i.IndexNumber!, i.Title,
        $"{i.Summary}\n{PublishCatalogItem.PlainText(i.Body).Trim()}", i.DocumentNumber, unitPath, i.Genre, i.Theme, i.PublishedOn!.Value,
        i.Validity, i.RepealedOn);

    private sealed record Row(Guid Id, string IndexNumber, string Title, string Summary, string Body, string DocumentNumber, string UnitPath,
        Genre Genre, string Theme, DateOnly PublishedOn, Validity Validity, DateOnly? RepealedOn);

    private static IQueryable<Row> Load(IQueryable<CatalogItem> items) => items.AsNoTracking()
        .Where(i => i.State == CatalogState.Published)
        .Select(i => new Row(i.Id, i.IndexNumber!, i.Title, i.Summary, i.Body, i.DocumentNumber, i.Unit.Path, i.Genre, i.Theme, i.PublishedOn!.Value,
            i.Validity, i.RepealedOn));

    private static IndexedItem ToIndexed(Row r) => new(r.Id, r.IndexNumber, r.Title, $"{r.Summary}\n{PublishCatalogItem.PlainText(r.Body).Trim()}",
        r.DocumentNumber, r.UnitPath, r.Genre, r.Theme, r.PublishedOn, r.Validity, r.RepealedOn);
}
