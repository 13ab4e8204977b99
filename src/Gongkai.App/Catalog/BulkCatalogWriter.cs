using System.Threading.Channels;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// Writes published catalog items in bulk — `gongkai catalog import` and `gongkai demo catalog` — in one transaction
/// (all or nothing), with their logs, moving the 索引号 counters past every number written, and brings the search
/// index up to date. Items arriving in publication order, none older than the index's newest, are indexed while the
/// database is written (on the other core); otherwise the index is rebuilt from the database afterwards, since it
/// keeps publication order (see <see cref="CatalogIndex"/>).
/// </summary>
public sealed class BulkCatalogWriter(GongkaiDb db, CatalogIndex index, ApplySearchWork search, IndexNumberFormat format)
{
    /// <param name="total">How many items are coming, for the progress report (0 when unknown).</param>
    /// <param name="unitCodes">The organisation code of every unit id the items may name (for the 索引号 counters).</param>
    /// <returns>How many items were written.</returns>
    public async Task<long> WriteAsync(IAsyncEnumerable<CatalogItem> items, IReadOnlyDictionary<Guid, string> unitCodes,
        IProgress<(long Done, long Total)>? progress = null, long total = 0, CancellationToken ct = default)
    {
        var highest = new Dictionary<(string Prefix, int Period), int>();
        var toIndex = Channel.CreateBounded<IndexedItem>(new BoundedChannelOptions(2000) { SingleReader = true, SingleWriter = true });
        var indexing = Task.Run(async () =>
        {
            await foreach (var item in toIndex.Reader.ReadAllAsync(ct))
                index.Upsert(item);
        }, ct);
        var (inOrder, newest, written, indexed) = (true, index.NewestPublication()?.DayNumber ?? int.MinValue, 0L, new List<Guid>());

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            using (var itemRows = new BulkInsert<CatalogItem>(db))
            using (var logRows = new BulkInsert<CatalogLogEntry>(db, itemRows))
            {
                var unitPaths = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Path, ct);
                await foreach (var item in items.WithCancellation(ct))
                {
                    await itemRows.AddAsync(item, ct);
                    foreach (var entry in item.Log)
                        await logRows.AddAsync(entry, ct);
                    if (item.IndexNumber is { } number && format.Read(unitCodes[item.UnitId], number) is var (period, serial))
                    {
                        var key = (format.Prefix(unitCodes[item.UnitId]), period);
                        highest[key] = Math.Max(serial, highest.GetValueOrDefault(key));
                    }
                    var day = item.PublishedOn!.Value.DayNumber;
                    if (inOrder && day < newest)
                    {
                        inOrder = false;   // from here on the index is rebuilt afterwards
                        toIndex.Writer.Complete();
                    }
                    if (inOrder)
                    {
                        newest = day;
                        indexed.Add(item.Id);
                        await toIndex.Writer.WriteAsync(ApplySearchWork.ToIndexed(item, unitPaths[item.UnitId]), ct);
                    }
                    if (++written % 1000 == 0)
                        progress?.Report((written, total));
                }
                await itemRows.FlushAsync(ct);
                await logRows.FlushAsync(ct);
            }
            await MoveCountersAsync(highest, ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            toIndex.Writer.TryComplete();
            await indexing;
            indexed.ForEach(index.Delete);   // nothing was written: the index must not show it either
            index.Commit();
            throw;
        }
        toIndex.Writer.TryComplete();
        await indexing;
        if (inOrder)
            index.Commit();
        else
            await search.RebuildAsync(ct: ct);
        progress?.Report((written, total));
        return written;
    }

    private async Task MoveCountersAsync(Dictionary<(string Prefix, int Period), int> highest, CancellationToken ct)
    {
        var counters = await db.IndexCounters.ToDictionaryAsync(c => (c.Prefix, c.Period), ct);
        foreach (var (key, serial) in highest)
        {
            if (!counters.TryGetValue(key, out var counter))
                db.IndexCounters.Add(counter = new IndexCounter { Prefix = key.Prefix, Period = key.Period });
            counter.Last = Math.Max(counter.Last, serial);
        }
        await db.SaveChangesAsync(ct);
    }
}
