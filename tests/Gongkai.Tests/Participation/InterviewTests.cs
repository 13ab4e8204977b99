using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Gongkai.App.Data;
using Gongkai.App.Participation.Interviews;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Participation;

/// <summary>
/// 在线访谈 (issue 15; ../shared/domain/interaction-and-sites.md §2: questions before and during, moderated and answered,
/// the transcript and pictures published; reports count questions received and answered).
/// </summary>
public class InterviewTests
{
    private static readonly DateTimeOffset Starts = new(2026, 6, 10, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Questions_should_stay_hidden_until_moderated_and_be_shown_masked_never_with_the_askers_contact(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.Set(Starts.AddDays(-3));
        await app.AddStaffAsync("zjj-part", "zjj", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("zjj-part");
        var id = await ParticipationTestData.PublishedInterviewAsync(staff, Starts);

        var visitor = app.Browser();
        var empty = await visitor.PostFormAsync($"/hdjl/zxft/{id}", new() { ["Input.Content"] = "", ["Input.Name"] = "" });
        var emptyDoc = new HtmlParser().ParseDocument(await empty.Content.ReadAsStringAsync());
        Assert.Contains("请填写您的问题", emptyDoc.QuerySelector("#content-error")!.TextContent);
        var sent = await visitor.PostFormAsync($"/hdjl/zxft/{id}", new()
        {
            ["Input.Content"] = "我家在幸福小区，王小明，电话 13912345678，请问老旧小区改造什么时候加装电梯？",
            ["Input.Name"] = "王小明",
            ["Input.Phone"] = "13912345678",
            ["Input.Email"] = "xiaoming@example.com",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("您的提问已提交", (await visitor.GetPageAsync($"/hdjl/zxft/{id}")).QuerySelector("[role=status]")!.TextContent);
        var api = await ParticipationApi(app, id);
        Assert.Equal(1, api.GetProperty("interview").GetProperty("questionsReceived").GetInt32());
        Assert.Equal(0, api.GetProperty("questions").GetArrayLength());   // not shown before moderation
        Assert.DoesNotContain("加装电梯", await app.Browser().GetStringAsync($"/hdjl/zxft/{id}"));

        // Staff who handle participation see the asker and contact; the question is shown with personal data masked.
        var office = await staff.GetStringAsync($"/office/participation/interviews/{id}");
        Assert.Contains("13912345678", office);
        Assert.Contains("xiaoming@example.com", office);
        var question = await QuestionIdAsync(app, id);
        var shown = await staff.PostAsJsonAsync($"/api/v1/office/participation/interviews/{id}/questions/{question}/moderation", new { show = true });
        Assert.True(shown.StatusCode == HttpStatusCode.OK, await shown.Content.ReadAsStringAsync());
        app.Database.Clock.Set(Starts.AddMinutes(20));
        staff = await app.SignedInAsync("zjj-part");   // on the day of the interview
        var answered = await staff.PostAsJsonAsync($"/api/v1/office/participation/interviews/{id}/questions/{question}/answer",
            new { answer = "幸福小区已列入今年改造计划，加装电梯将在三季度启动。", answeredBy = "李建国" });
        Assert.True(answered.StatusCode == HttpStatusCode.OK, await answered.Content.ReadAsStringAsync());

        var html = await app.Browser().GetStringAsync($"/hdjl/zxft/{id}");
        Assert.Contains("请问老旧小区改造什么时候加装电梯", html);
        Assert.Contains("加装电梯将在三季度启动", html);
        api = await ParticipationApi(app, id);
        var list = await app.Browser().GetStringAsync("/api/v1/interviews");
        foreach (var text in new[] { html, api.GetRawText(), list })
        {
            Assert.DoesNotContain("13912345678", text);
            Assert.DoesNotContain("xiaoming@example.com", text);
            Assert.DoesNotContain("王小明", text);
        }
        Assert.Contains("网友", api.GetProperty("questions")[0].GetProperty("content").GetString());

        // A second question hidden with a reason: counted as received, never shown.
        var other = await app.Browser().PostFormAsync($"/hdjl/zxft/{id}", new() { ["Input.Content"] = "这是一条与访谈主题无关的广告内容，请联系。", ["Input.Name"] = "某人", ["Input.Email"] = "ad@example.com" });
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        var second = (await QuestionIdsAsync(app, id))[1];
        var noReason = await staff.PostAsJsonAsync($"/api/v1/office/participation/interviews/{id}/questions/{second}/moderation", new { show = false });
        Assert.Contains("请说明不予公开的理由", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/office/participation/interviews/{id}/questions/{second}/moderation", new { show = false, reason = "与访谈主题无关" })).StatusCode);

        var interviews = await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/interviews");
        var item = interviews.EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
        Assert.Equal(2, item.GetProperty("questionsReceived").GetInt32());
        Assert.Equal(1, item.GetProperty("questionsAnswered").GetInt32());
        Assert.Equal("Live", item.GetProperty("stage").GetString());
        Assert.True(item.GetProperty("guests")[0].GetProperty("principal").GetBoolean());
        Assert.DoesNotContain("广告内容", await app.Browser().GetStringAsync($"/hdjl/zxft/{id}"));

        // After the interview: no more questions (409 from the API, a notice on the page).
        app.Database.Clock.Set(Starts.AddHours(2));
        var late = await app.Browser().PostAsJsonAsync($"/api/v1/interviews/{id}/questions", new { name = "晚到", phone = "13800001111", content = "访谈结束了还能提问吗？" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Null((await app.Browser().GetPageAsync($"/hdjl/zxft/{id}")).QuerySelector("#Input_Content"));

        await using var scope = app.Database.Scope();
        var facts = await InterviewCounts.FactsAsync(app.Database.Get<GongkaiDb>(scope), "", 2026);
        var f = Assert.Single(facts).Facts;
        Assert.Equal((2, 1, true), (f.QuestionsReceived, f.QuestionsAnswered, f.PrincipalGuest));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_published_transcript_should_show_its_pictures_with_their_captions_as_alternative_text(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.Set(Starts.AddDays(-1));
        await app.AddStaffAsync("zjj-part", "zjj", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("zjj-part");
        var id = await ParticipationTestData.PublishedInterviewAsync(staff, Starts);
        var transcript = new { transcript = "主持人：各位网友，欢迎收看本期访谈。\n李建国：谢谢主持人，我来介绍今年的改造计划。", pictures = new[] { new { fileName = "访谈现场.png", contentBase64 = Convert.ToBase64String(ParticipationTestData.Png), caption = "李建国局长在访谈现场回答网友提问" } } };
        var early = await staff.PostAsJsonAsync($"/api/v1/office/participation/interviews/{id}/transcript", transcript);
        Assert.Contains("访谈尚未开始", await early.Content.ReadAsStringAsync());
        var noCaption = await staff.PostAsJsonAsync($"/api/v1/office/participation/interviews/{id}/transcript",
            new { transcript.transcript, pictures = new[] { new { fileName = "a.png", contentBase64 = Convert.ToBase64String(ParticipationTestData.Png), caption = "" } } });
        Assert.Contains("请填写图片说明", await noCaption.Content.ReadAsStringAsync());

        app.Database.Clock.Set(Starts.AddHours(2));
        staff = await app.SignedInAsync("zjj-part");
        var done = await staff.PostAsJsonAsync($"/api/v1/office/participation/interviews/{id}/transcript", transcript);
        Assert.True(done.StatusCode == HttpStatusCode.OK, await done.Content.ReadAsStringAsync());

        var page = await app.Browser().GetPageAsync($"/hdjl/zxft/{id}");
        var paragraphs = page.QuerySelectorAll(".transcript p").Select(p => p.TextContent).ToList();
        Assert.Contains("主持人：各位网友，欢迎收看本期访谈。", paragraphs);
        Assert.Contains("李建国：谢谢主持人，我来介绍今年的改造计划。", paragraphs);
        var img = page.QuerySelector(".transcript figure img")!;
        Assert.Equal("李建国局长在访谈现场回答网友提问", img.GetAttribute("alt"));
        var picture = await app.Browser().GetAsync(img.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, picture.StatusCode);
        Assert.Equal("image/png", picture.Content.Headers.ContentType!.MediaType);
        Assert.Equal(ParticipationTestData.Png, await picture.Content.ReadAsByteArrayAsync());
        Assert.Contains("文字实录", page.QuerySelector(".interview-stage")!.TextContent);
        var past = await app.Browser().GetPageAsync("/hdjl/zxft");
        Assert.Contains("已发布", past.QuerySelector("table.past tbody tr")!.TextContent);

        // Withdrawn: the page and its pictures are gone from the public.
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/office/participation/interviews/{id}/withdraw", new { reason = "嘉宾信息有误，核实后重新发布" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/hdjl/zxft/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(img.GetAttribute("src"))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_of_another_unit_should_neither_see_the_askers_nor_moderate_or_answer(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.Set(Starts.AddDays(-1));
        await app.AddStaffAsync("zjj-part", "zjj", StaffRole.LettersOfficer);
        await app.AddStaffAsync("fgw-part", "fgw", StaffRole.LettersOfficer);
        var id = await ParticipationTestData.PublishedInterviewAsync(await app.SignedInAsync("zjj-part"), Starts);
        var asked = await app.Browser().PostAsJsonAsync($"/api/v1/interviews/{id}/questions", new { name = "赵敏", phone = "13700002222", content = "改造期间停车怎么安排？" });
        Assert.Equal(HttpStatusCode.Created, asked.StatusCode);
        var question = await QuestionIdAsync(app, id);

        var other = await app.SignedInAsync("fgw-part");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/office/participation/interviews/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/office/participation/interviews/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/office/participation/interviews/{id}/questions/{question}/moderation", new { show = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/office/participation/interviews/{id}/questions/{question}/answer", new { answer = "越权答复", answeredBy = "李建国" })).StatusCode);

        await using var scope = app.Database.Scope();
        var q = await app.Database.Get<GongkaiDb>(scope).InterviewQuestions.SingleAsync();
        Assert.Equal((Core.Participation.ContributionState.Pending, ""), (q.State, q.Answer));
    }

    private static async Task<JsonElement> ParticipationApi(WebApp app, Guid id) => await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/interviews/{id}");

    private static async Task<Guid> QuestionIdAsync(WebApp app, Guid interview) => (await QuestionIdsAsync(app, interview))[0];

    private static async Task<List<Guid>> QuestionIdsAsync(WebApp app, Guid interview)
    {
        await using var scope = app.Database.Scope();
        return await app.Database.Get<GongkaiDb>(scope).InterviewQuestions.Where(q => q.InterviewId == interview).OrderBy(q => q.SubmittedAt).Select(q => q.Id).ToListAsync();
    }
}
