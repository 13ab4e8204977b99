using Gongkai.App.Data;
using Gongkai.App.SiteCheck.Network;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.SiteCheck;

/// <summary>Dead links in published items and attachments, found politely on the loopback website: each with its page, robots.txt honoured, the per-run cap and the per-host interval kept.</summary>
public class NetworkLinkTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dead_links_should_be_found_with_the_item_they_are_on_and_disallowed_ones_skipped(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(NetworkTestKit.Today);
        await using var web = await TestWebsite.StartAsync(NetworkTestKit.Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var unit = await NetworkTestKit.UnitAsync(db);
        var closed = $"http://127.0.0.1:{NetworkTestKit.ClosedPort()}/gone.html";
        var item = await NetworkTestKit.PublishedItemAsync(db, unit, "关于印发春耕方案的通知", $"""
            <p>详见<a href="{web.Url("/dead/plan.html")}">方案</a>、<a href="/error">附表</a>（相对地址）和<a href="{web.Url("/news/fresh/")}#top">动态</a>。</p>
            <p><img src="{web.Url("/dead/chart.png")}" alt="图表"><a href="mailto:fgw@qinglan.example">来信</a><a href="#part2">第二部分</a></p>
            <p><a href="{web.Url("/private/draft.html")}">内部稿</a><a href="{closed}">旧站</a><a href="{web.Url("/dead/plan.html")}">方案（重复）</a></p>
            """, attachmentText: $"附件：申报表下载 {web.Url("/dead/form.xlsx")}。联系我们：{web.Url("/contact")}，")
            ;
        var settings = NetworkTestKit.Settings();

        var findings = await NetworkTestKit.CheckLinks(db, new PoliteHttp(settings), settings, test.Clock, web.BaseUrl).CollectAsync(unit);

        var dead = new[] { web.Url("/dead/plan.html"), web.Url("/error"), web.Url("/dead/chart.png"), closed, web.Url("/dead/form.xlsx") };
        Assert.Equal(dead.Order(), findings.Select(f => f.Evidence.Split(' ')[1]).Order());
        Assert.All(findings, f =>
        {
            Assert.Equal((FindingRules.DeadLink, 3, "item", item.Id.ToString(), item.Title, $"/office/catalog/{item.Id}"),
                (f.Rule, f.Urgency, f.Target.Kind, f.Target.Id, f.Target.Label, f.Target.Url));
            Assert.Equal($"link:{f.Evidence.Split(' ')[1]}:{item.Id}", f.Key);
        });
        Assert.Contains("HTTP 404", findings.Single(f => f.Key.Contains("/dead/plan.html")).Evidence);
        Assert.Contains("HTTP 500", findings.Single(f => f.Key.Contains("/error")).Evidence);
        Assert.Contains("无法连接", findings.Single(f => f.Key.Contains(closed)).Evidence);
        Assert.StartsWith("附件《附件1.pdf》中的链接", findings.Single(f => f.Key.Contains("/dead/form.xlsx")).Evidence);
        Assert.Single(web.RequestsFor("/dead/plan.html"));
        Assert.Empty(web.RequestsFor("/private/draft.html"));
        var skipped = await db.LinkChecks.AsNoTracking().SingleAsync(l => l.Url == web.Url("/private/draft.html"));
        Assert.True(skipped.SkippedByRobots);
        Assert.True((await db.LinkChecks.AsNoTracking().SingleAsync(l => l.Url == web.Url("/news/fresh/"))).Ok);
        Assert.True((await db.LinkChecks.AsNoTracking().SingleAsync(l => l.Url == web.Url("/contact"))).Ok);
        Assert.NotEmpty(web.RequestsFor("/xxgk/attachments/" + (await db.CatalogAttachments.SingleAsync(a => a.ItemId == item.Id)).Id));
        Assert.All(web.Requests, r => Assert.Contains("Gongkai", r.UserAgent));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_run_should_ask_no_more_addresses_than_its_cap_spaced_by_the_interval_and_the_next_run_the_rest(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(NetworkTestKit.Today);
        await using var web = await TestWebsite.StartAsync(NetworkTestKit.Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var unit = await NetworkTestKit.UnitAsync(db);
        var links = Enumerable.Range(1, 5).Select(n => web.Url($"/dead/{n}.html")).ToList();
        await NetworkTestKit.PublishedItemAsync(db, unit, "失效链接汇总", string.Concat(links.Select(l => $"<a href=\"{l}\">{l}</a>")));
        var settings = NetworkTestKit.Settings(intervalMs: 200, maxLinks: 3);
        var http = new PoliteHttp(settings);
        int Asked() => web.Requests.Count(r => r.Path.StartsWith("/dead/", StringComparison.Ordinal));

        var first = await NetworkTestKit.CheckLinks(db, http, settings, test.Clock, web.BaseUrl).CollectAsync(unit);
        Assert.Equal(3, Asked());
        Assert.Equal(3, first.Count);

        var second = await NetworkTestKit.CheckLinks(db, http, settings, test.Clock, web.BaseUrl).CollectAsync(unit);
        Assert.Equal(5, Asked());
        Assert.Equal(5, second.Count);

        var third = await NetworkTestKit.CheckLinks(db, http, settings, test.Clock, web.BaseUrl).CollectAsync(unit);
        Assert.Equal(5, Asked()); // every result is younger than LinkRecheckAfter: reused
        Assert.Equal(5, third.Count);

        test.Clock.Advance(settings.LinkRecheckAfter + TimeSpan.FromMinutes(1));
        await NetworkTestKit.CheckLinks(db, http, settings, test.Clock, web.BaseUrl).CollectAsync(unit);
        Assert.Equal(8, Asked());

        Assert.All(NetworkTestKit.Gaps(web.Requests), gap => Assert.True(gap >= TimeSpan.FromMilliseconds(200 - 25), $"two requests {gap.TotalMilliseconds:0} ms apart"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Relative_links_should_be_skipped_when_the_portals_address_is_not_configured(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(NetworkTestKit.Today);
        await using var web = await TestWebsite.StartAsync(NetworkTestKit.Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var unit = await NetworkTestKit.UnitAsync(db);
        await NetworkTestKit.PublishedItemAsync(db, unit, "相对链接", $"<a href=\"/dead/relative.html\">相对</a><a href=\"{web.Url("/dead/absolute.html")}\">绝对</a>");
        var settings = NetworkTestKit.Settings();

        var findings = await NetworkTestKit.CheckLinks(db, new PoliteHttp(settings), settings, test.Clock, portalUrl: null).CollectAsync(unit);

        Assert.Contains(web.Url("/dead/absolute.html"), Assert.Single(findings).Evidence);
        Assert.Empty(web.RequestsFor("/dead/relative.html"));
        Assert.False(await db.LinkChecks.AnyAsync(l => l.Url.EndsWith("/dead/relative.html")));
    }
}
