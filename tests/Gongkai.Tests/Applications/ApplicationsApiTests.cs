using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Applications;

/// <summary>The applications API: public submission and tracking, staff steps inside the subtree, errors by field in Chinese.</summary>
public class ApplicationsApiTests
{
    private static object Submission(string unitKey, string idNumber = ApplicationBuilder.SampleIdNumber) => new
    {
        unit = SeedDemoData.CodeOf(unitKey),
        applicantKind = "NaturalPerson",
        applicantName = "测试申请人",
        idType = "ResidentIdCard",
        idNumber,
        phone = "0000-12345678",
        email = "applicant@example.com",
        description = "本区2024年道路维修计划",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_submission_should_return_a_code_and_due_date_and_staff_should_work_it_through_the_api(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        await app.AddStaffAsync("st-officer", "st", StaffRole.ApplicationsOfficer);
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 27));

        var created = await app.Browser().PostAsJsonAsync("/api/v1/applications", Submission("yy-jyj"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var receipt = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var code = receipt.GetProperty("trackingCode").GetString()!;
        Assert.Equal(("2024-10-30", false), (receipt.GetProperty("dueDate").GetString(), receipt.GetProperty("dueDateFinal").GetBoolean()));

        var officer = await app.SignedInAsync("yy-officer");
        var inbox = JsonDocument.Parse(await officer.GetStringAsync("/api/v1/office/applications")).RootElement;
        var id = inbox.EnumerateArray().Single(a => a.GetProperty("trackingCode").GetString() == code).GetProperty("id").GetString();

        var outsider = await app.SignedInAsync("st-officer");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/office/applications/{id}/steps", new { kind = "Confirmed", date = "2024-09-27" })).StatusCode);
        Assert.Empty(JsonDocument.Parse(await outsider.GetStringAsync("/api/v1/office/applications")).RootElement.EnumerateArray());

        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/office/applications/{id}/steps", new { kind = "Confirmed", date = "2024-09-27" })).StatusCode);
        var answer = await officer.PostAsJsonAsync($"/api/v1/office/applications/{id}/answer", new { date = "2024-09-27", outcome = "NotHeld", reasons = "" });
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains("说明理由", await answer.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/v1/office/applications/{id}/answer",
            new { date = "2024-09-27", outcome = "NotHeld", reasons = "经检索，本机关未制作或获取该信息。" })).StatusCode);

        var tracked = await app.Browser().GetStringAsync($"/api/v1/applications/track/{code}");
        var status = JsonDocument.Parse(tracked).RootElement;
        Assert.Equal("Answered", status.GetProperty("state").GetString());
        Assert.Contains("本机关不掌握相关政府信息", status.GetProperty("outcomeName").GetString());
        foreach (var personal in new[] { "测试申请人", ApplicationBuilder.SampleIdNumber, "0000-12345678", "applicant@example.com", "道路维修", "经检索" })
            Assert.DoesNotContain(personal, tracked);
    }

    [Fact]
    public async Task Invalid_input_should_return_400_naming_each_bad_field_in_chinese()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        var bad = await client.PostAsJsonAsync("/api/v1/applications", Submission("jyj", "110105194912310021"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("校验码不符", errors.GetProperty("idNumber")[0].GetString());

        var kinds = await client.PostAsJsonAsync("/api/v1/applications", new { unit = SeedDemoData.CityCode, applicantKind = "Alien", applicantName = "x", idType = "ResidentIdCard", idNumber = "1", phone = "1", description = "12345" });
        Assert.Contains("申请人类型无效", JsonDocument.Parse(await kinds.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").GetProperty("applicantKind")[0].GetString());

        var notJson = await client.PostAsync("/api/v1/applications", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("请求格式不正确", await notJson.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/applications/track/2222-2222-2222")).StatusCode);
    }
}
