using System.Globalization;

namespace Gongkai.Core.SiteCheck;

/// <summary>One reachability probe: when (Beijing time), whether the homepage opened, and how long it took.</summary>
public sealed record Probe(DateTime At, bool Ok, int Milliseconds = 0)
{
    /// <summary>A failure in the indicator's sense: did not open, or took 15 s or more (「超过（含）15秒网站仍打不开」).</summary>
    public bool Failed => !Ok || Milliseconds >= SiteCheckRules.ProbeTimeout.TotalMilliseconds;
}

/// <summary>A day's probes of one site: how many, how many failed, and the failure share.</summary>
public sealed record ProbeDay(DateOnly Day, int Probes, int Failures)
{
    public decimal Share => Probes == 0 ? 0 : (decimal)Failures / Probes;
}

/// <summary>What a week of probes of one site says: each day's counts, the week's share, whether monitoring was enough, and the veto.</summary>
public sealed record ReachabilityResult(string Site, IReadOnlyList<ProbeDay> Days, int Probes, int Failures, bool Insufficient, VetoResult Veto)
{
    public decimal Share => Probes == 0 ? 0 : (decimal)Failures / Probes;
}

/// <summary>
/// 站点无法访问 (国办秘函〔2019〕19号 单项否决): 「监测1周，每天间隔性访问20次以上，超过（含）15秒网站仍打不开的次数累计占比超过（含）5%」.
/// The week is the 7 whole Beijing days before the check day (the check day itself is still being probed). The veto fails
/// when the week's failures are 5% or more of its probes.
/// Our choice, where the indicator's method was not met — a day with fewer than 20 probes, or fewer than 7 days with
/// probes: the result is a pass (the indicator's measurement did not happen, so it cannot fail), and its evidence says
/// 「监测不足」 with the counts, so that nobody reads the pass as a measured one.
/// </summary>
public static class Reachability
{
    public const string Insufficient = "监测不足";

    public static ReachabilityResult Judge(string site, IEnumerable<Probe> probes, DateOnly today)
    {
        var first = today.AddDays(-SiteCheckRules.MonitorDays);
        var byDay = probes.Select(p => (Day: DateOnly.FromDateTime(p.At), p.Failed))
            .Where(p => p.Day >= first && p.Day < today)
            .GroupBy(p => p.Day).ToDictionary(g => g.Key, g => (Probes: g.Count(), Failures: g.Count(p => p.Failed)));
        var days = Enumerable.Range(0, SiteCheckRules.MonitorDays).Select(i => first.AddDays(i))
            .Select(d => byDay.TryGetValue(d, out var c) ? new ProbeDay(d, c.Probes, c.Failures) : new ProbeDay(d, 0, 0)).ToList();
        var total = days.Sum(d => d.Probes);
        var failures = days.Sum(d => d.Failures);
        var thin = days.Where(d => d.Probes < SiteCheckRules.MinProbesPerDay).ToList();
        var insufficient = thin.Count > 0;
        var share = total == 0 ? 0 : (decimal)failures / total;
        var evidence = new List<string>
        {
            $"{first:yyyy-MM-dd} 至 {today.AddDays(-1):yyyy-MM-dd} 共监测 {total} 次，超过 {SiteCheckRules.ProbeTimeout.TotalSeconds:0} 秒未打开 {failures} 次，占 {Percent(share)}（否决线 {Percent(SiteCheckRules.MaxFailureShare)}）。",
        };
        evidence.AddRange(days.Select(d => $"{d.Day:yyyy-MM-dd}：监测 {d.Probes} 次，失败 {d.Failures} 次（{Percent(d.Share)}）"));
        if (insufficient)
            evidence.Add($"{Insufficient}：{string.Join("、", thin.Select(d => d.Day.ToString("MM-dd", CultureInfo.InvariantCulture)))} 监测少于每天 {SiteCheckRules.MinProbesPerDay} 次"
                + $"（有监测的天数 {days.Count(d => d.Probes > 0)}/{SiteCheckRules.MonitorDays}），不足以判定；按通过处理，请检查定时监测是否运行。");
        var passed = insufficient || share < SiteCheckRules.MaxFailureShare;
        return new(site, days, total, failures, insufficient, new VetoResult(VetoRule.Unreachable, site, passed, evidence));
    }

    public static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
