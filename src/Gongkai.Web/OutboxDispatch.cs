using Gongkai.App.Letters;
using Gongkai.App.Outbox;

namespace Gongkai.Web;

/// <summary>
/// Background work of letters and messages: sends what is due in the outbox every <c>Outbox:PollInterval</c> (10 s;
/// a claim per message keeps several nodes from sending one twice), and about hourly closes the rating windows that
/// ended (<see cref="CloseRatingWindows"/>; the step is idempotent, so every node may run it).
/// </summary>
public sealed class OutboxDispatch(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OutboxDispatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = configuration.GetValue("Outbox:PollInterval", TimeSpan.FromSeconds(10));
        var closeEvery = configuration.GetValue("Letters:RatingCheckInterval", TimeSpan.FromHours(1));
        var closed = DateTime.MinValue;
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SendOutbox>().HandleAsync(ct: stoppingToken);
                if (DateTime.UtcNow - closed > closeEvery)
                {
                    var n = await scope.ServiceProvider.GetRequiredService<CloseRatingWindows>().HandleAsync(stoppingToken);
                    if (n > 0)
                        logger.LogInformation("{Count} 件来信评价期限届满，视为满意并办结。", n);
                    closed = DateTime.UtcNow;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "发送消息或办结来信失败，稍后重试。");
            }
            await Task.Delay(poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
