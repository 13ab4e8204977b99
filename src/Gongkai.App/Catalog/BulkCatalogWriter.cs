using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// Writes published catalog items in bulk — `gongkai catalog import` and `gongkai demo catalog` — in one transaction
/// (all or nothing), with their logs and their search change-log entries, moving the 索引号 counters past every
/// number written. When no other process holds this machine's index (no portal runs here), it also brings that index
/// up to date: a new index is first filled from the database (cheap while the catalog is empty); then items arriving
/// in publication order, none older than the index's newest, are indexed on every core while the database is written,
/// in runs joined in order (<see cref="CatalogIndex.BeginBulk"/>), and their log entries marked with a batch id the
/// index commit names (so the follower skips them only once the index really holds them); a write that fails takes its
/// items out of the index again. Items out of order make the index be rebuilt from the database afterwards, since it
/// keeps publication order (see <see cref="CatalogIndex"/>). When a portal holds the index, the nodes apply the
/// entries themselves — never two writers on one index.
/// </summary>
public sealed class BulkCatalogWriter(GongkaiDb db, CatalogIndex index, SearchFollower search, IndexNumberFormat format, TimeProvider clock)
{
    /// <summary>Whether the last write brought this machine's index up to date itself (false: a portal holds it and does).</summary>
    public bool IndexedHere { get; private set; }

    /// <summary>How long each phase of the last write took (wall clock, and the process's processor time on every core).</summary>
    public IReadOnlyList<Phase> Timings { get; private set; } = [];

    public sealed record Phase(string Name, TimeSpan Wall, TimeSpan Processor);

    /// <summary>Phases timed one after another, from the previous one's end.</summary>
    public sealed class Phases
    {
        private readonly System.Diagnostics.Stopwatch watch = System.Diagnostics.Stopwatch.StartNew();
        private TimeSpan wall, processor = Cpu();

        public List<Phase> Done { get; } = [];

        private static TimeSpan Cpu() => System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;

        public void End(string name)
        {
            var (nowWall, nowProcessor) = (watch.Elapsed, Cpu());
            Done.Add(new(name, nowWall - wall, nowProcessor - processor));
            (wall, processor) = (nowWall, nowProcessor);
        }
    }

    /// <param name="total">How many items are coming, for the progress report (0 when unknown).</param>
    /// <param name="unitCodes">The organisation code of every unit id the items may name (for the 索引号 counters).</param>
    /// <returns>How many items were written.</returns>
    public async Task<long> WriteAsync(IAsyncEnumerable<CatalogItem> items, IReadOnlyDictionary<Guid, string> unitCodes,
        IProgress<(long Done, long Total)>? progress = null, long total = 0, CancellationToken ct = default)
    {
        var highest = new Dictionary<(string Prefix, int Period), int>();
        var phases = new Phases();
        Timings = phases.Done;
        var holdsIndex = IndexedHere = index.TryOpen();
        if (holdsIndex)
            await search.CatchUpAsync(ct);   // a new index is filled from the database first (cheap while it is empty), not after
        // Indexed on every core while the database is written; joined into the index only once the database has committed.
        var bulk = holdsIndex ? index.BeginBulk(Environment.ProcessorCount) : null;
        var (newest, written) = (holdsIndex ? index.NewestPublication()?.DayNumber ?? int.MinValue : 0, 0L);
        var (changed, batch) = (new List<Guid>(), Guid.NewGuid());
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(ct))
            {
                using (var itemRows = new BulkInsert<CatalogItem>(db))
                using (var logRows = new BulkInsert<CatalogLogEntry>(db, itemRows))
                {
                    var unitPaths = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Path, ct);
                    await foreach (var item in items.WithCancellation(ct))
                    {
                        await itemRows.AddAsync(item, ct);
                        changed.Add(item.Id);
                        foreach (var entry in item.Log)
                            await logRows.AddAsync(entry, ct);
                        if (item.IndexNumber is { } number && format.Read(unitCodes[item.UnitId], number) is var (period, serial))
                        {
                            var key = (format.Prefix(unitCodes[item.UnitId]), period);
                            highest[key] = Math.Max(serial, highest.GetValueOrDefault(key));
                        }
                        var day = item.PublishedOn!.Value.DayNumber;
                        if (bulk is not null && day < newest)
                        {
                            bulk.Dispose();   // out of publication order: the index is rebuilt afterwards
                            bulk = null;
                        }
                        if (bulk is not null)
                        {
                            newest = day;
                            bulk.Add(IndexedItems.From(item, unitPaths[item.UnitId]));
                        }
                        if (++written % 1000 == 0)
                            progress?.Report((written, total));
                    }
                    await itemRows.FlushAsync(ct);
                    await logRows.FlushAsync(ct);
                }
                phases.End("写入数据库（同时建索引分区）");
                // Last, so that the entries' ids are given just before the commit (see SearchFollower on gaps).
                using (var changeRows = new BulkInsert<SearchChange>(db))
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    foreach (var id in changed)
                        await changeRows.AddAsync(new SearchChange { ItemId = id, EnqueuedAt = now, Origin = holdsIndex ? batch : null }, ct);
                    await changeRows.FlushAsync(ct);
                }
                db.Add(PageCache.PageChange.Of([PageCache.PortalAreas.Catalog], clock.GetUtcNow().UtcDateTime));   // saved with the counters
                await MoveCountersAsync(highest, ct);
                await transaction.CommitAsync(ct);
                phases.End("写入变更日志并提交数据库");
            }
            if (bulk is not null)
            {
                bulk.Complete();
                phases.End("等待索引分区并按序合入索引");
                index.Commit(hold: batch);
                await search.CatchUpAsync(ct);   // moves the index's position past the entries it now holds
                phases.End("提交索引");
            }
            else if (holdsIndex)
            {
                await search.RebuildAsync(hold: batch, ct: ct);
                phases.End("从数据库重建索引（导入的信息早于索引中最新的）");
            }
        }
        catch
        {
            if (bulk is not null)
            {
                bulk.Dispose();   // nothing was written: the index must not show any of it
                bulk = null;
                index.Commit();
            }
            throw;
        }
        finally
        {
            bulk?.Dispose();
        }
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
