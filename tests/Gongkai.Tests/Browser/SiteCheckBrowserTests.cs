using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.SiteCheck.Settings;
using Gongkai.Core.Accounts;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.SiteCheck;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>
/// The site check's office pages in Chromium without JavaScript at a desktop's and a phone's width: the scorecard shows
/// the failed veto item and the fix list, no page scrolls sideways, and axe finds no WCAG 2.1 A/AA violation.
/// </summary>
public class SiteCheckBrowserTests
{
    [Theory]
    [InlineData(1366, 900)]
    [InlineData(390, 844)]
    public async Task The_scorecard_and_the_settings_pages_should_read_at_desktop_and_phone_widths(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await OfficeScorecardPagesTests.SeedRunsAsync(app.Database);
        await SettingsAsync(app);
        await app.AddStaffAsync("city-admin", "city", StaffRole.UnitAdmin);
        var address = ChromiumBrowser.Serve(app);
        var zjj = SeedDemoData.CodeOf("zjj");

        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(address + "/office/signin");
        await page.GetByLabel("用户名").FillAsync("city-admin");
        await page.GetByLabel("密码").FillAsync(WebApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        var axe = await AxeCheck.OpenAsync(chromium, width, height);
        async Task CheckAsync(string name)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"site-check-{name}-{width}.png"), FullPage = true });
            await AxeCheck.AssertNoSidewaysScrollAsync(page, $"{name} at {width} px");
            await axe.AssertCleanAsync(page, $"{name} at {width} px");
        }

        await page.GotoAsync(address + "/office");
        await page.GetByRole(AriaRole.Link, new() { Name = "网站自查" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "各单位对比" }).ClickAsync();
        await CheckAsync("subtree");
        await page.GetByRole(AriaRole.Link, new() { Name = "青岚市住房和城乡建设局" }).ClickAsync();
        // The latest run of 住建局 is December's, which passes; November's failing one is in its history.
        Assert.Contains("合格", await page.Locator(".verdict").InnerTextAsync());
        await CheckAsync("scorecard-passed");
        await page.GotoAsync($"{address}/office/site-check/report?unit={zjj}&month=2026-11");
        await CheckAsync("report");

        // A failing run today: the veto item with its evidence, and the fixes with the judgement buttons.
        await OfficeSiteCheckData.RunAsync(app.Database, "zjj", OfficeSiteCheckData.Beijing(2026, 12, 2),
            OfficeSiteCheckData.Card(OfficeSiteCheckData.Vetoes((VetoRule.HomepageNotUpdated, OfficeScorecardPagesTests.HomepageEvidence)), ("信息发布", 12, "两个栏目未更新")),
            OfficeSiteCheckData.Finding(FindingRules.Lexicon, OfficeScorecardPagesTests.LexiconTitle, "《2026年住建工作要点》正文第 3 段：“……国务院总里……”", 2, "item", label: "2026年住建工作要点", judge: true),
            OfficeSiteCheckData.Finding(FindingRules.HomepageStale, OfficeScorecardPagesTests.HomepageTitle, OfficeScorecardPagesTests.HomepageEvidence, 0, "site", label: "青岚市住房和城乡建设局网站"),
            OfficeSiteCheckData.Finding(FindingRules.GuideStale, "政府信息公开指南 400 天未更新", "指南最后修改于 2025-10-28，单位信息修改于 2026-06-01", 1, "unit", label: "青岚市住房和城乡建设局"));
        await page.GotoAsync($"{address}/office/site-check?unit={zjj}");
        Assert.Contains(OfficeScorecardPagesTests.HomepageEvidence, await page.Locator("table.scorecard tr.failed").InnerTextAsync());
        Assert.Equal(OfficeScorecardPagesTests.HomepageTitle, await page.Locator("ol.fix-list > li .fix-title strong").First.InnerTextAsync());
        await CheckAsync("scorecard");
        await page.GetByRole(AriaRole.Button, new() { Name = "不是错误" }).ClickAsync();
        Assert.Contains("请说明理由", await page.Locator("ol.fix-list").InnerTextAsync());
        await CheckAsync("scorecard-judge-error");

        foreach (var name in new[] { "history", "websites", "columns", "accounts", "lexicon", "log" })
        {
            await page.GotoAsync($"{address}/office/site-check/{name}?unit={zjj}");
            await CheckAsync(name);
        }
    }

    /// <summary>A site, a column of it, an account and a lexicon entry of 住建局, so that the settings pages list something.</summary>
    private static async Task SettingsAsync(WebApp app)
    {
        var actor = await OfficeSiteCheckData.StaffAsync(app.Database, "zjj", StaffRole.CatalogEditor);
        var zjj = SeedDemoData.CodeOf("zjj");
        app.Database.Clock.SetToday(new DateOnly(2026, 12, 2));
        await using var scope = app.Database.Scope();
        var site = await app.Database.Get<SaveWebsite>(scope).HandleAsync(new(null, zjj, "青岚市住房和城乡建设局网站", "https://zjj.example.gov.cn/", "BM99000001"), actor);
        Assert.True(site.Succeeded);
        Assert.True((await app.Database.Get<SaveColumn>(scope).HandleAsync(new(null, zjj, "通知公告", site.Value!.Id, "https://zjj.example.gov.cn/tzgg/", DateSource.Entered, "", "",
            UpdateClass.NoticePolicy, true, true, true, true, new DateOnly(2026, 5, 6)), actor)).Succeeded);
        Assert.True((await app.Database.Get<SaveColumn>(scope).HandleAsync(new(null, zjj, "工作动态", site.Value.Id, "https://zjj.example.gov.cn/gzdt/", DateSource.ListPage, "", "(?<date>\\d{4}-\\d{2}-\\d{2})",
            UpdateClass.News, true, true, true), actor)).Succeeded);
        Assert.True((await app.Database.Get<SaveAccount>(scope).HandleAsync(new(null, zjj, AccountPlatform.WeChat, "青岚住建", "qinglan_zjj", "", AccountStatus.Publishing, null, new DateOnly(2026, 11, 1)), actor)).Succeeded);
        Assert.True((await app.Database.Get<AddLexiconEntry>(scope).HandleAsync(new(zjj, LexiconKind.Misspelling, "国务院总里", "国务院总理", "常见输入错误"), actor)).Succeeded);
    }
}
