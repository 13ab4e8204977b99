using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Gongkai.Tests.Browser;

/// <summary>One page the crawl read: its address, and its HTML when it is a page (not a download).</summary>
public sealed record CrawledPage(string Url, string? Html);

/// <summary>
/// Follows every link a visitor can follow from a start page, breadth first, on the app's own origin: each link is fetched
/// once (a status of 400 or more is a broken link), HTML pages are read for more links. Pages of the same shape (the same
/// path with its digits and codes taken out, and the same query keys) are read at most <c>perShape</c> times, so 24 units'
/// catalogs or 300 items count as two pages, and the crawl stops after <c>maxPages</c> HTML pages.
/// </summary>
public sealed partial class PageCrawl(HttpClient client, Func<Uri, bool> follow, int perShape = 2, int maxPages = 150)
{
    private static readonly HtmlParser Parser = new();

    public List<CrawledPage> Pages { get; } = [];

    /// <summary>Links that answered 400 or more: "status link (on page)".</summary>
    public List<string> Broken { get; } = [];

    public async Task RunAsync(params string[] starts)
    {
        var origin = client.BaseAddress!;
        var queue = new Queue<(Uri Url, string From)>(starts.Select(s => (new Uri(origin, s), "(start)")));
        var seen = new HashSet<string>(queue.Select(q => q.Url.PathAndQuery));
        var shapes = new Dictionary<string, int>();
        while (queue.Count > 0 && Pages.Count < maxPages)
        {
            var (url, from) = queue.Dequeue();
            using var response = await client.GetAsync(url);
            var status = (int)response.StatusCode;
            if (status is >= 300 and < 400 && response.Headers.Location is { } location)
            {
                var next = new Uri(url, location);
                if (next.Authority == origin.Authority && seen.Add(next.PathAndQuery) && follow(next))
                    queue.Enqueue((next, from));
                continue;
            }
            if (status >= 400)
            {
                Broken.Add($"{status} {url.PathAndQuery} (linked from {from})");
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
                continue;
            var html = await response.Content.ReadAsStringAsync();
            Pages.Add(new CrawledPage(url.PathAndQuery, html));
            var document = await Parser.ParseDocumentAsync(html);
            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('#') || href.StartsWith("mailto:", StringComparison.Ordinal) || href.StartsWith("tel:", StringComparison.Ordinal))
                    continue;
                if (!Uri.TryCreate(url, WebUtility.HtmlDecode(href), out var link) || link.Authority != origin.Authority)
                    continue;
                link = new UriBuilder(link) { Fragment = "" }.Uri;
                if (!seen.Add(link.PathAndQuery) || !follow(link))
                    continue;
                var shape = Shape(link);
                shapes[shape] = shapes.GetValueOrDefault(shape) + 1;
                if (shapes[shape] <= perShape)
                    queue.Enqueue((link, url.PathAndQuery));
            }
        }
    }

    /// <summary>/xxgk/item/QL-2024-0012?page=3 → /xxgk/item/#?page: segments holding a digit become #, query values go.</summary>
    public static string Shape(Uri url)
    {
        var path = string.Join('/', url.AbsolutePath.Split('/').Select(s => Digit().IsMatch(Uri.UnescapeDataString(s)) ? "#" : s));
        var keys = url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')[0]).Order();
        return path + "?" + string.Join('&', keys);
    }

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();
}
