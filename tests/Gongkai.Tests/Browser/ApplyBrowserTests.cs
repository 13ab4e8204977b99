using Gongkai.App.Data;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>The application form and its receipt in Chromium with scripting off, on a laptop (1366 px) and a phone (390 px).</summary>
public class ApplyBrowserTests
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task An_applicant_should_see_what_to_fill_apply_without_email_and_keep_the_receipt_after_a_reload(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 27));
        var address = ChromiumBrowser.Serve(app);
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var axe = await AxeCheck.OpenAsync(chromium, width, height);
        async Task CheckAsync(string name)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"apply-{name}-{width}.png"), FullPage = true });
            await AxeCheck.AssertNoSidewaysScrollAsync(page, $"{name} at {width} px");
            await axe.AssertCleanAsync(page, $"{name} at {width} px");
        }

        await page.GotoAsync(address + "/ysqgk/apply");
        // Required fields are marked before anything is submitted, and the marker is explained.
        Assert.True(await page.Locator(".required-legend").IsVisibleAsync());
        Assert.True(await page.Locator("label[for='Form_ApplicantName'] .required-mark").IsVisibleAsync());
        Assert.True(await page.Locator("label[for='Form_Phone'] .required-mark").IsVisibleAsync());
        Assert.Equal(0, await page.Locator("label[for='Form_Email'] .required-mark").CountAsync());
        Assert.Contains("“电子邮件”时必填", await page.Locator("#email-hint").InnerTextAsync());
        Assert.Equal("青岚市人民政府", (await page.GetByLabel("向哪个行政机关申请").Locator("option:checked").InnerTextAsync()).Trim());
        Assert.True(await page.Locator("#apply-notice").IsVisibleAsync());
        await CheckAsync("form");

        await page.GetByLabel("姓名或名称").FillAsync("浏览器测试人");
        await page.GetByLabel("证件号码").FillAsync(ApplicationBuilder.SampleIdNumber);
        await page.GetByLabel("联系电话").FillAsync("abc");
        await page.GetByLabel("所需政府信息的名称、文号或者便于查询的其他特征性描述").FillAsync("2024年秋季学期义务教育学校招生划片方案");
        await page.GetByLabel("获取信息的方式").SelectOptionAsync(new SelectOptionValue { Label = "当面领取" });
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        Assert.Contains("联系电话格式不正确", await page.Locator("[data-valmsg-for='Form.Phone']").InnerTextAsync());
        Assert.Equal("", await page.Locator("[data-valmsg-for='Form.Email']").InnerTextAsync());   // no e-mail asked for a pick-up
        await CheckAsync("phone-error");

        await page.GetByLabel("联系电话").FillAsync("0731-12345678");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交申请" }).ClickAsync();
        Assert.Equal("申请已提交", await page.Locator("h1").InnerTextAsync());
        var code = await page.Locator("#tracking-code").InnerTextAsync();
        var submitted = await page.Locator("#submitted").InnerTextAsync();
        foreach (var shown in new[] { "青岚市人民政府", "2024年秋季学期义务教育学校招生划片方案", "当面领取", "0731-12345678" })
            Assert.Contains(shown, submitted);
        Assert.DoesNotContain(code, page.Url);
        await CheckAsync("receipt");

        await page.ReloadAsync();
        Assert.Equal(code, await page.Locator("#tracking-code").InnerTextAsync());
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.True(await page.Locator("#submitted").IsVisibleAsync());
        Assert.False(await page.Locator(".actions.no-print").IsVisibleAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"apply-receipt-print-{width}.png"), FullPage = true });
        await axe.CloseAsync();
    }
}
