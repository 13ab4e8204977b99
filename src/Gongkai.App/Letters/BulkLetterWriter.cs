using System.Threading.Channels;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>
/// Writes letters in bulk with their logs — `gongkai demo letters`, and any import — in one transaction (all or
/// nothing), with a search change-log entry for each published one. As <see cref="Catalog.BulkCatalogWriter"/> does,
/// when no other process holds this machine's index it indexes the published letters while the database is written
/// (on the other core), in the letters' publication order, and marks their entries with a batch id the index commit
/// names; a letter published before one already indexed makes it rebuild the index afterwards instead. When a portal
/// holds the index, the nodes apply the entries themselves.
/// </summary>
/// <remarks>
/// Letters come by arrival day, and none is published before it arrives: a published letter waits until the stream
/// has passed its publication day, and is then indexed in order. So a year of letters is indexed as it is written,
/// with only the few weeks between arrival and publication held back.
/// </remarks>
public sealed class BulkLetterWriter(GongkaiDb db, CatalogIndex index, SearchFollower search, TimeProvider clock)
{
    /// <summary>Whether the last write brought this machine's index up to date itself (false: a portal holds it and does).</summary>
    public bool IndexedHere { get; private set; }

    /// <summary>How many of the letters written were published (and so searchable).</summary>
    public long Published { get; private set; }

    /// <param name="total">How many letters are coming, for the progress report (0 when unknown).</param>
    /// <returns>How many letters were written.</returns>
    public async Task<long> WriteAsync(IAsyncEnumerable<Letter> letters, IProgress<(long Done, long Total)>? progress = null, long total = 0,
        CancellationToken ct = default)
    {
        var toIndex = Channel.CreateBounded<IndexedLetter>(new BoundedChannelOptions(2000) { SingleReader = true, SingleWriter = true });
        var indexing = Task.Run(async () =>
        {
            await foreach (var letter in toIndex.Reader.ReadAllAsync(ct))
                index.Upsert(letter);
        }, ct);
        var holdsIndex = IndexedHere = index.TryOpen();
        if (!holdsIndex)
            toIndex.Writer.Complete();
        var (inOrder, newest) = (holdsIndex, holdsIndex ? index.NewestLetterPublication()?.DayNumber ?? int.MinValue : 0);
        var (published, indexed, batch, written) = (new List<Guid>(), new List<Guid>(), Guid.NewGuid(), 0L);
        var waiting = new PriorityQueue<IndexedLetter, (int Day, long Order)>();

        // Indexes the waiting letters published before the given day, in publication order (all of them at the end).
        async Task IndexUpToAsync(int day)
        {
            while (inOrder && waiting.TryPeek(out var letter, out var key) && key.Day < day)
            {
                waiting.Dequeue();
                if (key.Day < newest)
                {
                    inOrder = false;   // from here on the index is rebuilt afterwards
                    toIndex.Writer.Complete();
                    return;
                }
                newest = key.Day;
                indexed.Add(letter.Id);
                await toIndex.Writer.WriteAsync(letter, ct);
            }
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            using (var letterRows = new BulkInsert<Letter>(db))
            using (var logRows = new BulkInsert<LetterLogEntry>(db, letterRows))
            {
                var codes = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
                var arrived = int.MinValue;
                await foreach (var letter in letters.WithCancellation(ct))
                {
                    await letterRows.AddAsync(letter, ct);
                    foreach (var entry in letter.Log)
                        await logRows.AddAsync(entry, ct);
                    if (IndexedLetters.IsPublished(letter))
                    {
                        published.Add(letter.Id);
                        if (inOrder)
                            waiting.Enqueue(IndexedLetters.From(letter, codes[letter.MailboxUnitId]), (letter.PublishedOn!.Value.DayNumber, written));
                    }
                    arrived = Math.Max(arrived, letter.ReceivedOn.DayNumber);
                    await IndexUpToAsync(arrived);
                    if (++written % 1000 == 0)
                        progress?.Report((written, total));
                }
                await IndexUpToAsync(int.MaxValue);
                await letterRows.FlushAsync(ct);
                await logRows.FlushAsync(ct);
            }
            // Last, so that the entries' ids are given just before the commit (see SearchFollower on gaps).
            using (var changeRows = new BulkInsert<SearchChange>(db))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                foreach (var id in published)
                    await changeRows.AddAsync(new SearchChange { Kind = SearchDocument.Letter, ItemId = id, EnqueuedAt = now, Origin = holdsIndex ? batch : null }, ct);
                await changeRows.FlushAsync(ct);
            }
            db.Add(PageCache.PageChange.Of([PageCache.PortalAreas.Letters], clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch
        {
            toIndex.Writer.TryComplete();
            await indexing;
            if (holdsIndex)
            {
                indexed.ForEach(index.Delete);   // nothing was written: the index must not show it either
                index.Commit();
            }
            throw;
        }
        toIndex.Writer.TryComplete();
        await indexing;
        if (inOrder)
        {
            index.Commit(hold: batch);
            await search.CatchUpAsync(ct);   // moves the index's position past the entries it now holds
        }
        else if (holdsIndex)
            await search.RebuildAsync(hold: batch, ct: ct);
        Published = published.Count;
        progress?.Report((written, total));
        return written;
    }
}
