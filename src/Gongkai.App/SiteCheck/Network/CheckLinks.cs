using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Gongkai.App.SiteCheck.Network;

/// <summary>
/// Checks the links of the unit's published catalog items — every href and src in the body, each attachment's download
/// address, and the http(s) addresses written in the attachments' text — and reports each dead one
/// (<see cref="FindingRules.DeadLink"/>: 4xx/5xx, no connection, or no answer within <see cref="SiteCheckSettings.ProbeTimeout"/>)
/// with the item it is on. Relative links are read against the portal's public address (<c>Site:PublicUrl</c>) and skipped
/// when none is configured. Politely: each address is asked once a run (HEAD, or GET when HEAD is not allowed), a result
/// younger than <see cref="SiteCheckSettings.LinkRecheckAfter"/> is reused, at most <see cref="SiteCheckSettings.MaxLinksPerRun"/>
/// addresses are asked a run (those never checked first, then the oldest results; the rest wait for the next run and keep
/// their last result), robots.txt is honoured (a disallowed address is skipped, not dead) and every host takes its turn
/// (<see cref="PoliteHttp"/>).
/// </summary>
public sealed partial class CheckLinks(GongkaiDb db, PoliteHttp http, SiteCheckSettings settings, TimeProvider clock, IConfiguration configuration, ILogger<CheckLinks> logger) : ISiteCollector
{
    private const int MaxUrlLength = 1000;

    /// <summary>Hosts checked at the same time (each host still one request at a time, spaced).</summary>
    private const int Parallel = 4;

    [GeneratedRegex(@"https?://[^\s<>""'`，。；、！？（）()【】《》「」\[\]{}|\\^]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex TextUrl();

    /// <summary>Where a link was seen: the item, and 正文 or an attachment.</summary>
    private sealed record Seen(string Url, Guid ItemId, string Title, string Where);

    public async Task<IReadOnlyList<Finding>> CollectAsync(Unit unit, CancellationToken ct = default)
    {
        var portal = PortalBase();
        var seen = new List<Seen>();
        var skippedRelative = 0;
        var items = db.CatalogItems.AsNoTracking().Where(i => i.UnitId == unit.Id && i.State == CatalogState.Published)
            .OrderBy(i => i.Id).Select(i => new { i.Id, i.Title, i.Body }).AsAsyncEnumerable();
        var parser = new HtmlParser();
        await foreach (var item in items.WithCancellation(ct))
        {
            if (string.IsNullOrWhiteSpace(item.Body))
                continue;
            var document = parser.ParseDocument(item.Body);
            var links = document.QuerySelectorAll("a[href]").Select(e => e.GetAttribute("href"))
                .Concat(document.QuerySelectorAll("img[src], iframe[src], embed[src], source[src], video[src], audio[src], track[src]").Select(e => e.GetAttribute("src")));
            foreach (var link in links)
            {
                switch (Resolve(link, portal))
                {
                    case { } url:
                        seen.Add(new Seen(url, item.Id, item.Title, "正文"));
                        break;
                    case null when IsRelative(link):
                        skippedRelative++;
                        break;
                }
            }
        }
        var attachments = db.CatalogAttachments.AsNoTracking()
            .Where(a => db.CatalogItems.Any(i => i.Id == a.ItemId && i.UnitId == unit.Id && i.State == CatalogState.Published))
            .OrderBy(a => a.ItemId).ThenBy(a => a.SortOrder)
            .Select(a => new { a.Id, a.ItemId, a.FileName, a.Text, Title = db.CatalogItems.Where(i => i.Id == a.ItemId).Select(i => i.Title).First() })
            .AsAsyncEnumerable();
        await foreach (var a in attachments.WithCancellation(ct))
        {
            if (portal is not null)
                seen.Add(new Seen(new Uri(portal, $"xxgk/attachments/{a.Id}").ToString(), a.ItemId, a.Title, $"附件《{a.FileName}》的下载地址"));
            else
                skippedRelative++;
            foreach (Match m in TextUrl().Matches(a.Text ?? ""))
                if (Resolve(m.Value.TrimEnd('.', ',', ';', ':', '!', '?'), null) is { } url)
                    seen.Add(new Seen(url, a.ItemId, a.Title, $"附件《{a.FileName}》"));
        }
        if (skippedRelative > 0)
            logger.LogWarning("未配置门户公开地址（Site:PublicUrl），{Unit} 的 {Count} 个相对链接和附件下载地址未检查。", unit.FullName, skippedRelative);

        var results = await CheckAsync([.. seen.Select(s => s.Url).Distinct(StringComparer.Ordinal)], ct);
        var findings = new List<Finding>();
        foreach (var s in seen)
        {
            if (!results.TryGetValue(s.Url, out var r) || r.Ok || r.SkippedByRobots)
                continue;
            var key = $"link:{s.Url}:{s.ItemId}";
            if (findings.Any(f => f.Key == key))
                continue;
            var status = r.Error.Length > 0 ? r.Error : r.Status is { } code ? $"HTTP {code}" : "无法打开";
            findings.Add(new Finding(FindingRules.DeadLink, $"「{s.Title}」中有失效链接",
                $"{s.Where}中的链接 {s.Url} 无法打开：{status}（检查于 {r.CheckedAt.InChina():yyyy-MM-dd HH:mm}）。",
                new FindingTarget("item", s.ItemId.ToString(), s.Title, $"/office/catalog/{s.ItemId}"), 3, key));
        }
        return findings;
    }

    /// <summary>The result of every address: asked now when it has no recent one and the run's cap allows; else the last one known.</summary>
    private async Task<Dictionary<string, LinkCheck>> CheckAsync(IReadOnlyList<string> urls, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var known = new Dictionary<string, LinkCheck>(StringComparer.Ordinal);
        foreach (var chunk in urls.Chunk(500))
            foreach (var row in await db.LinkChecks.Where(l => chunk.Contains(l.Url)).ToListAsync(ct))
                known[row.Url] = row;
        var due = urls.Where(u => !known.TryGetValue(u, out var r) || r.CheckedAt < now - settings.LinkRecheckAfter)
            .OrderBy(u => known.TryGetValue(u, out var r) ? r.CheckedAt : DateTime.MinValue).ThenBy(u => u, StringComparer.Ordinal)
            .Take(settings.MaxLinksPerRun).ToList();
        var answers = new System.Collections.Concurrent.ConcurrentDictionary<string, WebResponse>(StringComparer.Ordinal);
        await System.Threading.Tasks.Parallel.ForEachAsync(due.GroupBy(u => new Uri(u).Authority, StringComparer.OrdinalIgnoreCase),
            new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct },
            async (host, token) =>
            {
                foreach (var url in host)
                    answers[url] = await http.HeadOrGetAsync(new Uri(url), RequestKind.Crawl, settings.ProbeTimeout, token);
            });
        foreach (var (url, answer) in answers)
        {
            if (!known.TryGetValue(url, out var row))
            {
                row = new LinkCheck { Url = url, Host = Clip(new Uri(url).Host, 200) };
                db.LinkChecks.Add(row);
                known[url] = row;
            }
            row.Ok = answer.Ok;
            row.Status = answer.Status;
            row.Error = Clip(answer.Error, 300);
            row.SkippedByRobots = answer.Disallowed;
            row.CheckedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return known;
    }

    private Uri? PortalBase()
    {
        var configured = configuration["Site:PublicUrl"];
        return Uri.TryCreate(configured?.TrimEnd('/') + "/", UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : null;
    }

    private static bool IsRelative(string? link) =>
        !string.IsNullOrWhiteSpace(link) && !link.StartsWith('#')
        && (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var u) || (u.Scheme == Uri.UriSchemeFile && link.Trim().StartsWith('/')));

    /// <summary>An http(s) address to check (its fragment dropped), or null for mailto:, javascript:, #… and relative links without a base.</summary>
    private static string? Resolve(string? link, Uri? portal)
    {
        var text = link?.Trim();
        if (string.IsNullOrEmpty(text) || text.StartsWith('#'))
            return null;
        Uri? url;
        if (text.StartsWith("//", StringComparison.Ordinal))
            url = portal is null ? null : new Uri(portal.Scheme + ":" + text, UriKind.Absolute);
        else if (!Uri.TryCreate(text, UriKind.Absolute, out url) || (url.Scheme == Uri.UriSchemeFile && text.StartsWith('/')))
            url = portal is not null && Uri.TryCreate(portal, text, out var r) ? r : null;
        if (url is null || url.Scheme is not ("http" or "https"))
            return null;
        var clean = url.GetLeftPart(UriPartial.Query);
        return clean.Length <= MaxUrlLength ? clean : null;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
