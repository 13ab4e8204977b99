using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Letters;
using Gongkai.Tests.Letters;
using Gongkai.Tests.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>Writing a letter and querying it in Chromium with scripting off, on a laptop (1366 px) and a phone (390 px).</summary>
public class LettersBrowserTests
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task A_citizen_should_write_a_letter_without_javascript_and_query_it(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        var zjj = await PublicLetters.MailboxAsync(app.Database, "zjj", "住建局长信箱");
        await PublicLetters.MailboxAsync(app.Database, "yy", "映月区区长信箱");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 2));
        var published = await PublicLetters.PublishedAsync(app.Database, zjj, "小区停车位不足", "我们小区的停车位远远不够，晚上车辆停满消防通道。",
            "已督促物业重新规划停车位，并协调周边道路夜间停车。", LetterType.Complaint);
        await PublicLetters.CatalogItemAsync(app.Database, "青岚市2024年城镇老旧小区改造计划");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 30));
        var address = ChromiumBrowser.Serve(app);
        await app.Services.GetRequiredService<SearchFollower>().CatchUpAsync();
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        async Task ShotAsync(string name)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"letters-{name}-{width}.png"), FullPage = true });
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{name} at {width} px scrolls sideways");
        }

        await page.GotoAsync(address + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "互动交流", Exact = true }).ClickAsync();
        Assert.Equal("互动交流", await page.Locator("h1").InnerTextAsync());
        await ShotAsync("hdjl");
        await page.GetByRole(AriaRole.Link, new() { Name = "住建局长信箱" }).ClickAsync();
        await page.GetByLabel("标题").FillAsync("老旧小区改造增加停车位");
        await page.GetByLabel("来信内容").FillAsync("小区停车位远远不够，晚上车辆停满消防通道，老旧小区改造时能否增加车位？");
        await ShotAsync("write");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();

        var suggestions = page.Locator(".suggestions");
        Assert.Contains("小区停车位不足", await suggestions.InnerTextAsync());
        Assert.Contains("城镇老旧小区改造计划", await suggestions.InnerTextAsync());
        await ShotAsync("suggestions");
        await page.GetByRole(AriaRole.Link, new() { Name = "问题未解决，继续写信" }).ClickAsync();
        await page.GetByLabel("投诉").CheckAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "姓名" }).FillAsync("浏览器测试人");
        await page.GetByLabel("联系电话").FillAsync("13800005678");
        await page.GetByLabel("电子邮箱").FillAsync("browser@example.com");
        await page.GetByLabel("同意公开选登").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交来信" }).ClickAsync();

        Assert.Equal("来信已提交", await page.Locator("h1").InnerTextAsync());
        var code = await page.Locator("#query-code").InnerTextAsync();
        Assert.Equal("2024年10月23日", await page.Locator("#due-on").InnerTextAsync());   // 投诉: 13 working days, the National Day week skipped
        Assert.DoesNotContain(code, page.Url);
        await ShotAsync("receipt");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header.site nav").IsVisibleAsync());
        Assert.True(await page.Locator("#query-code").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"letters-receipt-print-{width}.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        await page.GotoAsync(address + "/hdjl/track");
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var status = await page.Locator("main").InnerTextAsync();
        Assert.Contains("待受理", status);
        Assert.Contains("老旧小区改造增加停车位", status);
        Assert.DoesNotContain("浏览器测试人", status);
        Assert.DoesNotContain(code, page.Url);
        await ShotAsync("track");

        await using (var scope = app.Database.Scope())
        {
            var id = app.Database.Get<GongkaiDb>(scope).Letters.Single(l => l.QueryCode == code).Id;
            await PublicLetters.AnswerAsync(app.Database, id, "老旧小区改造方案已包含停车位改建，贵小区列入明年改造计划，届时将增加约 60 个车位。");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        Assert.Contains("增加约 60 个车位", await page.Locator("dd.answer").InnerTextAsync());
        await ShotAsync("answered");
        await page.GetByLabel("基本满意").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        Assert.Contains("感谢您的评价", await page.Locator("[role=status]").InnerTextAsync());
        Assert.Contains("您的评价：基本满意", await page.Locator("main").InnerTextAsync());
        Assert.DoesNotContain(code, page.Url);

        await page.GotoAsync(address + "/hdjl/letters?type=" + Uri.EscapeDataString("投诉"));
        Assert.True(await page.GetByLabel("来信类型").IsVisibleAsync());   // filters set: shown unfolded
        await ShotAsync("list");
        await page.GetByRole(AriaRole.Link, new() { Name = "小区停车位不足" }).ClickAsync();
        Assert.EndsWith($"/hdjl/letters/{published.Number}", page.Url);
        Assert.Contains("张**", await page.Locator("main").InnerTextAsync());
        await ShotAsync("letter");

        await page.GotoAsync(address + "/hdjl/stats?year=2024");
        await ShotAsync("stats");
    }
}
