using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

public class PortalBrowserTests
{
    [Fact]
    public async Task The_portal_home_should_render_its_chinese_title_in_chromium()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var address = ChromiumBrowser.Serve(app);
        var page = await chromium.Browser.NewPageAsync(new() { Locale = "zh-CN" });

        await page.GotoAsync(address);
        Assert.Equal("青岚市人民政府 政府信息公开", await page.Locator("h1").InnerTextAsync());
        Assert.StartsWith("首页 - 青岚市人民政府", await page.TitleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "home.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "青岚市映月区人民政府" }).First.ClickAsync();
        // The guide's heading, once the click's navigation has replaced the home page (its h1 could be read before).
        await page.Locator("h1", new() { HasText = "政府信息公开指南" }).WaitForAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "guide-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task A_staff_member_should_sign_in_and_see_the_office()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-admin", "yy", StaffRole.UnitAdmin);
        var address = ChromiumBrowser.Serve(app);
        var page = await chromium.Browser.NewPageAsync(new() { Locale = "zh-CN" });

        await page.GotoAsync(address + "/office/units");
        Assert.Equal("工作人员登录", await page.Locator("h1").InnerTextAsync());
        await page.GetByLabel("用户名").FillAsync("yy-admin");
        await page.GetByLabel("密码").FillAsync(WebApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        // Commit, not load: the sign-in's redirect may finish loading before the wait begins on a busy machine.
        await page.WaitForURLAsync("**/office/units", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        Assert.Equal("单位管理", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("青岚市映月区望湖街道办事处", await page.Locator("table").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "office-units.png"), FullPage = true });

        await page.GotoAsync(address + "/office");
        Assert.Equal("工作台", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new("退出登录") }).ClickAsync();
        await page.WaitForURLAsync(address + "/", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.GotoAsync(address + "/office");
        Assert.Equal("工作人员登录", await page.Locator("h1").InnerTextAsync());
    }
}
