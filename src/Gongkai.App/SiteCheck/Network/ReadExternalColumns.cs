using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Network;

/// <summary>
/// Reads the newest date of each active external column (栏目 of another site the unit runs): from its RSS/Atom feed
/// (the newest item), its sitemap (the newest &lt;lastmod&gt; under the column's address; an index's sitemaps are followed
/// one level) or its list page (the dates its text shows, <see cref="ListPageDates"/>, with the column's pattern), and
/// stores <see cref="SiteColumn.NewestOn"/>, <see cref="SiteColumn.ItemCount"/>, <see cref="SiteColumn.ReadAt"/> and
/// <see cref="SiteColumn.ReadError"/>. A column that cannot be read keeps what was read before and is a finding
/// (<see cref="FindingRules.ColumnUnreadable"/>) saying what failed; a list page that shows no date is one too — 「未注明信息
/// 发布时间的视为不更新」 (国办秘函〔2019〕19号). robots.txt is honoured.
/// </summary>
public sealed class ReadExternalColumns(GongkaiDb db, PoliteHttp http, SiteCheckSettings settings, TimeProvider clock) : ISiteCollector
{
    /// <summary>Sitemaps of an index read at most.</summary>
    private const int MaxSitemaps = 20;

    private sealed class Unreadable(string error) : Exception(error);

    public async Task<IReadOnlyList<Finding>> CollectAsync(Unit unit, CancellationToken ct = default)
    {
        var columns = await db.SiteColumns.Where(c => c.UnitId == unit.Id && c.Active && c.Source == ColumnSource.External
                && (c.DateSource == DateSource.Feed || c.DateSource == DateSource.Sitemap || c.DateSource == DateSource.ListPage))
            .OrderBy(c => c.Name).ToListAsync(ct);
        var findings = new List<Finding>();
        var today = clock.Today();
        foreach (var column in columns)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            string? error;
            var address = SourceOf(column);
            try
            {
                var (newest, count) = column.DateSource switch
                {
                    DateSource.Feed => await FeedAsync(address, today, ct),
                    DateSource.Sitemap => await SitemapAsync(column, address, today, ct),
                    _ => await ListPageAsync(column, today, ct),
                };
                column.NewestOn = newest;
                column.ItemCount = count;
                error = null;
            }
            catch (Unreadable e)
            {
                error = e.Message;
            }
            column.ReadAt = now;
            column.ReadError = error is null ? "" : Clip(error, 300);
            column.UpdatedAt = now;
            if (error is not null)
                findings.Add(Finding(column, address, error));
        }
        await db.SaveChangesAsync(ct);
        return findings;
    }

    private static Finding Finding(SiteColumn column, string address, string error)
    {
        var before = column.NewestOn is { } d ? $"仍按上次读到的最新日期 {d:yyyy-MM-dd} 计。" : "此前从未读到日期。";
        var undated = error.StartsWith("未注明发布时间", StringComparison.Ordinal)
            ? $"{address} 上没有找到任何发布日期；国办秘函〔2019〕19号：「未注明信息发布时间的视为不更新」。"
            : $"读取 {address}（{column.DateSource.ChineseName()}）失败：{error}。";
        return new Finding(FindingRules.ColumnUnreadable, $"栏目「{column.Name}」无法读取最新日期", undated + before,
            new FindingTarget("column", column.Id.ToString(), column.Name, column.Url), 2, $"column:{column.Id}:unreadable");
    }

    /// <summary>Where the column's date is read: its feed or sitemap (the column's address, or the site's /sitemap.xml, when none is given), or its list page.</summary>
    public static string SourceOf(SiteColumn column) => column.DateSource switch
    {
        DateSource.Feed when column.SourceUrl.Length > 0 => column.SourceUrl,
        DateSource.Sitemap when column.SourceUrl.Length > 0 => column.SourceUrl,
        DateSource.Sitemap when Uri.TryCreate(column.Url, UriKind.Absolute, out var u) => u.GetLeftPart(UriPartial.Authority) + "/sitemap.xml",
        _ => column.Url,
    };

    private async Task<(DateOnly?, int?)> FeedAsync(string address, DateOnly today, CancellationToken ct)
    {
        var (_, body) = await FetchAsync(address, ct);
        try
        {
            return FeedDates.Read(body, today);
        }
        catch (FormatException e)
        {
            throw new Unreadable(e.Message);
        }
    }

    private async Task<(DateOnly?, int?)> SitemapAsync(SiteColumn column, string address, DateOnly today, CancellationToken ct)
    {
        if (!Uri.TryCreate(column.Url, UriKind.Absolute, out var under))
            throw new Unreadable("栏目地址无效");
        try
        {
            var (_, body) = await FetchAsync(address, ct);
            var sheet = SitemapDates.Parse(body);
            var urls = sheet.Urls.ToList();
            foreach (var child in sheet.Sitemaps.Take(MaxSitemaps))
            {
                var (_, childBody) = await FetchAsync(child, ct);
                urls.AddRange(SitemapDates.Parse(childBody).Urls);
            }
            var mine = urls.Where(u => SitemapDates.IsUnder(u.Loc, under)).DistinctBy(u => u.Loc).ToList();
            var dates = mine.Select(u => u.LastMod).OfType<DateOnly>().Where(d => d <= today.AddDays(1)).ToList();
            if (mine.Count > 0 && dates.Count == 0)
                throw new Unreadable("未注明发布时间，视为不更新（站点地图中该栏目的地址都没有 lastmod）");
            return (dates.Count > 0 ? dates.Max() : null, mine.Count);
        }
        catch (FormatException e)
        {
            throw new Unreadable(e.Message);
        }
    }

    private async Task<(DateOnly?, int?)> ListPageAsync(SiteColumn column, DateOnly today, CancellationToken ct)
    {
        var response = await FetchResponseAsync(column.Url, ct);
        var text = PageText(response.Text);
        ListPageReading reading;
        try
        {
            reading = ListPageDates.Read(text, today, column.DatePattern);
        }
        catch (ArgumentException)
        {
            throw new Unreadable(ListPageDates.CheckPattern(column.DatePattern) ?? "日期规则无效");
        }
        if (reading.SaysEmpty)
            return (null, 0);
        if (reading.Newest is null)
            throw new Unreadable("未注明发布时间，视为不更新");
        return (reading.Newest, reading.Count);
    }

    /// <summary>The text of a page, one text node a line (so that neighbouring cells never run their digits together); scripts and styles left out.</summary>
    public static string PageText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll("script, style, noscript, template").ToList())
            element.Remove();
        var root = (INode?)document.Body ?? document.DocumentElement;
        return root is null ? "" : string.Join('\n', root.GetDescendants().OfType<IText>().Select(t => t.Data.Trim()).Where(t => t.Length > 0));
    }

    private async Task<(string Url, byte[] Body)> FetchAsync(string address, CancellationToken ct)
    {
        var response = await FetchResponseAsync(address, ct);
        return (response.Url.ToString(), response.Body);
    }

    private async Task<WebResponse> FetchResponseAsync(string address, CancellationToken ct)
    {
        if (!Uri.TryCreate(address, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            throw new Unreadable($"地址无效：{address}");
        var response = await http.GetAsync(url, RequestKind.Crawl, settings.ProbeTimeout, ct);
        if (!response.Ok)
            throw new Unreadable(response.Error.Length > 0 ? response.Error : $"HTTP {response.Status}");
        if (response.Truncated)
            throw new Unreadable($"内容超过 {PoliteHttp.MaxBodyBytes / 1024 / 1024} MB");
        return response;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
