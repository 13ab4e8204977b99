using Gongkai.App.Data;
using Gongkai.App.PageCache;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.PageCache;

/// <summary>
/// Keeps this node's cached pages in step with changes committed anywhere — another node, or the CLI beside the
/// portal: about once a <c>PageCache:FollowInterval</c> it reads the <see cref="PageChange"/> rows of the last
/// <c>PageCache:Duration</c>, evicts the areas of those it has not seen, and removes rows older than twice that.
/// Rows are read by time, not by id, so one that commits after a later id (PostgreSQL) is still seen; a change whose
/// transaction stayed open longer than the duration is bounded by the duration itself (no page outlives it).
/// </summary>
public sealed class PageCacheFollower(IServiceScopeFactory scopes, IOutputCacheStore store, PageCacheSettings settings, TimeProvider clock,
    ILogger<PageCacheFollower> logger) : BackgroundService
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<long, DateTime> seen = [];
    private DateTime prunedAt;

    /// <summary>Evicts what changes committed since the last poll made stale; the number of changes applied.</summary>
    public async Task<int> PollAsync(CancellationToken ct = default)
    {
        await gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDb>();
            var now = clock.GetUtcNow().UtcDateTime;
            var since = now - settings.Duration;
            var changes = await db.Set<PageChange>().AsNoTracking().Where(c => c.At >= since).ToListAsync(ct);
            var applied = 0;
            foreach (var change in changes.Where(c => !seen.ContainsKey(c.Id)))
            {
                foreach (var area in change.AreaList)
                    await store.EvictByTagAsync(area, ct);
                seen[change.Id] = change.At;
                applied++;
            }
            foreach (var old in seen.Where(s => s.Value < since).Select(s => s.Key).ToList())
                seen.Remove(old);
            if (now - prunedAt > settings.Duration)
            {
                var expired = now - 2 * settings.Duration;
                await db.Set<PageChange>().Where(c => c.At < expired).ExecuteDeleteAsync(ct);
                prunedAt = now;
            }
            return applied;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.FollowInterval);
        do
        {
            try
            {
                await PollAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "页面缓存未能读取变更记录，稍后重试。");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
