using System.Net;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Core.Participation;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Participation;

/// <summary>The office pages of surveys and interviews work without JavaScript: create, publish, moderate, answer, transcript with a picture; each step in the history.</summary>
public class OfficeParticipationPagesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_should_create_and_publish_a_survey_and_run_an_interview_through_the_pages(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.Set(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(8)));
        await app.AddStaffAsync("zjj-part", "zjj", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("zjj-part");

        var bad = await staff.PostFormAsync("/office/participation/surveys/edit", new()
        {
            ["Form.Title"] = "停车收费调查",
            ["Form.OpensOn"] = "2026-06-01",
            ["Form.ClosesOn"] = "2026-06-15",
            ["Form.Questions[0].Text"] = "您支持调整收费标准吗？",
            ["Form.Questions[0].Kind"] = "SingleChoice",
            ["Form.Questions[0].Options"] = "支持",
            ["Form.Questions[0].Required"] = "true",
        });
        Assert.Contains("选择题至少要有两个选项", await bad.Content.ReadAsStringAsync());
        var saved = await staff.PostFormAsync("/office/participation/surveys/edit", new()
        {
            ["Form.Title"] = "停车收费调查",
            ["Form.OpensOn"] = "2026-06-01",
            ["Form.ClosesOn"] = "2026-06-15",
            ["Form.Questions[0].Text"] = "您支持调整收费标准吗？",
            ["Form.Questions[0].Kind"] = "SingleChoice",
            ["Form.Questions[0].Options"] = "支持\n不支持\n无所谓",
            ["Form.Questions[0].Required"] = "true",
            ["Form.Questions[1].Text"] = "",
            ["Form.Questions[1].Kind"] = "SingleChoice",
            ["Form.Questions[1].Options"] = "",
            ["Form.Questions[1].Required"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var survey = saved.Headers.Location!.ToString();
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(survey + "?handler=Publish", new(), formPage: survey)).StatusCode);
        var surveyPage = await staff.GetPageAsync(survey);
        Assert.Contains("已发布", surveyPage.QuerySelector(".survey-state")!.TextContent);
        Assert.Equal(3, (await app.Browser().GetPageAsync($"/hdjl/zjdc/dc/{survey.Split('/')[^1]}")).QuerySelectorAll("#q0 input[type=radio]").Length);

        var created = await staff.PostFormAsync("/office/participation/interviews/edit", new()
        {
            ["Form.Title"] = "解读停车收费新政",
            ["Form.StartsAt"] = "2026-06-03T10:00",
            ["Form.EndsAt"] = "2026-06-03T11:00",
            ["Form.Guests[0].Name"] = "孙立",
            ["Form.Guests[0].Title"] = "市发展和改革委员会副主任",
            ["Form.Guests[0].Principal"] = "false",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var interview = created.Headers.Location!.ToString();
        var id = Guid.Parse(interview.Split('/')[^1]);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(interview + "?handler=Publish", new(), formPage: interview)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().PostFormAsync($"/hdjl/zxft/{id}", new()
        {
            ["Input.Content"] = "夜间停车是否免费？",
            ["Input.Name"] = "刘洋",
            ["Input.Phone"] = "13500004444",
        })).StatusCode);
        Guid question;
        await using (var scope = app.Database.Scope())
            question = await app.Database.Get<GongkaiDb>(scope).InterviewQuestions.Select(q => q.Id).SingleAsync();
        var queue = await staff.GetPageAsync(interview);
        Assert.Contains("刘洋", queue.QuerySelector($"#q{question} .asker")!.TextContent);
        Assert.Contains("13500004444", queue.QuerySelector($"#q{question} .asker")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync(interview + "?handler=Answer", new()
        {
            ["QuestionId"] = question.ToString(),
            ["AnsweredBy"] = "孙立",
            ["Answer"] = "夜间 20 时至次日 7 时路内停车免费。",
        }, formPage: interview)).StatusCode);

        app.Database.Clock.Set(new DateTimeOffset(2026, 6, 3, 12, 0, 0, TimeSpan.FromHours(8)));
        staff = await app.SignedInAsync("zjj-part");
        var form = await staff.GetPageAsync(interview);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("主持人：欢迎收看。\n孙立：我来介绍停车收费新政。"), "Transcript" },
            { new StringContent("孙立在访谈现场"), "PictureCaption" },
            { new ByteArrayContent(ParticipationTestData.Png), "Picture", "现场.png" },
        };
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(interview + "?handler=Transcript", body)).StatusCode);
        var published = await app.Browser().GetPageAsync($"/hdjl/zxft/{id}");
        Assert.Equal("孙立在访谈现场", published.QuerySelector(".transcript img")!.GetAttribute("alt"));
        Assert.Contains("夜间 20 时至次日 7 时路内停车免费", published.QuerySelector(".interview-questions")!.TextContent);

        var history = (await staff.GetPageAsync(interview)).QuerySelectorAll("table.history tbody tr").Select(r => r.Children[1].TextContent).ToList();
        Assert.Equal(new[] { ParticipationStep.Created, ParticipationStep.Published, ParticipationStep.Answered, ParticipationStep.Concluded }.Select(s => s.ChineseName()), history);
    }
}
