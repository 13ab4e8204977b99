using Gongkai.App.Search;

namespace Gongkai.Web;

/// <summary>Applies queued catalog changes to the search index in the background, about once a second.</summary>
public sealed class SearchIndexing(IServiceScopeFactory scopes, ILogger<SearchIndexing> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var applied = 0;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                applied = await scope.ServiceProvider.GetRequiredService<ApplySearchWork>().HandleAsync(ct: stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "检索索引更新失败，稍后重试。");
            }
            if (applied == 0)
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
