using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Letters;

/// <summary>/api/v1/office/letters and /api/v1/office/mailboxes: the same rules as the pages, with Chinese problem details.</summary>
public class StaffLettersApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_should_page_the_inbox_take_steps_and_publish_through_the_api(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("city-letters", "city", StaffRole.LettersOfficer);
        var client = await app.SignedInAsync("city-letters");
        var opened = await client.PutAsJsonAsync("/api/v1/office/mailboxes", new { unit = SeedDemoData.CityCode, name = "市长信箱", introduction = "受理咨询、建议、投诉和求助。", isOpen = true });
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var mailboxes = await client.GetFromJsonAsync<JsonElement>("/api/v1/office/mailboxes");
        Assert.Equal("市长信箱", mailboxes[0].GetProperty("name").GetString());
        var nameless = await client.PutAsJsonAsync("/api/v1/office/mailboxes", new { unit = SeedDemoData.CityCode, name = "" });
        Assert.Contains("请填写信箱名称", await nameless.Content.ReadAsStringAsync());

        var letters = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var receipt = await OfficeLetterBuilder.WriteAsync(app.Database, "city", new DateOnly(2026, 3, 2 + i),
                OfficeLetterBuilder.Request($"道路积水问题{i}", $"第{i}处路口每逢下雨积水严重，行人无法通行，请尽快疏通。"));
            letters.Add(receipt.Id);
        }
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 9));
        var page = await client.GetFromJsonAsync<JsonElement>("/api/v1/office/letters?pageSize=2&page=2");
        Assert.Equal(3, page.GetProperty("total").GetInt32());
        Assert.Equal(letters[2], page.GetProperty("items")[0].GetProperty("id").GetGuid());
        var tooMany = await client.GetAsync("/api/v1/office/letters?pageSize=101");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("每页条数应为 1 至 100", await tooMany.Content.ReadAsStringAsync());

        var id = letters[0];
        var unknown = await client.PostAsJsonAsync($"/api/v1/office/letters/{id}/steps", new { kind = "Approve" });
        Assert.Contains("办理步骤无效", await unknown.Content.ReadAsStringAsync());
        var noReason = await client.PostAsJsonAsync($"/api/v1/office/letters/{id}/steps", new { kind = "Accepted", routing = "缓办" });
        Assert.Contains("缓办须说明理由", await noReason.Content.ReadAsStringAsync());
        foreach (var step in new object[]
        {
            new { kind = "Accepted", routing = "Immediate" },
            new { kind = "AnswerSubmitted", note = "来信人张三丰，身份证号 11010519491231002X，已为其办理。", files = new[] { new { fileName = "回执.pdf", contentBase64 = Convert.ToBase64String("%PDF-1.4 回执"u8.ToArray()) } } },
            new { kind = "Answered" },
        })
        {
            var done = await client.PostAsJsonAsync($"/api/v1/office/letters/{id}/steps", step);
            Assert.True(done.StatusCode == HttpStatusCode.OK, await done.Content.ReadAsStringAsync());
        }
        var details = await client.GetFromJsonAsync<JsonElement>($"/api/v1/office/letters/{id}");
        Assert.Equal("Answered", details.GetProperty("state").GetString());
        Assert.Equal(OfficeLetterBuilder.WriterPhone, details.GetProperty("phone").GetString());
        var file = details.GetProperty("attachments")[0];
        var download = await client.GetAsync(file.GetProperty("url").GetString());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);

        // 公开选登: an identity number and the writer's name are refused, naming the field; the edited text is published.
        var refused = await client.PostAsJsonAsync($"/api/v1/office/letters/{id}/publish", new { subject = "道路积水问题", content = "路口积水严重。", answer = details.GetProperty("answer").GetString() });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problems = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("个人信息", problems.GetProperty("errors").GetProperty("answer")[0].GetString());
        var published = await client.PostAsJsonAsync($"/api/v1/office/letters/{id}/publish", new { subject = "道路积水问题", content = "路口积水严重。", answer = "已为来信人办理。" });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.True((await client.GetFromJsonAsync<JsonElement>($"/api/v1/office/letters/{id}")).GetProperty("published").GetBoolean());

        var statsResponse = await client.GetAsync($"/api/v1/office/letters/stats?unit={SeedDemoData.CityCode}&year=2026&by=type");
        Assert.True(statsResponse.IsSuccessStatusCode, await statsResponse.Content.ReadAsStringAsync());
        var stats = await statsResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, stats.GetProperty("total").GetProperty("counts").GetProperty("Received").GetInt32());
        Assert.Equal(1, stats.GetProperty("total").GetProperty("counts").GetProperty("Published").GetInt32());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_supervisor_should_not_change_mailboxes_and_a_bureau_not_reach_another_bureaus_letters(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await OfficeLetterBuilder.OpenMailboxAsync(app.Database, "zjj", "住建局局长信箱");
        await app.AddStaffAsync("inspector", "city", StaffRole.Supervisor);
        await app.AddStaffAsync("fgw-letters", "fgw", StaffRole.LettersOfficer);
        var letter = await OfficeLetterBuilder.WriteAsync(app.Database, "zjj", new DateOnly(2026, 3, 2));

        var inspector = await app.SignedInAsync("inspector");
        var denied = await inspector.PutAsJsonAsync("/api/v1/office/mailboxes", new { unit = SeedDemoData.CodeOf("zjj"), name = "局长信箱", isOpen = false });
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await inspector.GetAsync($"/office/mailboxes/edit?unit={SeedDemoData.CodeOf("zjj")}")).StatusCode);
        var details = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/office/letters/{letter.Id}");
        Assert.True(details.GetProperty("contactMasked").GetBoolean());
        Assert.Equal("张**", details.GetProperty("writerName").GetString());
        Assert.Equal(0, details.GetProperty("allowedSteps").GetArrayLength());

        var other = await app.SignedInAsync("fgw-letters");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/office/letters/{letter.Id}")).StatusCode);
        var step = await other.PostAsJsonAsync($"/api/v1/office/letters/{letter.Id}/steps", new { kind = "Accepted" });
        Assert.Equal(HttpStatusCode.NotFound, step.StatusCode);
        Assert.Equal(0, (await other.GetFromJsonAsync<JsonElement>("/api/v1/office/letters")).GetProperty("total").GetInt32());
    }
}
