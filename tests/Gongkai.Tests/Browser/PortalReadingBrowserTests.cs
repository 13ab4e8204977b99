using Gongkai.App.Search;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>The catalog list, the search page and an item page read on a laptop (1366 px) and a phone (390 px), scripting off.</summary>
public class PortalReadingBrowserTests
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_catalog_list_and_search_should_read_well_and_fold_their_filters_on_a_phone(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await PortalHomeBrowserTests.StartWithCatalogAsync();
        var address = ChromiumBrowser.Serve(app);
        await app.Services.GetRequiredService<SearchFollower>().CatchUpAsync();
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var axe = await AxeCheck.OpenAsync(chromium, width, height);
        var phone = width < 600;

        await page.GotoAsync(address + "/xxgk");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"portal-catalog-{width}.png"), FullPage = true });
        await AxeCheck.AssertNoSidewaysScrollAsync(page, $"catalog at {width}");
        await axe.AssertCleanAsync(page, $"catalog at {width}");
        // The agency reads as a name, not one character per line; no date is cut.
        var agency = await page.Locator("table.catalog tbody td[data-label=发布机构]").First.BoundingBoxAsync();
        Assert.True(agency!.Width > 150, $"agency cell {agency.Width} px wide");
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('table.catalog td.nowrap')].every(td => td.scrollWidth <= td.clientWidth + 1)"),
            "a date or document number is cut");
        Assert.Equal(!phone, await page.Locator("select[name=genre]").IsVisibleAsync());
        if (phone)
        {
            await page.Locator("details.filter-fold summary").ClickAsync();
            await page.Locator("select[name=genre]").SelectOptionAsync(new SelectOptionValue { Label = "规章" });
        }
        else
        {
            Assert.False(await page.Locator("details.filter-fold summary").IsVisibleAsync());
            await page.Locator("select[name=genre]").SelectOptionAsync(new SelectOptionValue { Label = "规章" });
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync("**/xxgk?*genre=Rule*");
        // Filtered: the filters stay open on a phone, so what was chosen shows.
        Assert.True(await page.Locator("select[name=genre]").IsVisibleAsync());

        await page.GotoAsync(address + "/search?q=" + Uri.EscapeDataString("政务公开"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"portal-search-{width}.png"), FullPage = true });
        Assert.Equal(!phone, await page.Locator("form.filters select[name=unit]").IsVisibleAsync());
        var firstResult = await page.Locator("ol.results").BoundingBoxAsync();
        if (phone)
            Assert.True(firstResult!.Y < height, "the first result shows on the phone's first screen");
        await AxeCheck.AssertNoSidewaysScrollAsync(page, $"search at {width}");
        await axe.AssertCleanAsync(page, $"search at {width}");
        await axe.CloseAsync();
        await context.CloseAsync();
    }

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task An_item_should_show_its_title_first_offer_print_text_size_and_a_qr_code(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await PortalHomeBrowserTests.StartWithCatalogAsync();
        var address = ChromiumBrowser.Serve(app);
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var axe = await AxeCheck.OpenAsync(chromium, width, height);

        // A 规章 is published with a cover text signed by the government and dated.
        await page.GotoAsync(address + "/xxgk?genre=Rule");
        await page.Locator("table.catalog tbody a").First.ClickAsync();
        await page.Locator("h1.item-title").WaitForAsync();
        var itemUrl = page.Url;
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"portal-item-{width}.png"), FullPage = true });
        var title = await page.Locator("h1").BoundingBoxAsync();
        var meta = await page.Locator("table.meta").BoundingBoxAsync();
        Assert.True(title!.Y < meta!.Y, "the title comes before the metadata");
        Assert.True(title.Y + title.Height < height / 2, "the title is in the top half of the first screen");
        var closing = page.Locator(".item-body p.closing");
        Assert.Equal(2, await closing.CountAsync());
        Assert.Equal("right", await closing.Last.EvaluateAsync<string>("e => getComputedStyle(e).textAlign"));
        Assert.Matches(@"^\d{4}年\d{1,2}月\d{1,2}日$", (await closing.Last.InnerTextAsync()).Trim());
        Assert.Equal("32px", await page.Locator(".item-body p:not(.closing)").First.EvaluateAsync<string>("e => getComputedStyle(e).textIndent"));
        var qr = page.GetByRole(AriaRole.Img, new() { Name = "本页地址的二维码，手机扫码阅读" });
        Assert.True(await qr.IsVisibleAsync());
        Assert.Contains("/xxgk/item/", await page.Locator("aside.item-address a").InnerTextAsync());
        Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).IsVisibleAsync());   // needs a script
        await AxeCheck.AssertNoSidewaysScrollAsync(page, $"item at {width}");
        await axe.AssertCleanAsync(page, $"item at {width}");

        // 字号: 大 holds on the next item too.
        var medium = await BodyFontSize(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "字号：大" }).ClickAsync();
        await page.WaitForURLAsync(itemUrl);
        Assert.True(await BodyFontSize(page) > medium * 1.15);
        Assert.Equal("true", await page.GetByRole(AriaRole.Link, new() { Name = "字号：大" }).GetAttributeAsync("aria-current"));
        await page.GotoAsync(address + "/xxgk?genre=NormativeDocument");
        await page.Locator("table.catalog tbody a").First.ClickAsync();
        await page.Locator("h1.item-title").WaitForAsync();
        Assert.True(await BodyFontSize(page) > medium * 1.15);
        // A 行政规范性文件's cover notice opens with its addressees, flush left (顶格).
        Assert.EndsWith("：", (await page.Locator(".item-body p.addressee").InnerTextAsync()).Trim());
        Assert.Equal("0px", await page.Locator(".item-body p.addressee").EvaluateAsync<string>("e => getComputedStyle(e).textIndent"));
        await AxeCheck.AssertNoSidewaysScrollAsync(page, $"large item at {width}");
        await axe.AssertCleanAsync(page, $"large item at {width}");
        await page.GetByRole(AriaRole.Link, new() { Name = "字号：小" }).ClickAsync();
        await page.Locator("a[aria-current=true]", new() { HasText = "小" }).WaitForAsync();
        Assert.True(await BodyFontSize(page) < medium);

        // Printed: no header, navigation or footer; black text; the page's address.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header.site").IsVisibleAsync());
        Assert.False(await page.Locator("footer.site").IsVisibleAsync());
        Assert.False(await page.Locator(".reading-tools").IsVisibleAsync());
        Assert.True(await page.Locator("aside.item-address a").IsVisibleAsync());
        Assert.Equal("rgb(0, 0, 0)", await page.Locator("h1").EvaluateAsync<string>("e => getComputedStyle(e).color"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"portal-item-print-{width}.png"), FullPage = true });
        await axe.CloseAsync();
        await context.CloseAsync();

        // With scripts on, the 打印 button shows.
        var scripted = await chromium.Browser.NewPageAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = width, Height = height } });
        await scripted.GotoAsync(itemUrl);
        await scripted.GetByRole(AriaRole.Button, new() { Name = "打印" }).WaitForAsync();
        await scripted.CloseAsync();
    }

    private static async Task<double> BodyFontSize(IPage page) =>
        double.Parse((await page.Locator(".item-body").EvaluateAsync<string>("e => getComputedStyle(e).fontSize")).Replace("px", ""),
            System.Globalization.CultureInfo.InvariantCulture);
}
