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

    [Fact]
    public async Task An_editor_should_enter_a_figure_on_the_form_and_follow_it_to_its_source_in_chromium()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-editor", "yy", Core.Accounts.StaffRole.CatalogEditor);
        var address = ChromiumBrowser.Serve(app);
        var page = await (await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN" })).NewPageAsync();
        await page.GotoAsync(address + "/office/signin");
        await page.GetByLabel("用户名").FillAsync("yy-editor");
        await page.GetByLabel("密码").FillAsync(WebApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Locator("header.site nav").WaitForAsync();

        await page.GotoAsync(address + $"/office/reports?unit={OfficeReportTests.District}&year=2024&scope=unit");
        await page.GetByRole(AriaRole.Link, new() { Name = "录入数字" }).ClickAsync();
        // Each input is named by its headers (aria-labelledby): 行政许可 × 本年处理决定数量.
        var licensing = page.Locator("input[name='f[t2.licensing.decisions]']");
        Assert.Contains("行政许可", await licensing.EvaluateAsync<string>("e => e.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent).join(' ')"));
        await licensing.FillAsync("128");
        await page.GetByLabel("数字来源说明").FillAsync("行政审批系统导出");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "report-figures.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存录入的数字" }).ClickAsync();

        var cell = page.Locator("td[data-key='t2.licensing.decisions']");
        Assert.Equal("128录", (await cell.InnerTextAsync()).Replace("\n", ""));
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "report-entered.png"), FullPage = true });
        await cell.Locator("a").ClickAsync();
        Assert.Contains("表二「行政许可」", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("行政审批系统导出", await page.Locator("table.grid").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "report-cell.png"), FullPage = true });
    }

    [Fact]
    public async Task Anyone_should_audit_a_pasted_report_in_chromium_and_see_each_finding_with_its_text()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var address = ChromiumBrowser.Serve(app);
        var page = await (await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false })).NewPageAsync();
        var xiangxi = Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Gongkai.Core.Tests", "Reports", "Reading", "Samples"))
            .Single(f => Path.GetFileName(f).StartsWith("xiangxi", StringComparison.Ordinal));

        await page.GotoAsync(address + "/tools/audit");
        await page.GetByLabel("报告全文").FillAsync(await File.ReadAllTextAsync(xiangxi));
        await page.GetByRole(AriaRole.Button, new() { Name = "审读" }).ClickAsync();
        Assert.Contains("湘西州", await page.Locator(".audit-result dl").InnerTextAsync());
        var errors = page.Locator("li.finding.error");
        Assert.Equal(2, await errors.CountAsync());
        Assert.Contains("四、行政复议数量", await errors.Nth(1).InnerTextAsync() + await errors.Nth(0).InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "audit.png"), FullPage = true });
    }

    [Fact]
    public async Task Anyone_should_upload_a_scanned_report_and_see_its_recognised_figures_marked_at_desktop_and_phone_widths()
    {
        var printed = await ScannedReports.District2024Async();
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var address = ChromiumBrowser.Serve(app);
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = 1366, Height = 900 } });
        var page = await context.NewPageAsync();
        var axe = await AxeCheck.OpenAsync(chromium, 1366, 900);

        await page.GotoAsync(address + "/tools/audit");
        await page.GetByLabel("或上传文件").SetInputFilesAsync(new FilePayload { Name = "扫描件.pdf", MimeType = "application/pdf", Buffer = printed.ScannedPdf });
        await page.GetByRole(AriaRole.Button, new() { Name = "审读" }).ClickAsync();
        await page.Locator(".audit-result").WaitForAsync();

        Assert.Contains("OCR", await page.Locator("p.ocr-note").InnerTextAsync());
        Assert.True(await page.Locator(".ocr-mark").CountAsync() > 0);
        Assert.Equal(0, await page.Locator("li.finding.error").CountAsync());   // what rests on recognised figures is a warning
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "audit-scanned-1366.png"), FullPage = true });
        await AxeCheck.AssertNoSidewaysScrollAsync(page, "scanned report at 1366 px");
        await axe.AssertCleanAsync(page, "scanned report at 1366 px");

        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, "audit-scanned-390.png"), FullPage = true });
        await AxeCheck.AssertNoSidewaysScrollAsync(page, "scanned report at 390 px");
    }
}
