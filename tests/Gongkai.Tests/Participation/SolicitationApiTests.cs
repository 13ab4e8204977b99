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

/// <summary>
/// 意见征集 end to end through the API and the public page: the minimum period by kind (../shared/domain/interaction-and-sites.md §2),
/// comments while open, moderation through the personal-data screen, the feedback's figures, and the unit scope.
/// </summary>
public class SolicitationApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rule_open_for_less_than_30_days_should_be_refused_by_article_15_unless_a_reason_is_given_and_the_reason_should_be_public(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        await app.AddStaffAsync("city-p", "city", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("city-p");
        var id = await CreateAsync(staff, "规章", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 12));

        var refused = await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/publish", new { });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("shortPeriodReason")[0].GetString();
        Assert.Contains("30 日", problem);
        Assert.Contains("《规章制定程序条例》第十五条", problem);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/hdjl/zjdc/{id}")).StatusCode);

        const string reason = "为赶在汛期前施行，征求意见期限缩短为 10 日。";
        var published = await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/publish", new { shortPeriodReason = reason });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var page = await app.Browser().GetPageAsync($"/hdjl/zjdc/{id}");
        Assert.Contains(reason, page.QuerySelector(".short-period")!.TextContent);
        Assert.Contains("《规章制定程序条例》第十五条", page.QuerySelector(".short-period")!.TextContent);
        var details = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/solicitations/{id}");
        Assert.Equal(reason, details.GetProperty("shortPeriodReason").GetString());
        Assert.Equal(3, details.GetProperty("articles").GetArrayLength());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Comments_should_be_taken_while_open_refused_after_close_and_never_show_the_commenters_contact(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        await app.AddStaffAsync("city-p", "city", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("city-p");
        var id = await PublishedAsync(staff, "其他", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9));
        var publicClient = app.Browser();

        var missing = await CommentAsync(publicClient, id, new { content = "建议延长开放时间。" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("姓名", errors.GetProperty("name")[0].GetString());
        Assert.Contains("联系电话或电子邮箱", errors.GetProperty("phone")[0].GetString());
        var noArticle = await CommentAsync(publicClient, id, new { article = 9, content = "建议延长开放时间。", name = "王小明", phone = "13912345678" });
        Assert.Contains("没有第9条", await noArticle.Content.ReadAsStringAsync());

        var created = await CommentAsync(publicClient, id, new
        {
            article = 2, name = "王小明", phone = "13912345678", email = "wxm@example.com",
            content = "我是王小明，住在公园旁边，电话 13912345678，身份证号 11010519491231002X，建议夏季开放到晚上十点。",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var commentId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Moderation: shown with the name, phone and identity number masked; the public never sees the contact.
        var shown = await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/comments/{commentId}/moderation", new { show = true });
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var shownText = (await shown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("shownContent").GetString()!;
        Assert.Contains("建议夏季开放到晚上十点", shownText);
        foreach (var secret in new[] { "王小明", "13912345678", "11010519491231002X" })
            Assert.DoesNotContain(secret, shownText);
        var json = await publicClient.GetStringAsync($"/api/v1/solicitations/{id}");
        var html = await publicClient.GetStringAsync($"/hdjl/zjdc/{id}");
        Assert.Contains("建议夏季开放到晚上十点", html);
        foreach (var secret in new[] { "王小明", "13912345678", "11010519491231002X", "wxm@example.com" })
        {
            Assert.DoesNotContain(secret, json);
            Assert.DoesNotContain(secret, html);
        }
        // Staff who handle participation see the contact.
        var office = await staff.GetFromJsonAsync<JsonElement>($"/api/v1/office/participation/solicitations/{id}");
        Assert.Equal("13912345678", office.GetProperty("comments")[0].GetProperty("phone").GetString());

        app.Database.Clock.SetToday(new DateOnly(2026, 3, 10));
        var late = await CommentAsync(publicClient, id, new { content = "建议延长开放时间。", name = "李四", phone = "13800000000" });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("已于 2026年3月9日 结束", await late.Content.ReadAsStringAsync());
        var closedPage = await publicClient.GetPageAsync($"/hdjl/zjdc/{id}");
        Assert.Null(closedPage.QuerySelector("#comment-form form"));
        Assert.Contains("已结束", closedPage.QuerySelector(".callout.closed")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_feedback_should_count_every_comment_received_and_group_the_reasons_once_the_period_is_over(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        await app.AddStaffAsync("city-p", "city", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("city-p");
        var id = await PublishedAsync(staff, "其他", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9));
        var comments = new List<Guid>();
        foreach (var text in new[] { "建议增加座椅。", "建议禁止遛狗。", "建议禁止放风筝。", "建议延长开放时间。" })
        {
            var r = await CommentAsync(app.Browser(), id, new { content = text, name = "张三", phone = "13800000000" });
            comments.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        var early = await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/feedback", new { text = "感谢参与。" });
        Assert.Contains("结束后才能公布", await early.Content.ReadAsStringAsync());

        app.Database.Clock.SetToday(new DateOnly(2026, 3, 10));
        staff = await app.SignedInAsync("city-p");   // a week later: a new session
        async Task Adopt(Guid comment, string adoption, string reason = "")
        {
            var r = await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/comments/{comment}/adoption", new { adoption, reason });
            Assert.True(r.StatusCode == HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        }
        var noReason = await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/comments/{comments[1]}/adoption", new { adoption = "未采纳" });
        var noReasonBody = await noReason.Content.ReadAsStringAsync();
        Assert.True(noReasonBody.Contains("请说明理由"), noReasonBody);
        await Adopt(comments[0], "采纳");
        await Adopt(comments[1], "未采纳", "超出本办法调整范围");
        await Adopt(comments[2], "NotAdopted", "超出本办法调整范围");
        var incomplete = await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/feedback", new { text = "感谢参与。" });
        Assert.Contains("还有 1 条意见未记录采纳情况", await incomplete.Content.ReadAsStringAsync());
        await Adopt(comments[3], "部分采纳", "夏季延长一小时");
        var published = await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/feedback", new { text = "共收到意见 4 条，经研究采纳情况如下。" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var feedback = (await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/solicitations/{id}")).GetProperty("feedback");
        Assert.Equal((4, 1, 1, 2), (feedback.GetProperty("received").GetInt32(), feedback.GetProperty("adopted").GetInt32(),
            feedback.GetProperty("partlyAdopted").GetInt32(), feedback.GetProperty("notAdopted").GetInt32()));
        var grouped = feedback.GetProperty("reasons").EnumerateArray().Single(r => r.GetProperty("adoption").GetString() == "NotAdopted");
        Assert.Equal(("超出本办法调整范围", 2), (grouped.GetProperty("text").GetString(), grouped.GetProperty("count").GetInt32()));
        var page = await app.Browser().GetPageAsync($"/hdjl/zjdc/{id}");
        Assert.Equal(["4", "1", "1", "2"], page.QuerySelectorAll(".feedback-figures tbody td").Select(td => td.TextContent));
        Assert.Contains("已反馈", (await app.Browser().GetPageAsync("/hdjl/zjdc")).QuerySelector(".solicitations")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_of_another_unit_should_neither_see_nor_act_on_a_solicitation(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        await app.AddStaffAsync("jyj-p", "jyj", StaffRole.LettersOfficer);
        await app.AddStaffAsync("yy-p", "yy", StaffRole.UnitAdmin);
        var owner = await app.SignedInAsync("jyj-p");
        var other = await app.SignedInAsync("yy-p");
        var id = await CreateAsync(owner, "其他", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9));

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/office/participation/solicitations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/publish", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/office/participation/solicitations/{id}")).StatusCode);
        var list = await other.GetFromJsonAsync<JsonElement>("/api/v1/office/participation/solicitations");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
        var mine = await owner.GetFromJsonAsync<JsonElement>("/api/v1/office/participation/solicitations");
        Assert.Contains(mine.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetGuid() == id);
    }
}
