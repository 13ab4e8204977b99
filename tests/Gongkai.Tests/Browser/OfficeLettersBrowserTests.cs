using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Core.Letters;
using Gongkai.Tests.Letters;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>A bureau's clerk answers an assigned letter and the mailbox office approves and publishes it, in Chromium without JavaScript.</summary>
public class OfficeLettersBrowserTests
{
    [Fact]
    public async Task A_clerk_should_answer_and_the_office_approve_and_publish_a_letter_in_chromium()
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await OfficeLetterBuilder.OpenMailboxAsync(app.Database, "city", "市长信箱");
        await OfficeLetterBuilder.OpenMailboxAsync(app.Database, "zjj", "住建局局长信箱");
        await app.AddStaffAsync("city-letters", "city", StaffRole.LettersOfficer);
        await app.AddStaffAsync("zjj-clerk", "zjj", StaffRole.LettersOfficer);
        var letter = await OfficeLetterBuilder.WriteAsync(app.Database, "city", new DateOnly(2026, 3, 2));
        await OfficeLetterBuilder.WriteAsync(app.Database, "city", new DateOnly(2026, 3, 3),
            OfficeLetterBuilder.Request("公交线路调整建议", "建议增开至高铁站的夜班公交线路，方便晚到旅客出行。", LetterType.Suggestion));
        await OfficeLetterBuilder.StepAsync(app.Database, letter.Id, LetterEventKind.Accepted);
        await OfficeLetterBuilder.StepAsync(app.Database, letter.Id, LetterEventKind.Assigned, unitKey: "zjj");
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 5));
        var address = ChromiumBrowser.Serve(app);

        async Task<IPage> SignInAsync(string user, int width)
        {
            var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = 900 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(address + "/office/signin");
            await page.GetByLabel("用户名").FillAsync(user);
            await page.GetByLabel("密码").FillAsync(WebApp.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            return page;
        }
        async Task ShotAsync(IPage page, string name) =>
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"{name}.png"), FullPage = true });

        var clerk = await SignInAsync("zjj-clerk", 390);
        await clerk.GotoAsync(address + "/office/letters");
        await ShotAsync(clerk, "letters-inbox-390");
        await clerk.GetByRole(AriaRole.Link, new() { Name = letter.Number }).ClickAsync();
        await clerk.Locator("#answer-text").FillAsync("经查，该路口排水管道堵塞，已于3月5日疏通，并纳入汛前巡查。");
        await ShotAsync(clerk, "letter-answer-390");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交答复" }).ClickAsync();
        Assert.Contains("已办理：提交答复", await clerk.Locator("main").InnerTextAsync());

        var office = await SignInAsync("city-letters", 1366);
        await office.GotoAsync(address + "/office/letters");
        await ShotAsync(office, "letters-inbox-1366");
        await office.GetByRole(AriaRole.Link, new() { Name = letter.Number }).ClickAsync();
        await ShotAsync(office, "letter-review-1366");
        await office.GetByRole(AriaRole.Button, new() { Name = "审核通过并答复" }).ClickAsync();
        Assert.Contains("办理状态：已答复", await office.Locator(".status-box").InnerTextAsync());
        await office.GetByRole(AriaRole.Button, new() { Name = "公开选登" }).ClickAsync();
        Assert.Contains("已公开选登", await office.Locator("main").InnerTextAsync());
        await ShotAsync(office, "letter-published-1366");

        foreach (var (path, name) in new[] { ("/office/letters/stats", "letters-stats"), ("/office/mailboxes", "mailboxes"), ("/office/supervision", "supervision"), ($"/office/letters/{letter.Id}/notice", "letter-notice") })
        {
            await office.GotoAsync(address + path);
            await ShotAsync(office, $"{name}-1366");
            await office.SetViewportSizeAsync(390, 900);
            await ShotAsync(office, $"{name}-390");
            await office.SetViewportSizeAsync(1366, 900);
        }
        await using var scope = app.Database.Scope();
        Assert.True(app.Database.Get<GongkaiDb>(scope).Letters.Single(l => l.Id == letter.Id).Published);
    }
}
