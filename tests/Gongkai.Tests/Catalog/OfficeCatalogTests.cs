using System.Net;
using AngleSharp.Html.Parser;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalog;

/// <summary>The office catalog pages: draft, submit, personal-data screen, publish, and who may see and do what.</summary>
public class OfficeCatalogTests
{
    private static readonly HtmlParser Parser = new();

    private static List<KeyValuePair<string, string>> Draft(string title, string body, params (string Key, string Value)[] changes)
    {
        var fields = new Dictionary<string, string>
        {
            ["UnitCode"] = SeedDemoData.CodeOf("yy-zjj"),
            ["Form.Title"] = title,
            ["Form.Summary"] = "公布2024年映月区老旧小区改造项目联系人。",
            ["Form.Body"] = body,
            ["Form.FormedOn"] = "2024-05-06",
            ["Form.DocumentNumber"] = "映住建发〔2024〕5号",
            ["Form.Theme"] = "城乡建设、环境保护",
            ["Form.Genre"] = "Notice",
            ["Form.Keywords"] = "老旧小区",
            ["Form.Attribute"] = "Proactive",
            ["Form.Validity"] = "InForce",
            ["Form.EffectiveOn"] = "",
            ["Form.RepealedOn"] = "",
            ["Form.InterpretsIndexNumber"] = "",
        };
        foreach (var (key, value) in changes)
            fields[key] = value;
        return [.. fields, new("Channels", "Gazette"), new("Channels", "WeChat")];
    }

    /// <summary>Posts fields as a browser does, a name possibly repeated (checkboxes), with the form page's anti-forgery token.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, List<KeyValuePair<string, string>> fields, string formPage)
    {
        var token = (await client.GetPageAsync(formPage)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(url, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    private static async Task<int> CountItemsAsync(WebApp app)
    {
        await using var scope = app.Database.Scope();
        return await app.Database.Get<GongkaiDb>(scope).CatalogItems.CountAsync();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_editor_should_draft_and_submit_and_a_reviewer_should_publish_past_the_personal_data_warning(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("editor", "yy", StaffRole.CatalogEditor);
        await app.AddStaffAsync("reviewer", "yy", StaffRole.CatalogReviewer);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 8));
        var editor = await app.SignedInAsync("editor");
        Assert.NotNull((await editor.GetPageAsync("/office/catalog")).QuerySelector("a[href='/office/catalog/edit']"));

        var bad = await PostAsync(editor, "/office/catalog/edit", Draft("", "<p>正文</p>",
            ("Form.Summary", new string('概', 101)), ("Form.Genre", "Rule"), ("Form.Theme", "")), "/office/catalog/edit");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var form = await ParseAsync(bad);
        string Error(string field) => form.QuerySelector($"span[data-valmsg-for='{field}']")!.TextContent;
        Assert.Contains("请填写名称", Error("Form.Title"));
        Assert.Contains("内容概述不能超过 100 字", Error("Form.Summary"));
        Assert.Contains("请选择主题分类", Error("Form.Theme"));
        Assert.Contains("规章须填写实施日期", Error("Form.EffectiveOn"));
        Assert.Equal(0, await CountItemsAsync(app));

        var body = "<p>联系人：王某，电话 13800138000。</p><script>alert(1)</script>";
        var submitted = await PostAsync(editor, "/office/catalog/edit?handler=Submit", Draft("映月区老旧小区改造项目联系人公示", body), "/office/catalog/edit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        var url = submitted.Headers.Location!.ToString();
        var mine = await editor.GetPageAsync(url);
        Assert.Contains("状态：待审核", mine.QuerySelector(".status-box")!.TextContent);
        Assert.Contains("政府公报、政府网站、政务微信", mine.Body!.TextContent);
        Assert.Null(mine.QuerySelector("#lawful-reason"));
        Assert.Contains("映月区老旧小区改造项目联系人公示", (await editor.GetPageAsync("/office/catalog?show=submitted")).QuerySelector("table")!.TextContent);

        var reviewer = await app.SignedInAsync("reviewer");
        Assert.Null((await reviewer.GetPageAsync("/office/catalog")).QuerySelector("a[href='/office/catalog/edit']"));
        var review = await reviewer.GetAsync(url);
        var html = await review.Content.ReadAsStringAsync();
        Assert.Contains("手机号码", html);
        Assert.Contains("138****8000", html);
        Assert.DoesNotContain("13800138000", html);
        Assert.DoesNotContain("<script>", (await ParseAsync(review)).QuerySelector(".item-body")!.InnerHtml);

        var blocked = await reviewer.PostFormAsync(url + "?handler=Publish", new() { ["Decision.LawfulReason"] = "" }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var warning = await ParseAsync(blocked);
        Assert.Contains("发现手机号码“138****8000”", warning.QuerySelector("[role=alert]")!.TextContent);
        Assert.NotNull(warning.QuerySelector("textarea#lawful-reason"));

        var published = await reviewer.PostFormAsync(url + "?handler=Publish",
            new() { ["Decision.LawfulReason"] = "经核查，该号码为项目办公开的办公电话。" }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var done = await reviewer.GetPageAsync(url);
        var number = $"{SeedDemoData.CodeOf("yy-zjj")}/2024-00001";
        Assert.Contains("状态：已发布", done.QuerySelector(".status-box")!.TextContent);
        Assert.Equal($"/xxgk/item/{number}", done.QuerySelector(".status-box a")!.GetAttribute("href"));
        Assert.Contains("个人信息核查说明", done.QuerySelector("table")!.TextContent);
        Assert.NotNull(done.QuerySelector("#withdraw-reason"));
        Assert.Null(done.QuerySelector("#revoke-reason"));   // a 通知 has no 有效性 to revoke

        var page = await app.Browser().GetAsync($"/xxgk/item/{number}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("映月区老旧小区改造项目联系人公示", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_editor_should_not_publish_even_by_a_forged_post()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("editor", "yy", StaffRole.CatalogEditor);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await CatalogWorkflowTests.SubmittedAsync(app.Database, CatalogWorkflowTests.Notice(), "yy");
        var editor = await app.SignedInAsync("editor");
        var url = $"/office/catalog/{item.Id}";

        var page = await editor.GetPageAsync(url);
        Assert.DoesNotContain(page.QuerySelectorAll("form"), f => f.GetAttribute("action")?.Contains("handler=Publish") == true);
        Assert.Null(page.QuerySelector("#lawful-reason"));
        var forged = await editor.PostFormAsync(url + "?handler=Publish", new() { ["Decision.LawfulReason"] = "x" }, formPage: url);
        // Forbidden: the cookie handler sends a signed-in account that may not act to the access-denied page.
        Assert.Equal(HttpStatusCode.Redirect, forged.StatusCode);
        Assert.Equal("/error/403", forged.Headers.Location!.AbsolutePath);
        Assert.Contains("状态：待审核", (await editor.GetPageAsync(url)).QuerySelector(".status-box")!.TextContent);
    }

    [Fact]
    public async Task A_district_account_should_not_open_or_act_on_another_districts_item()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-admin", "yy", StaffRole.UnitAdmin);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await CatalogWorkflowTests.SubmittedAsync(app.Database, CatalogWorkflowTests.Notice("松涛区防汛工作通知"), "st");
        var client = await app.SignedInAsync("yy-admin");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/office/catalog/{item.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/office/catalog/edit/{item.Id}")).StatusCode);
        var forged = await client.PostFormAsync($"/office/catalog/{item.Id}?handler=Publish", new(), formPage: "/office/catalog/edit");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.DoesNotContain("松涛区防汛工作通知", (await client.GetPageAsync("/office/catalog?show=all")).Body!.TextContent);
    }

    [Fact]
    public async Task A_late_publication_should_be_flagged_in_the_published_tab()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("reviewer", "city", StaffRole.CatalogReviewer);
        app.Database.Clock.SetToday(new DateOnly(2024, 6, 20));
        var late = await CatalogWorkflowTests.SubmittedAsync(app.Database, CatalogWorkflowTests.Notice());
        var onTime = await CatalogWorkflowTests.SubmittedAsync(app.Database, CatalogWorkflowTests.Notice("关于印发2024年政务公开工作要点的通知") with
        {
            FormedOn = new DateOnly(2024, 6, 18),
        });
        var client = await app.SignedInAsync("reviewer");
        foreach (var id in new[] { late.Id, onTime.Id })
            await client.PostFormAsync($"/office/catalog/{id}?handler=Publish", new(), formPage: $"/office/catalog/{id}");

        var rows = (await client.GetPageAsync("/office/catalog?show=published")).QuerySelectorAll("tbody tr")
            .ToDictionary(r => r.QuerySelector("td")!.TextContent.Trim(), r => r.TextContent);
        // 第二十六条: formed 2024-05-06, due 2024-05-31; published 2024-06-20, 13 working days late.
        Assert.Contains("超期发布", rows["青岚市人民政府关于做好2024年防汛工作的通知"]);
        Assert.DoesNotContain("超期发布", rows["关于印发2024年政务公开工作要点的通知"]);
        var details = (await client.GetPageAsync($"/office/catalog/{late.Id}")).QuerySelector(".status-box")!.TextContent;
        Assert.Contains("晚于第二十六条期限 13 个工作日", details);
    }
}
