using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Network;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.SiteCheck;

/// <summary>Reachability probes (站点无法访问) against the loopback website: what each probe stores, as the veto will read it.</summary>
public class NetworkProbeTests
{
    private static async Task<Website> SiteAsync(GongkaiDb db, string unitKey, string homeUrl, bool active = true)
    {
        var unit = await NetworkTestKit.UnitAsync(db, unitKey);
        var site = new Website { UnitId = unit.Id, Name = $"{unit.ShortName}网站", HomeUrl = homeUrl, Active = active, CreatedAt = DateTime.UtcNow };
        db.Websites.Add(site);
        await db.SaveChangesAsync();
        return site;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_homepage_slower_than_the_indicators_15_seconds_should_fail_while_a_quick_one_passes_in_the_same_round(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(NetworkTestKit.Today);
        await using var web = await TestWebsite.StartAsync(NetworkTestKit.Today); // /slow answers after 16 s
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var slow = await SiteAsync(db, "fgw", web.Url("/slow"));
        var quick = await SiteAsync(db, "jyj", web.Url("/"));
        Assert.Equal(TimeSpan.FromSeconds(15), SiteCheckSettings.Default.ProbeTimeout);
        using var http = new PoliteHttp(SiteCheckSettings.Default with { PerHostInterval = TimeSpan.FromMilliseconds(100) });

        await new ProbeWebsites(db, http, SiteCheckSettings.Default, test.Clock).HandleAsync();

        var probes = await db.SiteProbes.AsNoTracking().ToListAsync();
        var failed = Assert.Single(probes, p => p.WebsiteId == slow.Id);
        Assert.False(failed.Ok);
        Assert.Equal("15 秒内未打开", failed.Error);
        Assert.Null(failed.Status);
        Assert.True(failed.Milliseconds >= 14_900, $"{failed.Milliseconds} ms");
        var passed = Assert.Single(probes, p => p.WebsiteId == quick.Id);
        Assert.True(passed.Ok);
        Assert.Equal(200, passed.Status);
        Assert.Equal("", passed.Error);
        Assert.Equal(test.Clock.GetUtcNow().UtcDateTime, passed.At);
        Assert.Single(web.RequestsFor("/slow"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_homepage_that_fails_every_other_time_should_fail_half_of_a_days_probes(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(NetworkTestKit.Today);
        await using var web = await TestWebsite.StartAsync(NetworkTestKit.Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var flaky = await SiteAsync(db, "fgw", web.Url("/flaky"));
        var settings = NetworkTestKit.Settings();
        using var http = new PoliteHttp(settings);
        var probe = new ProbeWebsites(db, http, settings, test.Clock);

        for (var round = 0; round < 20; round++)
        {
            await probe.HandleAsync();
            test.Clock.Advance(TimeSpan.FromHours(1));
        }

        var probes = await db.SiteProbes.AsNoTracking().Where(p => p.WebsiteId == flaky.Id).ToListAsync();
        Assert.Equal(20, probes.Count);
        Assert.Equal(10, probes.Count(p => !p.Ok));
        Assert.All(probes.Where(p => !p.Ok), p => Assert.Equal("HTTP 503", p.Error));
        Assert.Equal(20, probes.Select(p => p.At).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_round_should_probe_each_active_site_of_the_subtree_once_and_say_why_one_could_not_be_reached(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(NetworkTestKit.Today);
        await using var web = await TestWebsite.StartAsync(NetworkTestKit.Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var closed = await SiteAsync(db, "yy", $"http://127.0.0.1:{NetworkTestKit.ClosedPort()}/");
        var dead = await SiteAsync(db, "yy-jyj", web.Url("/dead"));
        var inactive = await SiteAsync(db, "yy-czj", web.Url("/private/inactive"), active: false);
        var outside = await SiteAsync(db, "fgw", web.Url("/private/outside"));
        var yy = await NetworkTestKit.UnitAsync(db, "yy");
        var settings = NetworkTestKit.Settings();
        using var http = new PoliteHttp(settings);

        var probes = await new ProbeWebsites(db, http, settings, test.Clock).HandleAsync(yy.Path);

        Assert.Equal(2, probes.Count);
        Assert.StartsWith("无法连接", Assert.Single(probes, p => p.WebsiteId == closed.Id).Error);
        Assert.Equal("HTTP 404", Assert.Single(probes, p => p.WebsiteId == dead.Id).Error);
        Assert.Equal(2, await db.SiteProbes.CountAsync());
        Assert.Empty(web.RequestsFor("/private/inactive"));
        Assert.Empty(web.RequestsFor("/private/outside"));
        Assert.DoesNotContain(probes, p => p.WebsiteId == inactive.Id || p.WebsiteId == outside.Id);
    }
}
