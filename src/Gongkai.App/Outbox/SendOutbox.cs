using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Gongkai.App.Outbox;

/// <summary>Adds a message to the outbox; the caller saves it with the change it tells about.</summary>
public static class OutboxMessages
{
    public static void Enqueue(GongkaiDb db, OutboxChannel channel, string to, string subject, string body, string about, DateTime now) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = channel, To = to, Subject = subject, Body = body, About = about, CreatedAt = now, NextAttemptAt = now,
        });
}

/// <summary>
/// Sends what is due in the outbox. Each message is claimed first (one node sends it, however many run); a failure
/// is recorded and retried after a growing pause (1, 5, 30 minutes, then every 2 hours), never dropped.
/// </summary>
public sealed class SendOutbox(GongkaiDb db, IMessageSender sender, TimeProvider clock, ILogger<SendOutbox> logger)
{
    public static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);

    /// <returns>How many messages were sent, and how many failed this time.</returns>
    public async Task<(int Sent, int Failed)> HandleAsync(int max = 100, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxMessages.AsNoTracking().Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(max).ToListAsync(ct);
        int sent = 0, failed = 0;
        foreach (var id in due)
        {
            var until = now + Claim;
            var claimed = await db.OutboxMessages.Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.ClaimedUntil, until), ct);
            if (claimed == 0)
                continue;
            var message = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, ct);
            try
            {
                await sender.SendAsync(message, ct);
                var at = clock.GetUtcNow().UtcDateTime;
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.SentAt, at)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var attempts = message.Attempts + 1;
                var next = clock.GetUtcNow().UtcDateTime + Pause(attempts);
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(u => u.SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.NextAttemptAt, next).SetProperty(m => m.LastError, error).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
                logger.LogWarning("消息 {Id} 发送失败（第 {Attempts} 次），{Next} 重试：{Error}", id, attempts, next, error);
                failed++;
            }
        }
        return (sent, failed);
    }

    public static TimeSpan Pause(int attempts) => attempts switch
    {
        1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        _ => TimeSpan.FromHours(2),
    };
}
