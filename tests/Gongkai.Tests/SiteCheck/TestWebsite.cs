using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Tests.SiteCheck;

/// <summary>
/// A small government website served on loopback (127.0.0.1, a free port) for the site check's tests — never the
/// internet. Its dates are relative to the <c>today</c> it is given, so no test depends on the wall clock:
/// <list type="bullet">
/// <item><c>/</c> the homepage, its newest item three weeks before today (<see cref="HomepageNewest"/>);</item>
/// <item><c>/news/fresh/</c> (newest 2 days ago, 3 items, a 「版权所有 2019-YYYY」 footer), <c>/news/stale/</c> (newest 40
/// days ago), <c>/news/empty/</c> (「暂无信息」), <c>/news/undated/</c> (items without dates);</item>
/// <item><c>/rss.xml</c> (RSS 2.0, newest 3 days ago, 3 items), <c>/atom.xml</c> (Atom, newest 5 days ago, 2 items),
/// <c>/empty.xml</c> (an RSS feed with no item), <c>/broken.xml</c> (not XML);</item>
/// <item><c>/sitemap.xml</c> (URLs under /news/fresh/ and /notices/ with lastmod), <c>/sitemap-index.xml</c> (an index of
/// <c>/sitemap-news.xml</c> and <c>/sitemap-notices.xml</c>);</item>
/// <item><c>/slow</c> answers after <see cref="SlowDelay"/> (16 s unless told); <c>/flaky</c> answers 503 every other
/// request (the 2nd, 4th …); <c>/dead</c> and <c>/dead/…</c> answer 404, <c>/error</c> 500; <c>/moved</c> redirects to
/// /news/fresh/; <c>/private/…</c> is disallowed by <c>/robots.txt</c>; any other path answers 200.</item>
/// </list>
/// Every request is recorded with its method, path, User-Agent and arrival time (<see cref="Requests"/>).
/// </summary>
public sealed class TestWebsite : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Arrival> requests = new();
    private readonly long started = Stopwatch.GetTimestamp();
    private int flaky;

    /// <summary>One request as the server saw it; <see cref="At"/> is the time since the server started, read on arrival.</summary>
    public sealed record Arrival(string Method, string Path, string UserAgent, TimeSpan At);

    private TestWebsite(DateOnly today, TimeSpan slowDelay)
    {
        Today = today;
        SlowDelay = slowDelay;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            requests.Enqueue(new Arrival(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers.UserAgent.ToString(), Stopwatch.GetElapsedTime(started)));
            await next(context);
        });
        Map();
    }

    public DateOnly Today { get; }

    public TimeSpan SlowDelay { get; }

    /// <summary>The newest date the homepage shows: three weeks before today.</summary>
    public DateOnly HomepageNewest => Today.AddDays(-21);

    /// <summary>http://127.0.0.1:port, no trailing slash.</summary>
    public string BaseUrl { get; private set; } = "";

    public string Url(string path) => BaseUrl + path;

    public IReadOnlyList<Arrival> Requests => [.. requests];

    /// <summary>Requests for <paramref name="path"/> (robots.txt included only when asked for).</summary>
    public IReadOnlyList<Arrival> RequestsFor(string path) => [.. requests.Where(r => r.Path == path)];

    public static async Task<TestWebsite> StartAsync(DateOnly today, TimeSpan? slowDelay = null)
    {
        var site = new TestWebsite(today, slowDelay ?? TimeSpan.FromSeconds(16));
        await site.app.StartAsync();
        site.BaseUrl = site.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }

    private string D(int daysAgo, string format = "yyyy-MM-dd") => Today.AddDays(-daysAgo).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    private static IResult Html(string title, string body) => Results.Content(
        $"<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>{title}</title><script>var today='2099-01-01';</script></head>" +
        $"<body><header>青岚市测试局</header><main><h1>{title}</h1>{body}</main><footer>版权所有：青岚市测试局 2019-2099 网站标识码 3701000001</footer></body></html>",
        "text/html; charset=utf-8", Encoding.UTF8);

    private static IResult Xml(string xml, string type = "application/xml; charset=utf-8") => Results.Content(xml, type, Encoding.UTF8);

    private void Map()
    {
        app.MapGet("/robots.txt", () => Results.Text("User-agent: *\nDisallow: /private/\n", "text/plain"));
        app.MapGet("/", () => Html("青岚市测试局", $"""
            <section><h2>工作动态</h2><ul>
            <li><a href="/news/fresh/1.html">局长调研春耕生产</a><span>{D(21)}</span></li>
            <li><a href="/news/fresh/2.html">召开安全生产会议</a><span>{D(30, "yyyy年M月d日")}</span></li>
            </ul></section>
            """));
        app.MapGet("/news/fresh/", () => Html("工作动态", $"""
            <ul class="list">
            <li><a href="1.html">局长调研春耕生产</a><span>[{D(2)}]</span></li>
            <li><a href="2.html">召开安全生产会议</a><span>{D(5, "yyyy/MM/dd")}</span></li>
            <li><a href="3.html">开展植树活动</a><span>{D(9, "yyyy年M月d日")}</span></li>
            </ul><div class="pager">共3条 第1页</div>
            """));
        app.MapGet("/news/stale/", () => Html("通知公告", $"""
            <ul class="list">
            <li><a href="1.html">关于征集意见的公告</a><span>{D(40)}</span></li>
            <li><a href="2.html">关于放假安排的通知</a><span>{D(70, "yyyy.MM.dd")}</span></li>
            </ul>
            """));
        app.MapGet("/news/empty/", () => Html("人事信息", "<p>暂无信息</p>"));
        app.MapGet("/news/undated/", () => Html("政策解读", """
            <ul class="list"><li><a href="1.html">一图读懂惠企政策</a></li><li><a href="2.html">答记者问</a></li></ul>
            """));
        app.MapGet("/rss.xml", () => Xml($"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>青岚市测试局</title><link>{BaseUrl}/</link><description>动态</description>
            <item><title>局长调研春耕生产</title><link>{BaseUrl}/news/fresh/1.html</link><pubDate>{Rfc(3)}</pubDate></item>
            <item><title>召开安全生产会议</title><link>{BaseUrl}/news/fresh/2.html</link><pubDate>{Rfc(10)}</pubDate></item>
            <item><title>开展植树活动</title><link>{BaseUrl}/news/fresh/3.html</link><pubDate>{D(20)} 09:30:00</pubDate></item>
            </channel></rss>
            """.Trim(), "application/rss+xml; charset=utf-8"));
        app.MapGet("/atom.xml", () => Xml($"""
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>青岚市测试局 通知公告</title><id>{BaseUrl}/atom.xml</id><updated>{D(5)}T10:00:00+08:00</updated>
            <entry><title>关于征集意见的公告</title><id>{BaseUrl}/notices/1.html</id><link href="{BaseUrl}/notices/1.html"/><updated>{D(5)}T10:00:00+08:00</updated></entry>
            <entry><title>关于放假安排的通知</title><id>{BaseUrl}/notices/2.html</id><link href="{BaseUrl}/notices/2.html"/><updated>{D(12)}T10:00:00+08:00</updated></entry>
            </feed>
            """.Trim(), "application/atom+xml; charset=utf-8"));
        app.MapGet("/empty.xml", () => Xml($"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>空栏目</title><link>{BaseUrl}/</link><description>无</description></channel></rss>
            """.Trim()));
        app.MapGet("/broken.xml", () => Html("这不是订阅", "<p>页面已改版</p>"));
        app.MapGet("/sitemap.xml", () => Xml(UrlSet(("/news/fresh/1.html", 2), ("/news/fresh/2.html", 5), ("/notices/1.html", 50), ("/notices/2.html", 90), ("/", 1))));
        app.MapGet("/sitemap-news.xml", () => Xml(UrlSet(("/news/fresh/1.html", 2), ("/news/fresh/2.html", 5))));
        app.MapGet("/sitemap-notices.xml", () => Xml(UrlSet(("/notices/1.html", 50), ("/notices/2.html", 90), ("/notices/3.html", null))));
        app.MapGet("/sitemap-index.xml", () => Xml($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            <sitemap><loc>{BaseUrl}/sitemap-news.xml</loc></sitemap><sitemap><loc>{BaseUrl}/sitemap-notices.xml</loc></sitemap>
            </sitemapindex>
            """.Trim()));
        app.MapGet("/slow", async (HttpContext context) =>
        {
            try
            {
                await Task.Delay(SlowDelay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.Empty;
            }
            return Html("慢页面", "<p>终于打开了</p>");
        });
        app.MapGet("/flaky", () => Interlocked.Increment(ref flaky) % 2 == 0 ? Results.StatusCode(503) : Html("时好时坏", "<p>这次打开了</p>"));
        app.MapMethods("/dead/{**rest}", ["GET", "HEAD"], () => Results.NotFound());
        app.MapMethods("/dead", ["GET", "HEAD"], () => Results.NotFound());
        app.MapMethods("/error", ["GET", "HEAD"], () => Results.StatusCode(500));
        app.MapGet("/moved", () => Results.Redirect("/news/fresh/"));
        app.MapMethods("/{**rest}", ["GET", "HEAD"], (string? rest) => Html("页面", $"<p>{rest}</p>"));
    }

    private string Rfc(int daysAgo) =>
        new DateTimeOffset(Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).ToString("ddd, dd MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " +0800";

    private string UrlSet(params (string Path, int? DaysAgo)[] urls) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" +
        string.Concat(urls.Select(u => $"<url><loc>{BaseUrl}{u.Path}</loc>{(u.DaysAgo is { } d ? $"<lastmod>{D(d)}</lastmod>" : "")}</url>")) + "</urlset>";
}
