using System.Text.RegularExpressions;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Search;
using Gongkai.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>Search in Chromium with scripting off on the demo's items, on a laptop (1366 px) and a phone (390 px).</summary>
public partial class SearchBrowserTests
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task One_character_and_the_boxs_example_should_find_items_with_the_words_marked_in_titles(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        app.Database.Clock.SetToday(new DateOnly(2026, 12, 7));
        await using (var scope = app.Database.Scope())
            await app.Database.Get<SeedDemoCatalog>(scope).HandleAsync(600);   // the demo's items, as the app seeds them on first start
        var address = ChromiumBrowser.Serve(app);
        await app.Services.GetRequiredService<SearchFollower>().CatchUpAsync();
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var axe = await AxeCheck.OpenAsync(chromium, width, height);
        var box = page.Locator("main").GetByLabel("检索词");

        await page.GotoAsync(address + "/search");
        await box.FillAsync("汛");
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "检索", Exact = true }).ClickAsync();
        var first = page.Locator("ol.results li").First;
        Assert.Contains("汛", await first.InnerTextAsync());
        Assert.DoesNotContain("太短", await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"search-one-character-{width}.png"), FullPage = true });
        await AxeCheck.AssertNoSidewaysScrollAsync(page, $"search at {width} px");
        await axe.AssertCleanAsync(page, $"search at {width} px");

        // A word in a title is marked there as in the snippet.
        await page.GotoAsync(address + "/search?q=" + Uri.EscapeDataString("老旧小区"));
        Assert.Equal("老旧小区", await page.Locator("ol.results li a mark").First.InnerTextAsync());

        // The example the box gives finds something.
        var example = DocumentNumber().Match(await box.GetAttributeAsync("placeholder") ?? "");
        Assert.True(example.Success, "the box gives a 文号 as an example");
        await box.FillAsync(example.Value);
        await page.Locator("main").GetByRole(AriaRole.Button, new() { Name = "检索", Exact = true }).ClickAsync();
        Assert.Contains(example.Value, await page.Locator("ol.results li").First.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"search-example-{width}.png"), FullPage = true });
        await axe.AssertCleanAsync(page, $"search example at {width} px");
        await axe.CloseAsync();
    }

    [GeneratedRegex(@"[^、：\s]+〔\d{4}〕\d+号")]
    private static partial Regex DocumentNumber();
}
