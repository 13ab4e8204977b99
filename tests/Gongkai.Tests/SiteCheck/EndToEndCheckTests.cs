using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Network;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.SiteCheck;

/// <summary>
/// The whole check as the schedule runs it, against a website served on loopback by the test: a week of probe rounds
/// (20 a day) of a homepage that fails every other time, then one run that reads the site's columns and feed, checks the
/// links of a published item and judges — each veto and finding with its evidence, as the CLI's JSON carries it.
/// </summary>
public class EndToEndCheckTests
{
    private static readonly IReadOnlyDictionary<string, string?> Fast = new Dictionary<string, string?>
    {
        ["SiteCheck:PerHostIntervalMs"] = "100",
        ["SiteCheck:ProbeTimeoutSeconds"] = "5",
    };

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_week_of_probes_and_a_run_against_a_loopback_site_find_every_veto_with_its_evidence(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, settings: Fast);
        var today = NetworkTestKit.Today;
        test.Clock.SetToday(today);
        await using var site = await TestWebsite.StartAsync(today, TimeSpan.FromSeconds(1));
        Guid unitId;
        await using (var scope = test.Scope())
        {
            var db = test.Get<GongkaiDb>(scope);
            var unit = await NetworkTestKit.UnitAsync(db);
            unitId = unit.Id;
            var now = test.Clock.GetUtcNow().UtcDateTime;
            var website = new Website { UnitId = unit.Id, Name = "测试局网站", HomeUrl = site.Url("/flaky"), CreatedAt = now };
            db.Websites.Add(website);
            SiteColumn Column(string name, string path, DateSource source, UpdateClass cls, bool homepage = false) => new()
            {
                UnitId = unit.Id, WebsiteId = website.Id, Name = name, Source = ColumnSource.External, Url = site.Url(path),
                DateSource = source, UpdateClass = cls, OnHomepage = homepage, CreatedAt = now, UpdatedAt = now,
            };
            db.SiteColumns.AddRange(
                Column("首页要闻", "/", DateSource.ListPage, UpdateClass.News, homepage: true),
                Column("工作动态", "/news/fresh/", DateSource.ListPage, UpdateClass.News),
                Column("部门动态", "/rss.xml", DateSource.Feed, UpdateClass.News),
                Column("通知公告", "/atom.xml", DateSource.Feed, UpdateClass.NoticePolicy),
                Column("人事信息", "/news/empty/", DateSource.ListPage, UpdateClass.Personnel),
                Column("政策解读", "/news/undated/", DateSource.ListPage, UpdateClass.NoticePolicy));
            db.NewMediaAccounts.AddRange(
                new NewMediaAccount { UnitId = unit.Id, Name = "测试发布", Platform = AccountPlatform.Weibo, Status = AccountStatus.Publishing, FeedUrl = site.Url("/rss.xml"), CreatedAt = now, UpdatedAt = now },
                new NewMediaAccount { UnitId = unit.Id, Name = "测试视频", Platform = AccountPlatform.ShortVideo, Status = AccountStatus.Publishing, LastPostOn = today.AddDays(-20), CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync();
            await NetworkTestKit.PublishedItemAsync(db, unit, "关于春耕生产的通知",
                $"<p>详见<a href=\"{site.Url("/dead/notice.html")}\">原文</a>，另见<a href=\"{site.Url("/private/a.html")}\">内部页面</a>和<a href=\"{site.Url("/news/fresh/1.html")}\">动态</a>。</p>");
        }

        // A week of probe rounds, 20 a Beijing day, as the schedule spreads them.
        for (var day = SiteCheckRules.MonitorDays; day >= 1; day--)
            for (var round = 0; round < SiteCheckRules.MinProbesPerDay; round++)
            {
                test.Clock.Set(new DateTimeOffset(today.AddDays(-day).AtChinaHour(0).AddMinutes(round * 72), TimeSpan.Zero));
                await using var scope = test.Scope();
                await test.Get<ProbeWebsites>(scope).ProbeAsync();
            }
        test.Clock.SetToday(today);

        SiteCheckReport report;
        await using (var scope = test.Scope())
        {
            var done = await test.Get<RunSiteCheck>(scope).HandleAsync(new RunSiteCheck.Input(unitId, false, "手动"), StaffScope.System);
            Assert.True(done.Succeeded, string.Join("；", done.Problems));
            report = SiteCheckReport.FromJson(done.Value!.Single().Run.ScorecardJson);
        }

        // 站点无法访问: 140 probes, every other one failed.
        var reach = report.Veto.Single(v => v.Rule == VetoRule.Unreachable);
        Assert.False(reach.Passed);
        Assert.Contains("共监测 140 次", reach.Evidence[0]);
        Assert.Contains("70 次", reach.Evidence[0]);
        Assert.Equal(7, reach.Evidence.Count(e => e.Contains("监测 20 次，失败 10 次")));

        // 首页不更新: the homepage's newest item is three weeks old.
        var homepage = report.Veto.Single(v => v.Rule == VetoRule.HomepageNotUpdated);
        Assert.False(homepage.Passed);
        Assert.Contains(site.HomepageNewest.ToString("yyyy-MM-dd"), homepage.Evidence[0]);

        // Columns read from the list page, the RSS and the Atom feed; the empty one and the undated one reported.
        Assert.DoesNotContain(report.Findings, f => f.Target.Label is "工作动态" or "部门动态" or "通知公告");
        Assert.Contains(report.Findings, f => f.Rule == FindingRules.ColumnEmpty && f.Target.Label == "人事信息");
        Assert.Contains(report.Findings, f => f.Rule == FindingRules.ColumnUnreadable && f.Evidence.Contains("未注明信息发布时间"));

        // The dead link, on the page it is on; the link robots.txt forbids is not checked, the live one is not reported.
        var dead = Assert.Single(report.Findings, f => f.Rule == FindingRules.DeadLink);
        Assert.Contains("关于春耕生产的通知", dead.Title);
        Assert.Contains("/dead/notice.html", dead.Evidence);
        Assert.Contains("404", dead.Evidence);
        Assert.Empty(site.RequestsFor("/private/a.html"));

        // New media: the account with a feed posted 3 days ago; the one entered 20 days ago is silent.
        var accounts = report.Veto.Where(v => v.Rule == VetoRule.NewMediaSilent).ToList();
        Assert.Contains(accounts, v => v.Passed && v.Subject.Contains("测试发布"));
        Assert.Contains(accounts, v => !v.Passed && v.Subject.Contains("测试视频"));
        Assert.False(report.Passed);

        // Every request named Gongkai.
        Assert.All(site.Requests, r => Assert.Contains("Gongkai", r.UserAgent));
    }
}
