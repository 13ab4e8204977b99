using Gongkai.App.Search;
using Lucene.Net.Store;

namespace Gongkai.Web;

/// <summary>
/// Keeps this node's index current: follows the search change log about once a second (every node does, each over
/// its own index folder), and prunes the log now and then (safe on several nodes at once). A missing, emptied or
/// corrupt index is rebuilt here, after the portal has started answering; search says so meanwhile.
/// </summary>
public sealed class SearchIndexing(SearchFollower follower, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SearchIndexing> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = configuration.GetValue("Search:PollInterval", TimeSpan.FromSeconds(1));
        var pruneEvery = configuration.GetValue("Search:PruneInterval", TimeSpan.FromMinutes(10));
        var pruned = DateTime.MinValue;
        await Task.Yield();   // the host goes on starting
        while (!stoppingToken.IsCancellationRequested)
        {
            var read = 0;
            var wait = poll;
            try
            {
                read = await follower.PollAsync(stoppingToken);
                if (DateTime.UtcNow - pruned > pruneEvery)
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<PruneSearchChanges>().HandleAsync(stoppingToken);
                    pruned = DateTime.UtcNow;
                }
            }
            catch (LockObtainFailedException e)
            {
                logger.LogWarning("{Message} 检索暂不可用，稍后重试。", e.Message);
                wait = TimeSpan.FromSeconds(5);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "检索索引更新失败，稍后重试。");
                wait = TimeSpan.FromSeconds(5);
            }
            if (read == 0)
                await Task.Delay(wait, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
