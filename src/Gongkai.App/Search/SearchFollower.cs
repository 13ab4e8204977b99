using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.App.Search;

/// <summary>
/// Keeps this node's index current by following the search change log (<see cref="SearchChange"/>) from the
/// index's own position; rebuilds it from the database when it is new, emptied, asked to (a rebuild entry), too far
/// behind, or was away while entries it had not read were pruned. Every web node runs one over its own index folder;
/// the CLI uses it when it holds the index itself.
/// </summary>
/// <remarks>
/// Ids are given when an entry is written and become visible when its transaction commits, so on PostgreSQL an id can
/// appear after a larger one. A missing id is a gap: the entries after it are applied at once, the position stays
/// before it, and it is looked for again until <see cref="SearchLogSettings.GapTimeout"/> has passed (then it was a
/// rolled-back write). Re-applying an entry is harmless: it replaces the item's document with the database's.
/// </remarks>
public sealed class SearchFollower(IServiceScopeFactory scopes, CatalogIndex index, SearchLogSettings settings, TimeProvider clock,
    PageCache.PageChanges pages, ILogger<SearchFollower> logger)
{
    private sealed record Gap(long From, long To, DateTime Seen);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly List<Gap> gaps = [];
    private readonly HashSet<long> filled = [];
    private long highest = -1;
    private DateTime reportedAt;
    private string? pruned;
    private readonly List<(long Position, TaskCompletionSource Done)> waiting = [];

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Applies what the log holds beyond the index's position (a batch); the number of entries read.</summary>
    public async Task<int> PollAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            if (!index.TryOpen())
                throw new Lucene.Net.Store.LockObtainFailedException($"检索索引 {index.Folder} 正被另一进程使用。");
            if ((highest < 0 ? await MustRebuildAtStartAsync(db, ct) : pruned) is { } reason)
            {
                logger.LogWarning("检索索引从数据库重建：{Reason}", reason);
                await RebuildLockedAsync(db, null, ct);
            }
            var read = await ApplyAsync(db, ct);
            Passed();
            if (read > 0)
                await pages.CommittedAsync([PageCache.PortalAreas.Search], ct);   // cached search pages show what the index now holds
            return read;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Polls until the log holds nothing new (tests and the CLI wait on this instead of on time).</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        var total = 0;
        for (int read; (read = await PollAsync(ct)) > 0;)
            total += read;
        return total;
    }

    /// <summary>Completes once this node's index holds every change-log entry up to <paramref name="position"/> (applied by whoever polls).</summary>
    public Task WhenPastAsync(long position, CancellationToken ct = default)
    {
        lock (waiting)
        {
            if (index.IsOpen && index.Position >= position && !index.Rebuilding)
                return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Add((position, done));
            return done.Task.WaitAsync(ct);
        }
    }

    private void Passed()
    {
        lock (waiting)
        {
            foreach (var w in waiting.Where(w => w.Position <= index.Position).ToList())
            {
                waiting.Remove(w);
                w.Done.TrySetResult();
            }
        }
    }

    /// <summary>How many published letters the last rebuild indexed (besides the items).</summary>
    public int LettersRebuilt { get; private set; }

    /// <summary>
    /// Empties the index and fills it again from every published item and letter; reports progress as (done, total).
    /// Returns how many documents it holds (items and letters; <see cref="LettersRebuilt"/> says how many are letters).
    /// </summary>
    /// <param name="hold">A bulk write that committed before this rebuild (its entries are then skipped, see <see cref="CatalogIndex.Held"/>).</param>
    public async Task<int> RebuildAsync(IProgress<(long Done, long Total)>? progress = null, Guid? hold = null, CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await RebuildLockedAsync(scope.ServiceProvider.GetRequiredService<GongkaiDb>(), progress, ct, hold);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<string?> MustRebuildAtStartAsync(GongkaiDb db, CancellationToken ct)
    {
        if (index.Corrupted is { } e)
            return $"索引文件无法读取（{e.GetType().Name}: {e.Message}），已清空";
        if (index.RebuiltAt is null)
            return "新建或已清空的索引";
        var node = await db.Set<SearchNode>().AsNoTracking().SingleOrDefaultAsync(n => n.Id == index.NodeId, ct);
        if (node is null)
            return "本节点不在变更日志的节点表中（长期离线后已被移除）";
        if (node.MustRebuild)
            return "本节点离线期间，尚未读取的变更日志已被清理";
        return null;
    }

    private async Task<int> ApplyAsync(GongkaiDb db, CancellationToken ct)
    {
        var now = Now;
        foreach (var expired in gaps.Where(g => now - g.Seen > settings.GapTimeout).ToList())
        {
            gaps.Remove(expired);   // a write that was rolled back
            filled.RemoveWhere(id => id >= expired.From && id <= expired.To);
        }
        highest = Math.Max(highest, index.Position);
        var changes = db.Set<SearchChange>().AsNoTracking();
        var held = index.Held.ToList();
        var fresh = await changes.Where(c => c.Id > highest).OrderBy(c => c.Id).Take(settings.Batch).ToListAsync(ct);
        if (fresh.Count == settings.Batch && fresh.Any(c => c.Origin is not { } b || !held.Contains(b))
            && await changes.CountAsync(c => c.Id > highest && (c.Origin == null || !held.Contains(c.Origin.Value)), ct) > settings.RebuildAbove)
        {
            logger.LogWarning("检索索引从数据库重建：变更日志中有超过 {Count} 条待处理。", settings.RebuildAbove);
            await RebuildLockedAsync(db, null, ct);
            return await ApplyAsync(db, ct);
        }
        var late = new List<SearchChange>();
        foreach (var gap in gaps.ToList())
            late.AddRange(await changes.Where(c => c.Id >= gap.From && c.Id <= gap.To).OrderBy(c => c.Id).ToListAsync(ct));
        late.RemoveAll(c => !filled.Add(c.Id));
        foreach (var change in fresh)
        {
            if (change.Id > highest + 1)
                gaps.Add(new Gap(highest + 1, change.Id - 1, now));
            highest = change.Id;
        }

        var all = late.Concat(fresh).ToList();
        if (all.FirstOrDefault(c => c.ItemId == SearchChange.RebuildAll && c.Id > index.RebuiltThrough) is { } request)
        {
            logger.LogWarning("检索索引从数据库重建：变更日志第 {Id} 条要求重建（{At:u}）。", request.Id, request.EnqueuedAt);
            await RebuildLockedAsync(db, null, ct);
            return all.Count;
        }
        var wanted = all.Where(c => c.Origin is not { } batch || !held.Contains(batch)).Where(c => c.ItemId != SearchChange.RebuildAll)
            .Select(c => (c.Kind, c.ItemId)).Distinct().ToList();
        var ids = wanted.Where(w => w.Kind == SearchDocument.CatalogItem).Select(w => w.ItemId).ToList();
        if (ids.Count > 0)
        {
            var items = new Dictionary<Guid, IndexedItem>();
            foreach (var chunk in ids.Chunk(500))
                foreach (var row in await IndexedItems.Published(db.CatalogItems.Where(i => chunk.Contains(i.Id))).ToListAsync(ct))
                    items[row.Id] = row.ToIndexed();
            foreach (var id in ids)
            {
                if (items.TryGetValue(id, out var item))
                    index.Upsert(item);
                else
                    index.Delete(id);
            }
        }
        await ApplyLettersAsync(db, [.. wanted.Where(w => w.Kind == SearchDocument.Letter).Select(w => w.ItemId)], ct);
        var position = Settled();
        // A full batch of entries a bulk write's commit already holds changes nothing but the position: committed with
        // the next batch that changes something, or the last (1,000 commits for an import of 1M items took longer than the import).
        var skipping = wanted.Count == 0 && late.Count == 0 && fresh.Count == settings.Batch;
        if (!skipping && (all.Count > 0 || position != index.Position))
            index.Commit(position);
        await ReportAsync(db, force: all.Count > 0 && !skipping, ct);
        return all.Count;
    }

    /// <summary>Brings the letters' entries up to date: a published letter is (re)indexed, any other removed.</summary>
    private async Task ApplyLettersAsync(GongkaiDb db, List<Guid> ids, CancellationToken ct)
    {
        var letters = new Dictionary<Guid, IndexedLetter>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var letter in await IndexedLetters.Published(db.Letters.Where(l => chunk.Contains(l.Id))).ToListAsync(ct))
                letters[letter.Id] = letter;
        foreach (var id in ids)
        {
            if (letters.TryGetValue(id, out var letter))
                index.Upsert(letter);
            else
                index.Delete(id);
        }
    }

    /// <summary>
    /// The last id up to which every entry is applied: just before the first id of a gap that has not appeared yet.
    /// Gaps whose every id has appeared are dropped.
    /// </summary>
    private long Settled()
    {
        foreach (var gap in gaps.OrderBy(g => g.From).ToList())
        {
            for (var id = gap.From; id <= gap.To; id++)
            {
                if (!filled.Contains(id))
                    return id - 1;
            }
            gaps.Remove(gap);
            filled.RemoveWhere(id => id >= gap.From && id <= gap.To);
        }
        return highest;
    }

    private async Task<int> RebuildLockedAsync(GongkaiDb db, IProgress<(long Done, long Total)>? progress, CancellationToken ct, Guid? hold = null)
    {
        index.Rebuilding = true;
        try
        {
            var started = Now;
            // Entries older than the gap timeout belong to transactions that have ended: what they changed is in what is
            // read below. Later ones are read again after the rebuild.
            var settled = started - settings.GapTimeout;
            var position = await db.Set<SearchChange>().Where(c => c.EnqueuedAt < settled).MaxAsync(c => (long?)c.Id, ct) ?? 0;
            var through = await db.Set<SearchChange>().MaxAsync(c => (long?)c.Id, ct) ?? 0;
            index.Clear();
            var published = db.CatalogItems.Where(i => i.State == CatalogState.Published);
            var letters = db.Letters.Where(l => l.Published && l.PublishedOn != null);
            var total = await published.CountAsync(ct) + await letters.CountAsync(ct);
            var done = 0;
            // Oldest first: the index keeps publication order (see CatalogIndex), each kind its own.
            await foreach (var row in IndexedItems.Published(published.OrderBy(i => i.PublishedOn).ThenBy(i => i.Id)).AsAsyncEnumerable().WithCancellation(ct))
            {
                index.Upsert(row.ToIndexed());
                if (++done % 1000 == 0)
                    progress?.Report((done, total));
            }
            var items = done;
            await foreach (var letter in IndexedLetters.Published(letters.OrderBy(l => l.PublishedOn).ThenBy(l => l.Id)).AsAsyncEnumerable().WithCancellation(ct))
            {
                index.Upsert(letter);
                if (++done % 1000 == 0)
                    progress?.Report((done, total));
            }
            LettersRebuilt = done - items;
            index.Commit(position, started, hold, through);
            (highest, reportedAt) = (position, default);
            gaps.Clear();
            filled.Clear();
            pruned = null;
            await ReportAsync(db, force: true, ct, rebuilt: true);
            progress?.Report((done, total));
            logger.LogInformation("检索索引已从数据库重建：{Items} 条已发布信息，{Letters} 件公开来信。", items, done - items);
            return done;
        }
        finally
        {
            index.Rebuilding = false;
            await pages.CommittedAsync([PageCache.PortalAreas.Search], CancellationToken.None);
        }
    }

    /// <summary>Writes this node's position to the node table (on change, else once a minute, so it counts as live).</summary>
    private async Task ReportAsync(GongkaiDb db, bool force, CancellationToken ct, bool rebuilt = false)
    {
        var now = Now;
        if (!force && now - reportedAt < TimeSpan.FromMinutes(1))
            return;
        var node = await db.Set<SearchNode>().SingleOrDefaultAsync(n => n.Id == index.NodeId, ct);
        if (node is null)
            db.Add(node = new SearchNode { Id = index.NodeId });
        node.Name = settings.NodeName ?? $"{Environment.MachineName}:{index.Folder}";
        node.Position = index.Position;
        node.SeenAt = now;
        if (rebuilt)
            node.MustRebuild = false;
        else if (node.MustRebuild)
            pruned = "变更日志中本节点尚未读取的条目已被清理";
        await db.SaveChangesAsync(ct);
        reportedAt = now;
    }
}

/// <summary>How the change log is followed and pruned (configuration section Search).</summary>
public sealed record SearchLogSettings(TimeSpan GapTimeout, TimeSpan Retention, int RebuildAbove, string? NodeName, int Batch = 1000)
{
    public static SearchLogSettings From(IConfiguration configuration) => new(
        configuration.GetValue("Search:GapTimeout", TimeSpan.FromMinutes(10)),
        configuration.GetValue("Search:ChangeRetention", TimeSpan.FromDays(7)),
        configuration.GetValue("Search:RebuildAbove", 50_000),
        configuration["Search:NodeName"]);
}
