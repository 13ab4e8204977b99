using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Search;

/// <summary>
/// Removes the change-log entries every node has read, and those older than Search:ChangeRetention whatever was read:
/// a node that had not read them is marked to rebuild. Nodes not seen for that long are forgotten (one that comes
/// back rebuilds). Safe to run on several nodes at once: each step is one statement that a second run repeats harmlessly.
/// </summary>
public sealed class PruneSearchChanges(GongkaiDb db, SearchLogSettings settings, TimeProvider clock)
{
    /// <returns>How many entries were removed.</returns>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var (expired, settled) = (now - settings.Retention, now - settings.GapTimeout);
        var nodes = db.Set<SearchNode>();
        await nodes.Where(n => n.SeenAt < expired).ExecuteDeleteAsync(ct);
        var readByAll = await nodes.MinAsync(n => (long?)n.Position, ct) ?? 0;
        var through = Math.Max(readByAll, await db.Set<SearchChange>().Where(c => c.EnqueuedAt < expired).MaxAsync(c => (long?)c.Id, ct) ?? 0);
        // Entries a rebuild may still read again (see SearchFollower) stay until they are settled.
        var removed = await db.Set<SearchChange>().Where(c => c.Id <= through && (c.EnqueuedAt < settled || c.Id > readByAll)).ExecuteDeleteAsync(ct);
        if (through > readByAll)
            await nodes.Where(n => n.Position < through).ExecuteUpdateAsync(n => n.SetProperty(x => x.MustRebuild, true), ct);
        return removed;
    }
}
