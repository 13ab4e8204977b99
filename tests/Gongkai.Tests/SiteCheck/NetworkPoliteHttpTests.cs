using Gongkai.App.SiteCheck.Network;

namespace Gongkai.Tests.SiteCheck;

/// <summary>
/// How the site check behaves towards other people's servers, as the loopback server observes it: requests to one host
/// never closer than the interval (whoever sends them), a User-Agent that names Gongkai, robots.txt read once and honoured
/// for crawling but not for a visitor's probe, redirects followed.
/// </summary>
public class NetworkPoliteHttpTests
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(25);

    [Fact]
    public async Task Requests_to_one_host_should_never_arrive_closer_than_the_interval_from_concurrent_callers_and_runs()
    {
        await using var site = await TestWebsite.StartAsync(NetworkTestKit.Today);
        var interval = TimeSpan.FromMilliseconds(250);
        using var http = new PoliteHttp(NetworkTestKit.Settings(intervalMs: 250));

        // three callers at once, then a second "run" straight after with the same (process-wide) client
        await Task.WhenAll(Enumerable.Range(0, 3).Select(caller => Task.Run(async () =>
        {
            for (var i = 0; i < 3; i++)
                await http.GetAsync(new Uri(site.Url($"/page/{caller}-{i}")), RequestKind.Crawl, TimeSpan.FromSeconds(5));
        })));
        await http.HeadOrGetAsync(new Uri(site.Url("/page/second-run")), RequestKind.Crawl, TimeSpan.FromSeconds(5));

        var arrivals = site.Requests;
        Assert.Equal(11, arrivals.Count); // robots.txt once, ten pages
        Assert.All(NetworkTestKit.Gaps(arrivals), gap => Assert.True(gap >= interval - Tolerance, $"two requests {gap.TotalMilliseconds:0} ms apart"));
    }

    [Fact]
    public async Task Every_request_should_name_Gongkai_in_its_user_agent()
    {
        await using var site = await TestWebsite.StartAsync(NetworkTestKit.Today);
        using var http = new PoliteHttp(NetworkTestKit.Settings());

        await http.GetAsync(new Uri(site.Url("/")), RequestKind.Visit, TimeSpan.FromSeconds(5));
        await http.HeadOrGetAsync(new Uri(site.Url("/news/fresh/")), RequestKind.Crawl, TimeSpan.FromSeconds(5));

        Assert.Equal(["/", "/robots.txt", "/news/fresh/"], site.Requests.Select(r => r.Path));
        Assert.All(site.Requests, r => Assert.Contains("Gongkai", r.UserAgent));
    }

    [Fact]
    public async Task A_crawl_of_a_disallowed_path_should_not_be_sent_but_a_visitors_probe_should()
    {
        await using var site = await TestWebsite.StartAsync(NetworkTestKit.Today);
        using var http = new PoliteHttp(NetworkTestKit.Settings());

        var crawled = await http.GetAsync(new Uri(site.Url("/private/report.html")), RequestKind.Crawl, TimeSpan.FromSeconds(5));
        var again = await http.GetAsync(new Uri(site.Url("/private/other.html")), RequestKind.Crawl, TimeSpan.FromSeconds(5));
        var visited = await http.GetAsync(new Uri(site.Url("/private/report.html")), RequestKind.Visit, TimeSpan.FromSeconds(5));

        Assert.True(crawled.Disallowed);
        Assert.Equal("robots.txt 不允许检查", crawled.Error);
        Assert.True(again.Disallowed);
        Assert.True(visited.Ok);
        Assert.Equal(["/robots.txt", "/private/report.html"], site.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task A_redirect_should_be_followed_to_the_page_it_names()
    {
        await using var site = await TestWebsite.StartAsync(NetworkTestKit.Today);
        using var http = new PoliteHttp(NetworkTestKit.Settings());

        var response = await http.GetAsync(new Uri(site.Url("/moved")), RequestKind.Visit, TimeSpan.FromSeconds(5));

        Assert.True(response.Ok);
        Assert.Equal(site.Url("/news/fresh/"), response.Url.ToString());
        Assert.Contains("工作动态", response.Text);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_in_time_or_at_all_should_be_told_apart()
    {
        await using var site = await TestWebsite.StartAsync(NetworkTestKit.Today, slowDelay: TimeSpan.FromSeconds(3));
        using var http = new PoliteHttp(NetworkTestKit.Settings());

        var slow = await http.GetAsync(new Uri(site.Url("/slow")), RequestKind.Visit, TimeSpan.FromSeconds(1));
        var closed = await http.GetAsync(new Uri($"http://127.0.0.1:{NetworkTestKit.ClosedPort()}/"), RequestKind.Visit, TimeSpan.FromSeconds(5));
        var dead = await http.GetAsync(new Uri(site.Url("/dead")), RequestKind.Visit, TimeSpan.FromSeconds(5));

        Assert.Equal("1 秒内未打开", slow.Error);
        Assert.True(slow.TimedOut);
        Assert.StartsWith("无法连接", closed.Error);
        Assert.Equal("HTTP 404", dead.Error);
        Assert.Equal(404, dead.Status);
    }
}
