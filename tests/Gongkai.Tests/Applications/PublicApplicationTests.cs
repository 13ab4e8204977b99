using System.Net;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Applications;

/// <summary>The public side of 依申请公开: the online form (第二十九条), the receipt, and tracking without personal data.</summary>
public class PublicApplicationTests
{
    private static Dictionary<string, string> Form(string idNumber = ApplicationBuilder.SampleIdNumber) => new()
    {
        ["UnitCode"] = SeedDemoData.CodeOf("zjj"),
        ["Form.ApplicantKind"] = "NaturalPerson",
        ["Form.ApplicantName"] = "测试申请人",
        ["Form.IdType"] = "ResidentIdCard",
        ["Form.IdNumber"] = idNumber,
        ["Form.Phone"] = "0000-12345678",
        ["Form.Email"] = "applicant@example.com",
        ["Form.Description"] = "2024年本市保障性住房分配名单的公示文件",
        ["Form.Form"] = "Electronic",
        ["Form.Delivery"] = "Email",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_citizen_should_apply_online_get_a_tracking_code_and_track_without_seeing_personal_data(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 26));
        var client = app.Browser();

        var posted = await client.PostFormAsync("/ysqgk/apply", Form());
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var receipt = await client.GetPageAsync(posted.Headers.Location!.ToString());
        var code = receipt.QuerySelector("#tracking-code")!.TextContent;
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.DoesNotContain(code, posted.Headers.Location.ToString());
        Assert.Contains("2024年10月29日", receipt.Body!.TextContent.Replace("\n", " "));   // if confirmed 2024-09-26: National Day week skipped

        var tracked = await client.PostFormAsync("/ysqgk/track", new() { ["code"] = code.ToLowerInvariant().Replace("-", " ") });
        var html = await tracked.Content.ReadAsStringAsync();
        Assert.Contains("待确认", html);
        Assert.Contains("青岚市住房和城乡建设局", html);
        foreach (var personal in new[] { "测试申请人", ApplicationBuilder.SampleIdNumber, "0000-12345678", "applicant@example.com", "保障性住房分配名单" })
            Assert.DoesNotContain(personal, html);

        var unknown = await client.PostFormAsync("/ysqgk/track", new() { ["code"] = "2222-2222-2222" });
        Assert.Contains("没有找到与该查询码对应的申请", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_wrong_id_number_should_be_shown_on_its_field_and_nothing_saved()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.Browser().PostFormAsync("/ysqgk/apply", Form("110105194912310021"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("校验码不符", page.QuerySelector("[data-valmsg-for='Form.IdNumber']")!.TextContent);
        Assert.Equal("测试申请人", page.QuerySelector("#Form_ApplicantName")!.GetAttribute("value"));
        await using var scope = app.Database.Scope();
        Assert.Equal(0, await app.Database.Get<GongkaiDb>(scope).Applications.CountAsync());
    }

    [Fact]
    public async Task Too_many_submissions_from_one_client_should_be_refused_with_429()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimits:PublicFormsPerMinute"] = "2" });
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await client.PostFormAsync("/ysqgk/track", new() { ["code"] = "2222-2222-2222" })).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/ysqgk/track")).StatusCode);
    }
}
