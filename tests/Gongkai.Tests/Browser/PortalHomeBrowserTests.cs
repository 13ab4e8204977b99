using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Tests.Web;
using Gongkai.App.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>The home page, a unit's hub and the 长者模式 switch in Chromium with scripting off, at 1366 px and 390 px.</summary>
public class PortalHomeBrowserTests
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_home_page_should_offer_search_the_four_columns_article_20_and_the_newest_items(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await StartWithCatalogAsync();
        var address = ChromiumBrowser.Serve(app);
        await app.Services.GetRequiredService<SearchFollower>().CatchUpAsync();
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var axe = await AxeCheck.OpenAsync(chromium, width, height);

        await page.GotoAsync(address + "/");
        Assert.Equal("青岚市人民政府 政府信息公开", await page.Locator("h1").InnerTextAsync());
        foreach (var column in new[] { "政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报" })
            Assert.True(await page.Locator("ul.columns h3", new() { HasText = column }).IsVisibleAsync(), column);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "依申请公开", Exact = true }).Last.IsVisibleAsync());
        Assert.Equal(15, await page.Locator("ol.statutory > li").CountAsync());
        Assert.Equal(8, await page.Locator("#newest-heading + ul > li").CountAsync());
        Assert.True(await page.Locator("#jd-heading + ul > li").CountAsync() > 0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"portal-home-{width}.png"), FullPage = true });
        await AxeCheck.AssertNoSidewaysScrollAsync(page, $"home at {width}");
        await axe.AssertCleanAsync(page, $"home at {width}");

        // The first newest interpretation leads to a 解读 that names the policy it interprets.
        await page.Locator("#jd-heading + ul a").First.ClickAsync();
        await page.Locator("main", new() { HasText = "本文为以下政策的解读" }).WaitForAsync();

        // The header's search box works from any page, without script.
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "检索政府信息" }).First.FillAsync("老旧小区");
        await page.Locator("header form.site-search button").ClickAsync();
        await page.WaitForURLAsync("**/search?q=*", new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("ol.results li").First.WaitForAsync();
        await axe.CloseAsync();
        await context.CloseAsync();
    }

    /// <summary>The app with the demo catalog's first items published (the test database holds the demo units only).</summary>
    internal static async Task<WebApp> StartWithCatalogAsync(int items = 300)
    {
        var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await using var scope = app.Database.Scope();
        await app.Database.Get<SeedDemoCatalog>(scope).HandleAsync(items);
        return app;
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task A_units_page_should_link_its_guide_catalog_reports_and_application_form(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await StartWithCatalogAsync();
        var address = ChromiumBrowser.Serve(app);
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var axe = await AxeCheck.OpenAsync(chromium, width, height);
        var code = SeedDemoData.CodeOf("yy");

        await page.GotoAsync($"{address}/units/{code}");
        var hub = page.GetByRole(AriaRole.Navigation, new() { Name = "本机关政府信息公开" });
        Assert.Equal(4, await hub.Locator("a").CountAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"portal-unit-hub-{width}.png"), FullPage = true });
        await AxeCheck.AssertNoSidewaysScrollAsync(page, $"unit hub at {width}");
        await axe.AssertCleanAsync(page, $"unit hub at {width}");

        await hub.GetByRole(AriaRole.Link, new() { NameRegex = new("^主动公开目录") }).ClickAsync();
        await page.WaitForURLAsync($"**/xxgk/{code}");
        Assert.Contains("青岚市映月区人民政府", await page.Locator("h1").InnerTextAsync());
        await page.GoBackAsync();
        await hub.GetByRole(AriaRole.Link, new() { NameRegex = new("^政府信息公开年报") }).ClickAsync();
        await page.WaitForURLAsync($"**/nb?unit={code}");
        Assert.Contains("青岚市映月区人民政府", await page.Locator("h1").InnerTextAsync());
        await page.GoBackAsync();
        await hub.GetByRole(AriaRole.Link, new() { NameRegex = new("^申请公开") }).ClickAsync();
        await page.WaitForURLAsync($"**/ysqgk/apply?unit={code}");
        Assert.Equal("青岚市映月区人民政府", (await page.Locator("select[name=UnitCode] option:checked").InnerTextAsync()).Trim());
        await axe.CloseAsync();
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_elder_mode_should_hold_across_pages_without_javascript_and_stay_accessible(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var address = ChromiumBrowser.Serve(app);
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var axe = await AxeCheck.OpenAsync(chromium, width, height);
        async Task<double> BodyTextSize() => double.Parse((await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontSize")).Replace("px", ""),
            System.Globalization.CultureInfo.InvariantCulture);

        await page.GotoAsync(address + "/xxgk");
        var normal = await BodyTextSize();
        await page.GetByRole(AriaRole.Link, new() { Name = "无障碍 / 长者模式" }).ClickAsync();
        // Back on the catalog in 长者模式 (waiting for the page, not its URL: it is /xxgk before the click too).
        await page.Locator("html.elder").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        Assert.EndsWith("/xxgk", page.Url);
        Assert.True(await BodyTextSize() > normal * 1.2, "长者模式 enlarges the text");
        await page.GotoAsync(address + "/");
        Assert.True(await BodyTextSize() > normal * 1.2, "长者模式 holds on the next page");
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "退出长者模式" }).IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"portal-home-elder-{width}.png"), FullPage = true });
        await AxeCheck.AssertNoSidewaysScrollAsync(page, $"elder home at {width}");
        await axe.AssertCleanAsync(page, $"elder home at {width}");

        await page.GetByRole(AriaRole.Link, new() { Name = "退出长者模式" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "无障碍 / 长者模式" }).WaitForAsync();
        Assert.Equal(normal, await BodyTextSize());
        await axe.CloseAsync();
        await context.CloseAsync();
    }
}
