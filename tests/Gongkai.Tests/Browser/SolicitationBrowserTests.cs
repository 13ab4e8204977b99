using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Participation;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>
/// 意见征集 in Chromium with scripting off, on a laptop (1366 px) and a phone (390 px): a member of the public comments on
/// an article; after the period closes the form is gone; the office publishes its feedback and the public page shows it.
/// Each public page passes axe-core (run in a second, scripted context on the same page) with no violation.
/// </summary>
public class SolicitationBrowserTests
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_public_should_comment_on_an_article_until_the_period_closes_and_then_read_the_feedback(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        var address = ChromiumBrowser.Serve(app);
        await app.AddStaffAsync("city-p", "city", StaffRole.LettersOfficer);
        var id = await SolicitationTestData.PublishedAsync(await app.SignedInAsync("city-p"), "规章", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9),
            reason: "为赶在汛期前施行，征求意见期限缩短为 7 日。");

        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var axe = await AxeCheck.OpenAsync(chromium, width, height);
        async Task CheckAsync(string name)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"solicitation-{name}-{width}.png"), FullPage = true });
            await AxeCheck.AssertNoSidewaysScrollAsync(page, $"{name} at {width} px");
            await axe.AssertCleanAsync(page, $"{name} at {width} px");
        }

        await page.GotoAsync(address + "/hdjl/zjdc");
        await CheckAsync("list");
        await page.GetByRole(AriaRole.Link, new() { Name = "青岚市城市公园管理办法（征求意见稿）" }).ClickAsync();
        Assert.Contains("为赶在汛期前施行", await page.Locator(".short-period").InnerTextAsync());
        await CheckAsync("open");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("对本条提意见\\s*（第二条）") }).ClickAsync();
        Assert.Equal("2", await page.Locator("#Input_Article").InputValueAsync());
        await page.GetByLabel("意见内容").FillAsync("建议夏季开放时间延长至晚上十点。");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "姓名" }).FillAsync("浏览器测试人");
        await page.GetByLabel("联系电话").FillAsync("13800005678");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交意见" }).ClickAsync();
        Assert.Contains("您的意见已提交", await page.Locator("#comment-form").InnerTextAsync());

        app.Database.Clock.SetToday(new DateOnly(2026, 3, 10));
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#comment-form").CountAsync());
        Assert.Contains("已结束", await page.Locator(".callout.closed").InnerTextAsync());
        await CheckAsync("closed");

        var staffContext = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = 900 } });
        var staff = await staffContext.NewPageAsync();
        await staff.GotoAsync(address + "/office/signin");
        await staff.GetByLabel("用户名").FillAsync("city-p");
        await staff.GetByLabel("密码").FillAsync(WebApp.Password);
        await staff.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await staff.GotoAsync(address + "/office/participation/solicitations");
        await staff.GetByRole(AriaRole.Link, new() { Name = "青岚市城市公园管理办法（征求意见稿）" }).ClickAsync();
        Assert.Contains("13800005678", await staff.Locator(".comments-office").InnerTextAsync());
        await staff.GetByLabel("采纳情况", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "部分采纳" });
        await staff.GetByLabel("理由（部分采纳、未采纳必填）").FillAsync("夏季延长开放一小时");
        await staff.GetByRole(AriaRole.Button, new() { Name = "记录" }).ClickAsync();
        Assert.Contains("已记录采纳情况", await staff.Locator("main").InnerTextAsync());
        await staff.GetByLabel("采纳情况说明").FillAsync("共收到意见 1 条，部分采纳。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "公布采纳情况" }).ClickAsync();
        Assert.Contains("采纳情况已公布", await staff.Locator("main").InnerTextAsync());
        await staff.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"solicitation-office-{width}.png"), FullPage = true });

        await page.ReloadAsync();
        var feedback = await page.Locator(".feedback").InnerTextAsync();
        Assert.Contains("共收到意见 1 条，部分采纳。", feedback);
        Assert.Contains("夏季延长开放一小时", feedback);
        Assert.DoesNotContain("浏览器测试人", await page.Locator("main").InnerTextAsync());
        await CheckAsync("feedback");
    }
}
