using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Network;
using Gongkai.App.Units;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.SiteCheck;

/// <summary>External columns and new-media feeds read from the loopback website: the newest date and count each stores, and the findings when one cannot be read.</summary>
public class NetworkColumnTests
{
    private static SiteColumn Column(Unit unit, string name, DateSource source, string url, string sourceUrl = "", string pattern = "") => new()
    {
        UnitId = unit.Id,
        Name = name,
        Source = ColumnSource.External,
        DateSource = source,
        Url = url,
        SourceUrl = sourceUrl,
        DatePattern = pattern,
        UpdateClass = UpdateClass.News,
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Feeds_sitemaps_and_list_pages_should_give_each_columns_newest_date_and_count(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(NetworkTestKit.Today);
        await using var web = await TestWebsite.StartAsync(NetworkTestKit.Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var unit = await NetworkTestKit.UnitAsync(db);
        var today = NetworkTestKit.Today;
        var columns = new[]
        {
            Column(unit, "RSS 动态", DateSource.Feed, web.Url("/news/fresh/"), web.Url("/rss.xml")),
            Column(unit, "Atom 通知", DateSource.Feed, web.Url("/notices/"), web.Url("/atom.xml")),
            Column(unit, "空订阅", DateSource.Feed, web.Url("/empty.xml")),
            Column(unit, "站点地图动态", DateSource.Sitemap, web.Url("/news/fresh/")),
            Column(unit, "站点地图索引通知", DateSource.Sitemap, web.Url("/notices/"), web.Url("/sitemap-index.xml")),
            Column(unit, "列表页动态", DateSource.ListPage, web.Url("/news/fresh/")),
            Column(unit, "列表页通知", DateSource.ListPage, web.Url("/news/stale/")),
            Column(unit, "空栏目", DateSource.ListPage, web.Url("/news/empty/")),
            Column(unit, "自定规则", DateSource.ListPage, web.Url("/news/fresh/"), pattern: @"\[(?<date>[^\]]+)\]"),
        };
        db.SiteColumns.AddRange(columns);
        var entered = Column(unit, "人工填报", DateSource.Entered, web.Url("/private/entered/"));
        entered.NewestOn = today.AddDays(-100);
        db.SiteColumns.Add(entered);
        await db.SaveChangesAsync();

        var findings = await new ReadExternalColumns(db, new PoliteHttp(NetworkTestKit.Settings()), NetworkTestKit.Settings(), test.Clock).CollectAsync(unit);

        Assert.Empty(findings);
        var read = await db.SiteColumns.AsNoTracking().Where(c => c.UnitId == unit.Id).ToDictionaryAsync(c => c.Name);
        void Expect(string name, int? daysAgo, int? count)
        {
            Assert.True(read[name].ReadError == "", $"{name}: {read[name].ReadError}");
            Assert.Equal(daysAgo is { } d ? today.AddDays(-d) : null, read[name].NewestOn);
            Assert.Equal(count, read[name].ItemCount);
            Assert.Equal(test.Clock.GetUtcNow().UtcDateTime, read[name].ReadAt);
        }
        Expect("RSS 动态", 3, 3);
        Expect("Atom 通知", 5, 2);
        Expect("空订阅", null, 0);
        Expect("站点地图动态", 2, 2);
        Expect("站点地图索引通知", 50, 3);
        Expect("列表页动态", 2, 3);
        Expect("列表页通知", 40, 2);
        Expect("空栏目", null, 0);
        Expect("自定规则", 2, 1);
        Assert.Equal(today.AddDays(-100), read["人工填报"].NewestOn);
        Assert.Null(read["人工填报"].ReadAt);
        Assert.Empty(web.RequestsFor("/private/entered/"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_column_that_cannot_be_read_should_keep_its_last_date_and_say_what_failed(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(NetworkTestKit.Today);
        await using var web = await TestWebsite.StartAsync(NetworkTestKit.Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var unit = await NetworkTestKit.UnitAsync(db);
        var known = NetworkTestKit.Today.AddDays(-30);
        var dead = Column(unit, "已删除栏目", DateSource.ListPage, web.Url("/dead/column/"));
        dead.NewestOn = known;
        dead.ItemCount = 12;
        var broken = Column(unit, "改版订阅", DateSource.Feed, web.Url("/news/"), web.Url("/broken.xml"));
        var undated = Column(unit, "政策解读", DateSource.ListPage, web.Url("/news/undated/"));
        var hidden = Column(unit, "内部栏目", DateSource.ListPage, web.Url("/private/news/"));
        db.SiteColumns.AddRange(dead, broken, undated, hidden);
        await db.SaveChangesAsync();

        var findings = await new ReadExternalColumns(db, new PoliteHttp(NetworkTestKit.Settings()), NetworkTestKit.Settings(), test.Clock).CollectAsync(unit);

        Assert.Equal(4, findings.Count);
        Assert.All(findings, f => Assert.Equal((FindingRules.ColumnUnreadable, 2, "column"), (f.Rule, f.Urgency, f.Target.Kind)));
        var read = await db.SiteColumns.AsNoTracking().Where(c => c.UnitId == unit.Id).ToDictionaryAsync(c => c.Name);
        Assert.Equal((known, (int?)12, "HTTP 404"), (read["已删除栏目"].NewestOn, read["已删除栏目"].ItemCount, read["已删除栏目"].ReadError));
        var deadFinding = Assert.Single(findings, f => f.Target.Id == dead.Id.ToString());
        Assert.Contains(web.Url("/dead/column/"), deadFinding.Evidence);
        Assert.Contains("HTTP 404", deadFinding.Evidence);
        Assert.Contains($"仍按上次读到的最新日期 {known:yyyy-MM-dd} 计", deadFinding.Evidence);
        Assert.Equal($"column:{dead.Id}:unreadable", deadFinding.Key);
        Assert.Contains("不是 RSS 或 Atom 订阅", Assert.Single(findings, f => f.Target.Id == broken.Id.ToString()).Evidence);
        var undatedFinding = Assert.Single(findings, f => f.Target.Id == undated.Id.ToString());
        Assert.Contains("未注明信息发布时间的视为不更新", undatedFinding.Evidence);
        Assert.Contains("此前从未读到日期", undatedFinding.Evidence);
        Assert.Null(read["政策解读"].NewestOn);
        Assert.Null(read["政策解读"].ItemCount);
        Assert.Contains("robots.txt 不允许检查", Assert.Single(findings, f => f.Target.Id == hidden.Id.ToString()).Evidence);
        Assert.Empty(web.RequestsFor("/private/news/"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_publishing_accounts_feed_should_give_its_last_post_date(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(NetworkTestKit.Today);
        await using var web = await TestWebsite.StartAsync(NetworkTestKit.Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var unit = await NetworkTestKit.UnitAsync(db);
        NewMediaAccount Account(string name, string feed, AccountStatus status, DateOnly? last = null) => new()
        {
            UnitId = unit.Id, Platform = AccountPlatform.WeChat, Name = name, FeedUrl = feed, Status = status, LastPostOn = last,
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        var weibo = Account("青岚发改", web.Url("/rss.xml"), AccountStatus.Publishing);
        var service = Account("青岚发改服务号", web.Url("/private/service.xml"), AccountStatus.ServiceOnly);
        var gone = Account("青岚发改视频号", web.Url("/dead/feed.xml"), AccountStatus.Publishing, NetworkTestKit.Today.AddDays(-20));
        db.NewMediaAccounts.AddRange(weibo, service, gone);
        await db.SaveChangesAsync();

        var findings = await new ReadAccountFeeds(db, new PoliteHttp(NetworkTestKit.Settings()), NetworkTestKit.Settings(), test.Clock).CollectAsync(unit);

        var read = await db.NewMediaAccounts.AsNoTracking().Where(a => a.UnitId == unit.Id).ToDictionaryAsync(a => a.Name);
        Assert.Equal((NetworkTestKit.Today.AddDays(-3), DateSource.Feed, ""), (read["青岚发改"].LastPostOn, read["青岚发改"].LastPostSource, read["青岚发改"].ReadError));
        Assert.Null(read["青岚发改服务号"].ReadAt);
        Assert.Empty(web.RequestsFor("/private/service.xml"));
        Assert.Equal((NetworkTestKit.Today.AddDays(-20), DateSource.Entered, "HTTP 404"), (read["青岚发改视频号"].LastPostOn, read["青岚发改视频号"].LastPostSource, read["青岚发改视频号"].ReadError));
        var finding = Assert.Single(findings);
        Assert.Equal((FindingRules.AccountUnreadable, "account", gone.Id.ToString()), (finding.Rule, finding.Target.Kind, finding.Target.Id));
        Assert.Contains("HTTP 404", finding.Evidence);
    }
}
