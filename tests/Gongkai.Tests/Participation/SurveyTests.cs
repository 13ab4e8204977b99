using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Participation;

/// <summary>
/// 调查 (issue 15; ../shared/domain/interaction-and-sites.md §2: a questionnaire with a period, results published): one
/// answer per person by a cookie (best effort, no account), none after the period, results as counts, an SVG chart and a table.
/// </summary>
public class SurveyTests
{
    private static readonly DateOnly Opens = new(2026, 5, 4), Closes = new(2026, 5, 20);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_member_of_the_public_should_answer_once_be_refused_a_second_time_and_after_the_period(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(Opens);
        await app.AddStaffAsync("zjj-part", "zjj", StaffRole.LettersOfficer);
        var id = await ParticipationTestData.PublishedSurveyAsync(await app.SignedInAsync("zjj-part"), Opens, Closes);
        var visitor = app.Browser();

        var form = await visitor.GetPageAsync($"/hdjl/zjdc/dc/{id}");
        Assert.Equal(3, form.QuerySelectorAll("#q0 input[type=radio]").Length);
        Assert.Equal(3, form.QuerySelectorAll("#q1 input[type=checkbox]").Length);
        Assert.NotNull(form.QuerySelector("textarea#a2"));

        // A required question left out: the error is next to it, in Chinese, and nothing is stored.
        var missing = await ParticipationTestData.AnswerAsync(visitor, id, new() { ["a1"] = "0" });
        var missingDoc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await missing.Content.ReadAsStringAsync());
        Assert.Contains("请选择一项", missingDoc.QuerySelector("#q0")!.TextContent);
        Assert.True(missingDoc.QuerySelector("#q1 input[value='0']")!.HasAttribute("checked"));   // the choice made is kept

        var sent = await ParticipationTestData.AnswerManyAsync(visitor, id, [new("a0", "1"), new("a1", "0"), new("a1", "2"), new("a2", "希望增加夜班公交。")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var thanks = await visitor.GetPageAsync($"/hdjl/zjdc/dc/{id}");
        Assert.Contains("感谢您参与本次调查", thanks.QuerySelector("[role=status]")!.TextContent);
        Assert.Null(thanks.QuerySelector("form.survey-form"));

        // The same browser again: refused with a clear message, nothing stored.
        var again = await visitor.PostFormAsync($"/hdjl/zjdc/dc/{id}", new() { ["a0"] = "0", ["a1"] = "1" }, formPage: "/hdjl/track");   // the form kept open in another tab
        Assert.Contains("您已经参与过本次调查，每人只能作答一次", await again.Content.ReadAsStringAsync());
        Assert.Contains("您已经参与过本次调查", (await visitor.GetPageAsync($"/hdjl/zjdc/dc/{id}")).QuerySelector("#answered-notice")!.TextContent);

        // Another browser (another cookie) may answer.
        Assert.Equal(HttpStatusCode.Redirect, (await ParticipationTestData.AnswerAsync(app.Browser(), id, new() { ["a0"] = "0", ["a1"] = "1" })).StatusCode);

        // After the closing day: a closed notice instead of the form, and an answer is refused.
        app.Database.Clock.SetToday(Closes.AddDays(1));
        var late = app.Browser();
        var closed = await late.GetPageAsync($"/hdjl/zjdc/dc/{id}");
        Assert.Contains("本调查已于 2026年5月20日 结束", closed.QuerySelector("#closed-notice")!.TextContent);
        Assert.Null(closed.QuerySelector("form.survey-form"));
        var refused = await late.PostFormAsync($"/hdjl/zjdc/dc/{id}", new() { ["a0"] = "0", ["a1"] = "0" }, formPage: "/hdjl/track");   // a form kept open from before
        Assert.Contains("不再接收答卷", await refused.Content.ReadAsStringAsync());

        await using var scope = app.Database.Scope();
        var responses = await app.Database.Get<GongkaiDb>(scope).SurveyResponses.Where(r => r.SurveyId == id).ToListAsync();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.Matches("^[0-9a-f]{64}$", r.VoterKey));   // the cookie's token is stored only as its hash
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Published_results_should_show_counts_and_percentages_in_a_table_and_an_accessible_chart(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(Opens);
        await app.AddStaffAsync("zjj-part", "zjj", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("zjj-part");
        var id = await ParticipationTestData.PublishedSurveyAsync(staff, Opens, Closes);
        // 满意 ×2, 不满意 ×1; 公交 ×3, 地铁 ×1; one text answer.
        foreach (var answer in new KeyValuePair<string, string>[][]
        {
            [new("a0", "0"), new("a1", "0"), new("a1", "1"), new("a2", "请增开 8 路公交的班次")],
            [new("a0", "0"), new("a1", "0")],
            [new("a0", "2"), new("a1", "0")],
        })
            Assert.Equal(HttpStatusCode.Redirect, (await ParticipationTestData.AnswerManyAsync(app.Browser(), id, answer)).StatusCode);

        var early = await staff.PostAsJsonAsync($"/api/v1/office/participation/surveys/{id}/results", new { note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("截止后才能公布结果", await early.Content.ReadAsStringAsync());
        app.Database.Clock.SetToday(Closes.AddDays(2));
        staff = await app.SignedInAsync("zjj-part");   // the session of two weeks ago has expired
        var concluded = await staff.PostAsJsonAsync($"/api/v1/office/participation/surveys/{id}/results", new { note = "多数市民对公共交通服务表示满意。" });
        Assert.True(concluded.StatusCode == HttpStatusCode.OK, await concluded.Content.ReadAsStringAsync());

        var html = await app.Browser().GetStringAsync($"/hdjl/zjdc/dc/{id}");
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.Equal("3", doc.QuerySelector(".responses-total")!.TextContent);
        var rows = doc.QuerySelectorAll("table.survey-table")[0].QuerySelectorAll("tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["满意|2|66.7%", "基本满意|0|0.0%", "不满意|1|33.3%"], rows);
        var multi = doc.QuerySelectorAll("table.survey-table")[1].QuerySelectorAll("tbody tr").Select(r => string.Join("|", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal(["公交|3|100.0%", "地铁|1|33.3%", "骑行|0|0.0%"], multi);
        var charts = doc.QuerySelectorAll("svg[role=img]");
        Assert.Equal(2, charts.Length);
        var titleId = charts[0].GetAttribute("aria-labelledby")!.Split(' ')[0];
        Assert.Contains("您对本市公共交通服务是否满意", doc.GetElementById(titleId)!.TextContent);
        Assert.Contains("满意：2 人，占 66.7%", charts[0].QuerySelector("desc")!.TextContent);
        Assert.Contains("多数市民对公共交通服务表示满意", html);
        Assert.DoesNotContain("8 路公交", html);   // text answers are not published

        var api = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/surveys/{id}");
        Assert.Equal(3, api.GetProperty("responses").GetInt32());
        Assert.Equal(66.7m, api.GetProperty("questions")[0].GetProperty("results")[0].GetProperty("percent").GetDecimal());
        Assert.DoesNotContain("8 路公交", api.GetRawText());

        var office = await staff.GetStringAsync($"/office/participation/surveys/{id}");
        Assert.Contains("请增开 8 路公交的班次", office);   // staff read the text answers
        Assert.Contains("公布结果", office);   // the history
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_of_another_unit_or_without_a_participation_role_should_not_act_on_a_survey(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(Opens);
        await app.AddStaffAsync("zjj-part", "zjj", StaffRole.LettersOfficer);
        await app.AddStaffAsync("fgw-part", "fgw", StaffRole.LettersOfficer);
        await app.AddStaffAsync("zjj-apps", "zjj", StaffRole.ApplicationsOfficer);
        var id = await ParticipationTestData.PublishedSurveyAsync(await app.SignedInAsync("zjj-part"), Opens, Closes);

        var other = await app.SignedInAsync("fgw-part");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/office/participation/surveys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/office/participation/surveys/{id}/withdraw", new { reason = "越权" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/office/participation/surveys/{id}")).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<JsonElement>("/api/v1/office/participation/surveys")).EnumerateArray());
        var apps = await app.SignedInAsync("zjj-apps");
        Assert.Equal(HttpStatusCode.Forbidden, (await apps.PostAsJsonAsync($"/api/v1/office/participation/surveys/{id}/withdraw", new { reason = "无权" })).StatusCode);
        // A text answer with a phone number: as written to those who run the survey, masked to the unit's other staff.
        Assert.Equal(HttpStatusCode.Redirect, (await ParticipationTestData.AnswerManyAsync(app.Browser(), id,
            [new("a0", "0"), new("a1", "0"), new("a2", "请回电 13912345678 告知结果")])).StatusCode);
        Assert.Contains("13912345678", await (await app.SignedInAsync("zjj-part")).GetStringAsync($"/api/v1/office/participation/surveys/{id}"));
        var masked = await apps.GetStringAsync($"/api/v1/office/participation/surveys/{id}");
        Assert.DoesNotContain("13912345678", masked);
        Assert.Contains("请回电", masked);

        await using var scope = app.Database.Scope();
        var db = app.Database.Get<GongkaiDb>(scope);
        Assert.Equal(Core.Participation.ParticipationState.Published, (await db.Surveys.SingleAsync(s => s.Id == id)).State);
        Assert.Equal(["Created", "Published"], await db.ParticipationLog.Where(e => e.RecordId == id).OrderBy(e => e.Id).Select(e => e.Step.ToString()).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Answers_and_questions_from_one_address_should_be_rate_limited(DatabaseProvider provider)
    {
        await using var app = new WebApp(await TestDatabase.CreateAsync(provider), new Dictionary<string, string?> { ["RateLimits:PublicFormsPerMinute"] = "2" });
        app.Database.Clock.SetToday(Opens);
        await app.AddStaffAsync("zjj-part", "zjj", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("zjj-part");
        var id = await ParticipationTestData.PublishedSurveyAsync(staff, Opens, Closes);
        var interview = await ParticipationTestData.PublishedInterviewAsync(staff, new DateTimeOffset(2026, 5, 10, 10, 0, 0, TimeSpan.FromHours(8)));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await ParticipationTestData.AnswerAsync(app.Browser(), id, new() { ["a0"] = "0", ["a1"] = "0" })).StatusCode);
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        var asked = await app.Browser().PostAsJsonAsync($"/api/v1/interviews/{interview}/questions", new { name = "钱多", phone = "13300005555", content = "这一问超过了每分钟的限额。" });
        Assert.Equal(HttpStatusCode.TooManyRequests, asked.StatusCode);
    }
}
