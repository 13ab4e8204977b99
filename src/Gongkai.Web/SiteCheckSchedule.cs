using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web;

/// <summary>
/// The site check's schedule (<c>SiteCheck:Scheduled</c>, default on): a reachability probe round
/// <c>SiteCheck:ProbesPerDay</c> times a day at evenly spread times from Beijing midnight (when an <see cref="ISiteProber"/>
/// is registered), and the check of every top unit's subtree once a day at <c>SiteCheck:RunAtHour</c> Beijing time — also
/// on start when that hour has passed and no scheduled check ran today. Each is done under a <see cref="JobLeases"/> lease,
/// so when several nodes run only one does it.
/// </summary>
public sealed class SiteCheckSchedule(IServiceScopeFactory scopes, SiteCheckSettings settings, TimeProvider clock, ILogger<SiteCheckSchedule> logger) : BackgroundService
{
    public const string ProbeLease = "site-check:probe", CheckLease = "site-check:daily", Trigger = "定时";

    /// <summary>The probe slot at or after <paramref name="utc"/>: Beijing midnight plus a whole number of 24 h / <paramref name="perDay"/>.</summary>
    public static DateTime NextProbe(DateTime utc, int perDay)
    {
        var interval = TimeSpan.FromTicks(TimeSpan.TicksPerDay / perDay);
        var midnight = utc.ChinaDate().AtChinaHour(0);
        var slots = (long)Math.Ceiling((utc - midnight).Ticks / (double)interval.Ticks);
        return midnight + interval * slots;
    }

    /// <summary>The daily check time at or after <paramref name="utc"/>.</summary>
    public static DateTime NextCheck(DateTime utc, int hour)
    {
        var today = utc.ChinaDate().AtChinaHour(hour);
        return today >= utc ? today : utc.ChinaDate().AddDays(1).AtChinaHour(hour);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Scheduled)
            return;
        await Task.Yield();
        var interval = TimeSpan.FromTicks(TimeSpan.TicksPerDay / settings.ProbesPerDay);
        var now = clock.GetUtcNow().UtcDateTime;
        var nextProbe = NextProbe(now, settings.ProbesPerDay);
        var nextCheck = now > now.ChinaDate().AtChinaHour(settings.RunAtHour) ? now : NextCheck(now, settings.RunAtHour); // catch up today's
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = nextProbe < nextCheck ? nextProbe : nextCheck;
            var wait = due - clock.GetUtcNow().UtcDateTime;
            if (wait > TimeSpan.Zero && !await Delay(wait, stoppingToken))
                return;
            try
            {
                if (due == nextProbe)
                {
                    await ProbeAsync(interval, stoppingToken);
                    nextProbe = NextProbe(clock.GetUtcNow().UtcDateTime.AddSeconds(1), settings.ProbesPerDay);
                }
                else
                {
                    await CheckAsync(nextCheck, stoppingToken);
                    nextCheck = NextCheck(clock.GetUtcNow().UtcDateTime.AddSeconds(1), settings.RunAtHour);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "网站检查定时任务失败，下次按时重试。");
                if (due == nextProbe)
                    nextProbe = NextProbe(clock.GetUtcNow().UtcDateTime.AddSeconds(1), settings.ProbesPerDay);
                else
                    nextCheck = NextCheck(clock.GetUtcNow().UtcDateTime.AddSeconds(1), settings.RunAtHour);
            }
        }
    }

    private async Task<bool> Delay(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, clock, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ProbeAsync(TimeSpan interval, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetService<ISiteProber>() is not { } prober)
            return;
        // Held for most of the interval and not released: a node that comes to the same slot a moment later finds it taken.
        if (!await scope.ServiceProvider.GetRequiredService<JobLeases>().TryTakeAsync(ProbeLease, interval * 0.8, ct: ct))
            return;
        await prober.ProbeAsync(ct);
    }

    private async Task CheckAsync(DateTime slot, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (!await services.GetRequiredService<JobLeases>().TryTakeAsync(CheckLease, TimeSpan.FromHours(6), ct: ct))
            return;
        var db = services.GetRequiredService<GongkaiDb>();
        var since = slot.ChinaDate().AtChinaHour(settings.RunAtHour);
        if (since > slot)
            since = slot;
        if (await db.SiteCheckRuns.AnyAsync(r => r.Trigger == Trigger && r.At >= since, ct))
            return; // another node (or this one before a restart) already ran today's
        foreach (var top in await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).ToListAsync(ct))
        {
            await using var each = scopes.CreateAsyncScope();
            var outcome = await each.ServiceProvider.GetRequiredService<RunSiteCheck>().HandleAsync(new(top, true, Trigger), StaffScope.System, ct);
            if (outcome.Succeeded)
                logger.LogInformation("网站检查完成：{Count} 个单位，{Failed} 个有单项否决未通过。", outcome.Value!.Count, outcome.Value!.Count(r => r.Run.VetoFailures > 0));
        }
    }
}
