using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Gongkai.Tests.Participation;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>/jdhy (解读回应) in Chromium with scripting off, on a laptop (1366 px) and a phone (390 px): readable, no sideways scroll, axe-core clean (WCAG 2.1 AA).</summary>
public class ResponsesBrowserTests
{
    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task The_public_should_read_interpretations_press_conferences_and_responses(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var db = app.Database;
        db.Clock.SetToday(new DateOnly(2025, 7, 20));
        var city = await ResponseRecordsTests.ScopeOfAsync(db, "city");
        var day = new DateOnly(2025, 7, 10);
        var conference = await ResponseRecordsTests.ConferenceAsync(db, city, "city", day, principal: true, "青岚市2025年防汛工作新闻发布会");
        await ResponseRecordsTests.ResponseAsync(db, city, "city", day, ResponseChannel.PressConference, 20, "汛期地铁是否停运", conference.Id);
        await ResponseRecordsTests.ResponseAsync(db, city, "city", day, ResponseChannel.WeiboWeChat, 3, "网传自来水停供");
        await ParticipationData.InterpretationAsync(db, "city", day, InterpretationForms.Text | InterpretationForms.Graphics, "《青岚市防汛应急预案》图解");
        var address = ChromiumBrowser.Serve(app);
        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();

        await page.GotoAsync(address + "/");
        await page.GetByRole(AriaRole.Link, new() { Name = "解读回应", Exact = true }).ClickAsync();
        Assert.Equal("解读回应", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("图表图解", await page.Locator("#interpretations + table, section[aria-labelledby=interpretations]").First.InnerTextAsync());
        var conferenceText = await page.Locator($"#conference-{conference.Id}").InnerTextAsync();
        Assert.Contains("市长 李明（主要负责同志出席）", conferenceText);
        await page.GetByRole(AriaRole.Link, new() { Name = "见新闻发布会" }).ClickAsync();
        Assert.EndsWith($"#conference-{conference.Id}", page.Url);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"jdhy-{width}.png"), FullPage = true });
        await AxeCheck.AssertNoSidewaysScrollAsync(page, $"/jdhy at {width} px");
        await (await AxeCheck.OpenAsync(chromium, width, height)).AssertCleanAsync(page, $"/jdhy at {width} px");

        // Staff record a response by the office form (no script) and see it over the 5-hour target of a statement.
        await app.AddStaffAsync("city-letters", "city", Gongkai.Core.Accounts.StaffRole.LettersOfficer);
        var office = await (await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } })).NewPageAsync();
        await office.GotoAsync(address + "/office/signin");
        await office.GetByLabel("用户名").FillAsync("city-letters");
        await office.GetByLabel("密码").FillAsync(WebApp.Password);
        await office.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await office.GotoAsync(address + "/office/participation/responses/record");
        await office.GetByLabel("公众关切的事项").FillAsync("网传学校推迟开学");
        await office.GetByLabel("关切产生时间（北京时间）").FillAsync("2025-07-18T08:00");
        await office.GetByLabel("回应方式", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "发布声明" });
        await office.GetByLabel("回应时间（北京时间）").FillAsync("2025-07-18T16:00");
        await office.GetByLabel("回应内容").FillAsync("市教育局发布声明：按校历正常开学。");
        await office.GetByRole(AriaRole.Button, new() { Name = "保存（保存即公开）" }).ClickAsync();
        var row = office.Locator("table.responses tr", new() { HasText = "网传学校推迟开学" });
        Assert.Contains("超过时限（5 小时）", await row.InnerTextAsync());
        Assert.Contains("8 小时", await row.InnerTextAsync());
        await office.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"office-responses-{width}.png"), FullPage = true });
        await AxeCheck.AssertNoSidewaysScrollAsync(office, $"the office list at {width} px");
    }
}
