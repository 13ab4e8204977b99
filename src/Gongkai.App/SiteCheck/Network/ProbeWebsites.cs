using Gongkai.App.Data;
using Gongkai.App.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Network;

/// <summary>
/// One round of reachability probes (站点无法访问): each active website's homepage (of every unit, or of one unit's subtree)
/// is asked for once, as a visitor would — robots.txt does not apply — and a <see cref="SiteProbe"/> is stored: Ok when a
/// 2xx answer (after redirects) arrives within <see cref="SiteCheckSettings.ProbeTimeout"/> (15 s, the indicator's),
/// otherwise why not (「15 秒内未打开」「HTTP 503」「无法连接」). Sites are probed at the same time; hosts still take turns.
/// </summary>
public sealed class ProbeWebsites(GongkaiDb db, PoliteHttp http, SiteCheckSettings settings, TimeProvider clock) : ISiteProber
{
    /// <summary>How many sites are probed at once.</summary>
    private const int Parallel = 8;

    /// <summary>The schedule's round: every active site.</summary>
    public Task ProbeAsync(CancellationToken ct = default) => HandleAsync(null, ct);

    /// <param name="unitPath">A unit's path to probe only its subtree's sites; null for all.</param>
    public async Task<IReadOnlyList<SiteProbe>> HandleAsync(string? unitPath = null, CancellationToken ct = default)
    {
        var sites = db.Websites.AsNoTracking().Where(w => w.Active);
        if (unitPath is not null)
            sites = sites.Within(unitPath);
        var list = await sites.OrderBy(w => w.Id).Select(w => new { w.Id, w.HomeUrl }).ToListAsync(ct);
        var probes = new SiteProbe[list.Count];
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, list.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct },
            async (i, token) => probes[i] = await ProbeAsync(list[i].Id, list[i].HomeUrl, token));
        db.SiteProbes.AddRange(probes);
        await db.SaveChangesAsync(ct);
        return probes;
    }

    private async Task<SiteProbe> ProbeAsync(Guid websiteId, string homeUrl, CancellationToken ct)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        if (!Uri.TryCreate(homeUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            return new SiteProbe { WebsiteId = websiteId, At = at, Ok = false, Error = "首页地址无效" };
        var response = await http.GetAsync(url, RequestKind.Visit, settings.ProbeTimeout, ct);
        return new SiteProbe
        {
            WebsiteId = websiteId,
            At = at,
            Ok = response.Ok,
            Milliseconds = response.Milliseconds,
            Status = response.Status,
            Error = response.Error,
        };
    }
}
