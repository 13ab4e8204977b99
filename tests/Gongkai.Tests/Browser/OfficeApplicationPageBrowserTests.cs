using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>
/// The staff application page as an officer sees it without JavaScript at 1366 and 390 px: the request and its clock
/// come before any action form, and only the steps the application's state allows are offered.
/// </summary>
public class OfficeApplicationPageBrowserTests
{
    [Fact]
    public async Task The_application_page_should_show_the_request_first_and_only_the_steps_its_state_allows()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        var id = await AnswerDocumentTests.RecordAsync(app.Database);
        var address = ChromiumBrowser.Serve(app);

        foreach (var width in new[] { 1366, 390 })
        {
            var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(address + "/office/signin");
            await page.GetByLabel("用户名").FillAsync("yy-officer");
            await page.GetByLabel("密码").FillAsync(WebApp.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await page.GotoAsync(address + $"/office/applications/{id}");
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"office-application-{width}.png"), FullPage = true });

            // What was asked and when it is due are read before anything can be done to it.
            var request = await page.Locator("#request").BoundingBoxAsync();
            var clock = await page.Locator(".status-box").BoundingBoxAsync();
            var firstForm = await page.Locator("main form").First.BoundingBoxAsync();
            Assert.True(request!.Y < firstForm!.Y && clock!.Y < firstForm.Y, $"{width}: the request or its clock is below the first form");
            Assert.Contains("2024年本市老旧小区改造项目清单及资金安排", await page.Locator("section[aria-labelledby=request]").InnerTextAsync());
            Assert.Contains("答复期限", await page.Locator(".status-box").InnerTextAsync());
            if (width == 1366)
                Assert.True(request.Y < 900, $"the request starts at {request.Y} px, below the first screen");

            // 办理中: answering is open; confirming receipt, a correction received, a consultation ended, a payment are not.
            var buttons = await page.Locator("main form button[type=submit]").AllTextContentsAsync();
            Assert.Contains("答复并办结", buttons);
            Assert.Contains("确认延期答复", buttons);
            foreach (var invalid in new[] { "确认确认收到申请", "确认收到补正", "确认征求意见结束", "确认缴费", "补充文件" })
                Assert.DoesNotContain(invalid, buttons);
            // The less common steps are folded away until asked for.
            Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "答复并办结" }).IsVisibleAsync());
            Assert.False(await page.GetByRole(AriaRole.Button, new() { Name = "确认延期答复" }).IsVisibleAsync());
            await page.Locator("details.more-actions > summary").ClickAsync();
            Assert.True(await page.GetByRole(AriaRole.Button, new() { Name = "确认延期答复" }).IsVisibleAsync());

            await AxeCheck.AssertNoSidewaysScrollAsync(page, $"office application {width}");
            var axe = await AxeCheck.OpenAsync(chromium, width, 900);
            await axe.AssertCleanAsync(page, $"office application {width}");
            await axe.CloseAsync();
            await context.CloseAsync();
        }
    }
}
