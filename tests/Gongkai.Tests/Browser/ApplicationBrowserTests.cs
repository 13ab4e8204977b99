using Gongkai.App.Data;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

public class ApplicationBrowserTests
{
    [Fact]
    public async Task A_citizen_should_apply_in_chromium_without_javascript_and_track_the_application()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 27));
        var address = ChromiumBrowser.Serve(app);
        // The public form must work with scripting off.
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(address + "/ysqgk");
        await page.GetByRole(AriaRole.Link, new() { Name = "在线提交申请" }).ClickAsync();
        await page.GetByLabel("向哪个行政机关申请").SelectOptionAsync(new SelectOptionValue { Label = "青岚市教育局" });
        await page.GetByLabel("姓名或名称").FillAsync("浏览器测试人");
        await page.GetByLabel("证件号码").FillAsync(ApplicationBuilder.SampleIdNumber);
        await page.GetByLabel("联系电话").FillAsync("0000-12345678");
        await page.GetByLabel("电子邮箱").FillAsync("browser@example.com");
        await page.GetByLabel("所需政府信息的名称、文号或者便于查询的其他特征性描述").FillAsync("2024年秋季学期义务教育学校招生划片方案");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "apply.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();

        Assert.Equal("申请已提交", await page.Locator("h1").InnerTextAsync());
        var code = await page.Locator("#tracking-code").InnerTextAsync();
        Assert.Contains("2024年10月30日", await page.Locator("main").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "receipt.png"), FullPage = true });

        await page.GotoAsync(address + "/ysqgk/track");
        await page.GetByLabel("查询码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
        var status = await page.Locator("main").InnerTextAsync();
        Assert.Contains("待确认", status);
        Assert.Contains("青岚市教育局", status);
        Assert.DoesNotContain("浏览器测试人", status);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "track.png"), FullPage = true });
    }
}
