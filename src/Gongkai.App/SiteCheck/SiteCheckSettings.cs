using Gongkai.Core.SiteCheck;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// The site check's local settings (<c>SiteCheck:*</c>); the thresholds of the indicators are law and live in
/// <see cref="SiteCheckRules"/>, not here.
/// </summary>
/// <param name="Scheduled">Run on a schedule (<c>SiteCheck:Scheduled</c>, default true).</param>
/// <param name="RunAtHour">The hour, Beijing time, of the daily check (<c>SiteCheck:RunAtHour</c>, default 2).</param>
/// <param name="ProbesPerDay">Reachability probes of each site a day, spread evenly (<c>SiteCheck:ProbesPerDay</c>, default 24, at least 20).</param>
/// <param name="ProbeTimeout">How long a probe waits (<c>SiteCheck:ProbeTimeoutSeconds</c>, default 15 — the indicator's).</param>
/// <param name="OtherClassDays">Days before a column of a class other than 动态要闻 and 通知公告/政策文件 is stale (<c>SiteCheck:UpdateDays:&lt;Class&gt;</c>, default 365).</param>
/// <param name="LongStaleDays">Days after which a column that should be updated counts as long stale (<c>SiteCheck:LongStaleDays</c>, default 365).</param>
/// <param name="GuideMaxAgeDays">Days after which a 指南 not changed or confirmed is a finding (<c>SiteCheck:GuideMaxAgeDays</c>, default 365).</param>
/// <param name="UserAgent">The User-Agent of every request the check sends (<c>SiteCheck:UserAgent</c>).</param>
/// <param name="PerHostInterval">The least time between two requests to one host (<c>SiteCheck:PerHostIntervalMs</c>, default 1000).</param>
/// <param name="MaxLinksPerRun">The most link addresses checked in one run (<c>SiteCheck:MaxLinksPerRun</c>, default 500).</param>
/// <param name="LinkRecheckAfter">How old a link's result may be before it is checked again (<c>SiteCheck:LinkRecheckHours</c>, default 72).</param>
public sealed record SiteCheckSettings(
    bool Scheduled, int RunAtHour, int ProbesPerDay, TimeSpan ProbeTimeout, IReadOnlyDictionary<UpdateClass, int> OtherClassDays,
    int LongStaleDays, int GuideMaxAgeDays, string UserAgent, TimeSpan PerHostInterval, int MaxLinksPerRun, TimeSpan LinkRecheckAfter)
{
    /// <summary>ASCII only: HTTP header values are (a configured one is cleaned by <see cref="Network.PoliteHttp"/>).</summary>
    public const string DefaultUserAgent = "Gongkai-SiteCheck/1.0 (+https://github.com/gongkai; government website self-check)";

    public static readonly SiteCheckSettings Default = new(
        true, 2, 24, SiteCheckRules.ProbeTimeout,
        new Dictionary<UpdateClass, int> { [UpdateClass.Personnel] = 365, [UpdateClass.PlanStatistics] = 365, [UpdateClass.Other] = 365 },
        365, 365, DefaultUserAgent, TimeSpan.FromSeconds(1), 500, TimeSpan.FromHours(72));

    public static SiteCheckSettings From(IConfiguration configuration)
    {
        var s = configuration.GetSection("SiteCheck");
        var d = Default;
        var classes = d.OtherClassDays.ToDictionary(
            kv => kv.Key, kv => Math.Max(1, s.GetValue($"UpdateDays:{kv.Key}", kv.Value)));
        return new(
            s.GetValue("Scheduled", d.Scheduled),
            Math.Clamp(s.GetValue("RunAtHour", d.RunAtHour), 0, 23),
            Math.Max(SiteCheckRules.MinProbesPerDay, s.GetValue("ProbesPerDay", d.ProbesPerDay)),
            TimeSpan.FromSeconds(Math.Clamp(s.GetValue("ProbeTimeoutSeconds", d.ProbeTimeout.TotalSeconds), 1, 60)),
            classes,
            Math.Max(1, s.GetValue("LongStaleDays", d.LongStaleDays)),
            Math.Max(1, s.GetValue("GuideMaxAgeDays", d.GuideMaxAgeDays)),
            s.GetValue("UserAgent", d.UserAgent) is { Length: > 0 } ua && ua.Contains("Gongkai", StringComparison.OrdinalIgnoreCase) ? ua : d.UserAgent,
            TimeSpan.FromMilliseconds(Math.Max(100, s.GetValue("PerHostIntervalMs", d.PerHostInterval.TotalMilliseconds))),
            Math.Max(1, s.GetValue("MaxLinksPerRun", d.MaxLinksPerRun)),
            TimeSpan.FromHours(Math.Max(1, s.GetValue("LinkRecheckHours", d.LinkRecheckAfter.TotalHours))));
    }
}
