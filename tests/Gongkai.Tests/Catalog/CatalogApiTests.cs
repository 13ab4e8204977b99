using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Cli;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Catalog;

/// <summary>The catalog API (editing workflow and public reading) and `gongkai catalog screen`.</summary>
public class CatalogApiTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_should_draft_submit_and_publish_through_the_api_and_the_public_read_it(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("editor", "st", StaffRole.CatalogEditor, StaffRole.CatalogReviewer);
        app.Database.Clock.SetToday(new DateOnly(2024, 7, 1));
        var staff = await app.SignedInAsync("editor");

        var bad = await staff.PostAsJsonAsync("/api/v1/office/catalog", new { unit = SeedDemoData.CodeOf("st"), title = "", formedOn = "2024-06-28", theme = "无此分类", genre = "Poem" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("体裁无效", await bad.Content.ReadAsStringAsync());

        var created = await staff.PostAsJsonAsync("/api/v1/office/catalog", new
        {
            unit = SeedDemoData.CodeOf("st"),
            title = "松涛区2024年上半年财政预算执行情况",
            formedOn = "2024-06-28",
            theme = "财政、金融、审计",
            genre = "Report",
            body = "<p>上半年，全区一般公共预算收入……</p><script>alert(1)</script>",
            channels = new[] { "WeChat" },
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsync($"/api/v1/office/catalog/{id}/submit", null)).StatusCode);
        var published = JsonDocument.Parse(await (await staff.PostAsJsonAsync($"/api/v1/office/catalog/{id}/publish", new { })).Content.ReadAsStringAsync()).RootElement;
        var number = published.GetProperty("indexNumber").GetString()!;
        Assert.Equal($"{SeedDemoData.CodeOf("st")}/2024-00001", number);

        var client = app.Browser();
        var list = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/catalog?unit={SeedDemoData.CityCode}&year=2024")).RootElement;
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        var item = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/catalog/{Uri.EscapeDataString(number)}")).RootElement;
        Assert.Equal("松涛区2024年上半年财政预算执行情况", item.GetProperty("row").GetProperty("title").GetString());
        Assert.DoesNotContain("<script>", item.GetProperty("body").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/catalog/000000000%2F2024-00001")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync($"/api/v1/office/catalog/{id}/withdraw", JsonContent.Create(new { reason = "x" }))).StatusCode);
    }

    [Fact]
    public async Task Catalog_screen_should_list_personal_data_in_published_items_masked()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice("关于公示拟表彰人选的通知", "<p>联系电话 13800138000</p>"));
        await using (var scope = db.Scope())
        {
            var reviewer = App.Accounts.StaffScope.System with { Roles = new HashSet<string> { StaffRole.CatalogReviewer } };
            await db.Get<App.Catalog.PublishCatalogItem>(scope).HandleAsync(new(item.Id, "公示期间需接受社会监督"), reviewer);
        }
        var run = await CliRun.RunAsync(db, "catalog", "screen");
        Assert.Equal(GongkaiCli.Done, run.ExitCode);
        Assert.Contains("手机号码\t138****8000\t关于公示拟表彰人选的通知", run.Out);
        Assert.DoesNotContain("13800138000", run.Out);
        Assert.Contains("共发现 1 处个人信息", run.Error);
    }
}
