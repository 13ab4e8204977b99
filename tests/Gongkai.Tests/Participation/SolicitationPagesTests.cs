using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Core.Participation;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using static Gongkai.Tests.Participation.SolicitationTestData;

namespace Gongkai.Tests.Participation;

/// <summary>The public comment form without JavaScript, and the overdue feedback on the office home and supervision pages.</summary>
public class SolicitationPagesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_comment_form_should_preselect_the_article_explain_problems_next_to_fields_and_take_the_comment(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        await app.AddStaffAsync("city-p", "city", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("city-p");
        var id = await PublishedAsync(staff, "其他", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9));
        var browser = app.Browser();

        var page = await browser.GetPageAsync($"/hdjl/zjdc/{id}?article=2");
        Assert.Equal("2", page.QuerySelector("#Input_Article option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#article-2 a[href*='article=2']"));

        var bad = await browser.PostFormAsync($"/hdjl/zjdc/{id}", new() { ["Input.Article"] = "2", ["Input.Content"] = "建议延长开放时间。" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var shown = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await bad.Content.ReadAsStringAsync());
        Assert.Contains("请填写姓名", shown.QuerySelector("#name-error")!.TextContent);
        Assert.Contains("联系电话或电子邮箱", shown.QuerySelector("#phone-error")!.TextContent);
        Assert.Equal("建议延长开放时间。", shown.QuerySelector("#Input_Content")!.TextContent);

        var good = await browser.PostFormAsync($"/hdjl/zjdc/{id}", new()
        {
            ["Input.Article"] = "2", ["Input.Content"] = "建议延长开放时间。", ["Input.Name"] = "李四", ["Input.Phone"] = "13800000000",
        });
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var after = await browser.GetPageAsync(good.Headers.Location!.ToString());
        Assert.Contains("您的意见已提交", after.QuerySelector("#comment-form")!.TextContent);
        var office = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/office/participation/solicitations/{id}");
        var comment = office.GetProperty("comments")[0];
        Assert.Equal((2, "Pending", "李四"), (comment.GetProperty("article").GetInt32(), comment.GetProperty("state").GetString(), comment.GetProperty("name").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_closed_solicitation_without_feedback_should_be_flagged_after_20_working_days_to_its_unit_and_supervisors_until_the_feedback_is_published(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        await app.AddStaffAsync("jyj-p", "jyj", StaffRole.LettersOfficer);
        await app.AddStaffAsync("city-sup", "city", StaffRole.Supervisor);
        await app.AddStaffAsync("yy-sup", "yy", StaffRole.Supervisor);
        var id = await PublishedAsync(await app.SignedInAsync("jyj-p"), "其他", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), unit: null);
        var due = FeedbackClock.DueOn(await CalendarAsync(app), new DateOnly(2026, 3, 9), FeedbackClock.DefaultWorkingDays);
        var link = $"a[href='/office/participation/solicitations/{id}']";

        app.Database.Clock.SetToday(due);
        Assert.Null((await (await app.SignedInAsync("jyj-p")).GetPageAsync("/office")).QuerySelector(link));
        Assert.Null((await (await app.SignedInAsync("city-sup")).GetPageAsync("/office/supervision")).QuerySelector(link));

        app.Database.Clock.SetToday(due.AddDays(1));
        var unit = await app.SignedInAsync("jyj-p");
        Assert.NotNull((await unit.GetPageAsync("/office")).QuerySelector($".overdue-feedback {link}"));
        Assert.NotNull((await (await app.SignedInAsync("city-sup")).GetPageAsync("/office/supervision")).QuerySelector($".overdue-feedback {link}"));
        Assert.Null((await (await app.SignedInAsync("yy-sup")).GetPageAsync("/office/supervision")).QuerySelector(link));
        var overdue = await unit.GetFromJsonAsync<JsonElement>("/api/v1/office/participation/solicitations?overdue=true");
        Assert.Equal(id, overdue.GetProperty("items")[0].GetProperty("id").GetGuid());

        var feedback = await unit.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/feedback", new { text = "征集期间未收到意见。" });
        Assert.Equal(HttpStatusCode.OK, feedback.StatusCode);
        Assert.Null((await unit.GetPageAsync("/office")).QuerySelector(link));
        Assert.Null((await (await app.SignedInAsync("city-sup")).GetPageAsync("/office/supervision")).QuerySelector(link));
    }
}

/// <summary>The office's own forms: a new draft, publishing with the short-period reason, and the list's filters.</summary>
public class OfficeSolicitationPagesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_should_draft_and_publish_a_solicitation_through_the_office_forms_giving_a_reason_for_a_short_period(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        await app.AddStaffAsync("city-p", "city", StaffRole.CatalogEditor);
        var staff = await app.SignedInAsync("city-p");

        var fields = new Dictionary<string, string>
        {
            ["Input.Title"] = "青岚市养犬管理规定（征求意见稿）", ["Input.Kind"] = "MajorDecision", ["Input.DraftText"] = SolicitationTestData.Draft,
            ["Input.OpensOn"] = "2026-03-02", ["Input.ClosesOn"] = "2026-03-16", ["Input.ShowComments"] = "true",
        };
        var empty = await staff.PostFormAsync("/office/participation/solicitations/new", new() { ["Input.Title"] = "", ["Input.Kind"] = "Rule" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("请填写征求意见稿正文", await empty.Content.ReadAsStringAsync());
        var saved = await staff.PostFormAsync("/office/participation/solicitations/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = saved.Headers.Location!.ToString();

        var refused = await staff.PostFormAsync(details + "?handler=Publish", new() { ["Form.ShortPeriodReason"] = "" }, details);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("《重大行政决策程序暂行条例》第十四条", text);
        Assert.Contains("不少于30 日", text);
        var published = await staff.PostFormAsync(details + "?handler=Publish", new() { ["Form.ShortPeriodReason"] = "配合全市文明城市创建节点。" }, details);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var open = await staff.GetPageAsync("/office/participation/solicitations?stage=Open");
        Assert.Contains("青岚市养犬管理规定（征求意见稿）", open.QuerySelector("table.solicitations")!.TextContent);
        var drafts = await staff.GetPageAsync("/office/participation/solicitations?stage=Draft");
        Assert.Null(drafts.QuerySelector("table.solicitations"));
        var id = details.Split('/').Last();
        fields["Input.ClosesOn"] = "2026-03-10";
        var shortened = await staff.PostFormAsync($"/office/participation/solicitations/{id}/edit", fields);
        Assert.Contains("不能修改正文、类别或期限", await shortened.Content.ReadAsStringAsync());
    }
}
