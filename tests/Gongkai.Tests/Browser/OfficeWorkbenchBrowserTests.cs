using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Web;
using Gongkai.Tests.Workbench;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>The 工作台 with its counts at 1366 and 390 px, without JavaScript: readable, axe-clean, each count leading to its list.</summary>
public class OfficeWorkbenchBrowserTests
{
    [Fact]
    public async Task The_workbench_should_show_the_counts_and_lead_to_the_overdue_applications()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-admin", "yy", StaffRole.UnitAdmin);
        var (overdue, soon) = await WorkbenchTests.OneOverdueOneDueSoonAsync(app.Database);
        var address = ChromiumBrowser.Serve(app);

        foreach (var width in new[] { 1366, 390 })
        {
            var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(address + "/office/signin");
            await page.GetByLabel("用户名").FillAsync("yy-admin");
            await page.GetByLabel("密码").FillAsync(WebApp.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.GotoAsync(address + "/office");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"office-workbench-{width}.png"), FullPage = true });

            Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "今日待办" }).IsVisibleAsync());
            await AxeCheck.AssertNoSidewaysScrollAsync(page, $"workbench {width}");
            var axe = await AxeCheck.OpenAsync(chromium, width, 900);
            await axe.AssertCleanAsync(page, $"workbench {width}");

            await page.GetByRole(AriaRole.Link, new() { Name = "1 件申请已逾期" }).ClickAsync();
            var list = await page.Locator("table tbody").InnerTextAsync();
            Assert.Contains(overdue, list);
            Assert.DoesNotContain(soon, list);
            await axe.AssertCleanAsync(page, $"applications overdue {width}");
            await axe.CloseAsync();
            await context.CloseAsync();
        }
    }
}
