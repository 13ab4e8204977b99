using System.Net;
using System.Net.Http.Json;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Participation;
using Gongkai.Tests.Web;
using Microsoft.Playwright;

namespace Gongkai.Tests.Browser;

/// <summary>
/// 调查 and 在线访谈 in Chromium with scripting off, on a laptop (1366 px) and a phone (390 px): a member of the public
/// answers a survey and sees the thanks, reads published results, and follows an interview's transcript; every public
/// page passes axe-core (WCAG 2.1 A and AA rules) without a violation.
/// </summary>
public class SurveyInterviewBrowserTests
{
    private static readonly DateOnly Opens = new(2026, 5, 4), Closes = new(2026, 5, 20);

    [Theory]
    [InlineData(1366, 768)]
    [InlineData(390, 844)]
    public async Task A_member_of_the_public_should_answer_a_survey_and_follow_an_interview_transcript(int width, int height)
    {
        await using var chromium = await ChromiumBrowser.LaunchAsync();
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        app.Database.Clock.SetToday(Opens);
        var address = ChromiumBrowser.Serve(app);
        await app.AddStaffAsync("zjj-part", "zjj", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("zjj-part");
        var open = await ParticipationTestData.PublishedSurveyAsync(staff, Opens, Closes);
        var finished = await ParticipationTestData.PublishedSurveyAsync(staff, Opens, Opens.AddDays(1), "2026年社区服务满意度调查");
        foreach (var choice in new[] { "0", "0", "1" })
            await ParticipationTestData.AnswerAsync(app.Browser(), finished, new() { ["a0"] = choice, ["a1"] = "1" });
        var starts = new DateTimeOffset(2026, 5, 6, 10, 0, 0, TimeSpan.FromHours(8));
        var interview = await ParticipationTestData.PublishedInterviewAsync(staff, starts);
        Assert.Equal(HttpStatusCode.Created, (await app.Browser().PostAsJsonAsync($"/api/v1/interviews/{interview}/questions",
            new { name = "周敏", phone = "13600003333", content = "老旧小区改造期间居民停车怎么安排？" })).StatusCode);

        app.Database.Clock.Set(starts.AddHours(3));
        staff = await app.SignedInAsync("zjj-part");
        await using (var scope = app.Database.Scope())
        {
            var question = app.Database.Get<GongkaiDb>(scope).InterviewQuestions.Single().Id;
            Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/office/participation/interviews/{interview}/questions/{question}/answer",
                new { answer = "施工期间将开放周边学校操场夜间停车。", answeredBy = "李建国" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/office/participation/interviews/{interview}/transcript", new
        {
            transcript = "主持人：各位网友大家好，欢迎收看本期在线访谈。\n李建国：今年全市将改造老旧小区 120 个。",
            pictures = new[] { new { fileName = "现场.png", contentBase64 = Convert.ToBase64String(ParticipationTestData.Png), caption = "李建国局长在访谈现场" } },
        })).StatusCode);
        app.Database.Clock.SetToday(Opens.AddDays(3));
        staff = await app.SignedInAsync("zjj-part");
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/office/participation/surveys/{finished}/results", new { note = "多数居民对社区服务表示满意。" })).StatusCode);

        var context = await chromium.Browser.NewContextAsync(new() { Locale = "zh-CN", JavaScriptEnabled = false, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var axe = await AxeCheck.OpenAsync(chromium, width, height);
        async Task CheckAsync(string name)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumBrowser.Artifacts, $"participation-{name}-{width}.png"), FullPage = true });
            await AxeCheck.AssertNoSidewaysScrollAsync(page, $"{name} at {width} px");
            await axe.AssertCleanAsync(page, $"{name} at {width} px");
        }

        // The survey: choose, send, thanks.
        await page.GotoAsync($"{address}/hdjl/zjdc/dc/{open}");
        await CheckAsync("survey");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交答卷" }).ClickAsync();
        Assert.Contains("请选择一项", await page.Locator("#q0").InnerTextAsync());   // nothing chosen: the error is next to the question
        await CheckAsync("survey-errors");
        await page.GetByLabel("基本满意").CheckAsync();
        await page.GetByLabel("地铁").CheckAsync();
        await page.GetByLabel("骑行").CheckAsync();
        await page.GetByLabel("您还有什么建议？").FillAsync("希望地铁末班车延后。");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交答卷" }).ClickAsync();
        Assert.Contains("感谢您参与本次调查", await page.Locator("[role=status]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("form.survey-form").CountAsync());
        await CheckAsync("survey-thanks");

        // Published results: an SVG chart named by its title, and the numbers in a table.
        await page.GotoAsync($"{address}/hdjl/zjdc/dc/{finished}");
        Assert.Equal("第 1 题结果图：您对本市公共交通服务是否满意？", await page.GetByRole(AriaRole.Img).First.GetAttributeAsync("aria-labelledby") is { } ids
            ? await page.Locator("#" + ids.Split(' ')[0]).TextContentAsync() : null);
        Assert.Contains("66.7%", await page.Locator("table.survey-table").First.InnerTextAsync());
        await CheckAsync("survey-results");

        // The interview: from the list to the transcript, its picture, and the answered question.
        await page.GotoAsync($"{address}/hdjl/zxft");
        await CheckAsync("interviews");
        await page.GetByRole(AriaRole.Link, new() { Name = "解读城镇老旧小区改造政策" }).ClickAsync();
        var transcript = await page.Locator(".transcript").InnerTextAsync();
        Assert.Contains("今年全市将改造老旧小区 120 个", transcript);
        var picture = page.GetByRole(AriaRole.Img, new() { Name = "李建国局长在访谈现场" });
        // The picture loads (a lazy one once it is scrolled to; waited for, as a reader on a slow line would) and shows.
        await picture.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => [...document.images].every(i => i.complete && i.naturalWidth > 0)");
        Assert.True(await picture.IsVisibleAsync());
        var questions = await page.Locator(".interview-questions").InnerTextAsync();
        Assert.Contains("老旧小区改造期间居民停车怎么安排", questions);
        Assert.Contains("开放周边学校操场夜间停车", questions);
        Assert.DoesNotContain("周敏", await page.Locator("main").InnerTextAsync());
        await CheckAsync("interview");
    }
}
