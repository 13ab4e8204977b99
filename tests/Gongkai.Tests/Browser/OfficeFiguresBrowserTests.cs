using Gongkai.App.Data;
using Gongkai.Tests.Reports;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>The figures entry page fits 1366 px, scrolls its tables in a labelled region at 390 px, and imports an uploaded CSV all or nothing.</summary>
public class OfficeFiguresBrowserTests
{
    [Fact]
    public async Task The_figures_page_should_fit_the_screen_and_import_an_uploaded_csv()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-editor", "yy", Core.Accounts.StaffRole.CatalogEditor);
        var address = ChromiumBrowser.Serve(app);
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(address + "/office/signin");
        await page.GetByLabel("用户名").FillAsync("yy-editor");
        await page.GetByLabel("密码").FillAsync(WebApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        var url = address + $"/office/reports/figures?unit={OfficeReportTests.District}&year=2024&scope=unit";
        await page.GotoAsync(url);

        foreach (var width in new[] { 1366, 390 })
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"office-figures-{width}.png"), FullPage = true });
            await AxeCheck.AssertNoSidewaysScrollAsync(page, $"figures {width}");
            var axe = await AxeCheck.OpenAsync(chromium, width, 900);
            await axe.AssertCleanAsync(page, $"figures {width}");
            await axe.CloseAsync();
        }
        Assert.Equal("0", await page.GetByRole(AriaRole.Region, new() { Name = "年度报告各表的录入格（窄屏可左右滚动）" }).GetAttributeAsync("tabindex"));
        await page.SetViewportSizeAsync(1366, 900);

        // A file with a bad row: the rows are listed in Chinese and nothing is saved, the good row included.
        var code = OfficeReportTests.District;
        await page.GetByLabel("CSV 文件（不超过 5 MB）").SetInputFilesAsync(new FilePayload
        {
            Name = "figures.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"单位代码,年度,项目,数值\n{code},2024,t2.licensing.decisions,128\n{code},2024,t2.licensing.decisions2,十二\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        var errors = await page.Locator(".figures-import [role=alert]").InnerTextAsync();
        Assert.Contains("第 3 行 数值：「十二」不是数字。", errors);
        await using (var scope = app.Database.Scope())
            Assert.Equal(0, await app.Database.Get<GongkaiDb>(scope).ReportFigureEntries.CountAsync());

        await page.GetByLabel("CSV 文件（不超过 5 MB）").SetInputFilesAsync(new FilePayload
        {
            Name = "figures.csv", MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"单位代码,年度,项目,数值,来源说明\n{code},2024,t2.licensing.decisions,128,行政审批系统导出\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "导入", Exact = true }).ClickAsync();
        Assert.Contains("已导入 1 个数字", await page.Locator("main").InnerTextAsync());
        Assert.Equal("128", await page.Locator("input[name='f[t2.licensing.decisions]']").InputValueAsync());
    }
}
