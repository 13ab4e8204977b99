using Gongkai.App.Data;
using Gongkai.Tests.Reports;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

public class ReportBrowserTests
{
    [Fact]
    public async Task Staff_should_open_a_compiled_report_in_chromium_and_print_it()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(DatabaseProvider.Sqlite);
        var address = ChromiumBrowser.Serve(app);
        var page = await (await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN" })).NewPageAsync();

        await page.GotoAsync(address + "/office/signin");
        await page.GetByLabel("用户名").FillAsync("yy-officer");
        await page.GetByLabel("密码").FillAsync(WebApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("header.site nav").WaitForAsync();
        await page.GotoAsync(address + $"/office/reports?unit={OfficeReportTests.District}&year=2024&scope=jurisdiction");

        var table3 = page.GetByRole(AriaRole.Table, new() { Name = "三、收到和处理政府信息公开申请情况" });
        Assert.Equal("2", await table3.Locator("td[data-key='t3.received.total']").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "report.png"), FullPage = true });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header.site nav").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "report-print.png"), FullPage = true });
    }
}
