using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalog;

/// <summary>Attachments through the office pages, the public item page and download, and the API.</summary>
public class CatalogAttachmentPageTests
{
    private static readonly HtmlParser Parser = new();
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_editor_should_upload_on_the_edit_page_and_the_public_download_it_until_the_item_is_withdrawn(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, new Dictionary<string, string?> { ["Catalog:Attachments:MaxBytes"] = "10240" });
        await app.AddStaffAsync("editor", "yy", StaffRole.CatalogEditor);
        await app.AddStaffAsync("reviewer", "yy", StaffRole.CatalogReviewer);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await CatalogAttachmentTests.DraftAsync(app.Database, "映月区2024年度先进个人评选结果公示", "yy");
        var editor = await app.SignedInAsync("editor");
        var edit = $"/office/catalog/edit/{item.Id}";
        var upload = $"{edit}?handler=Attach";
        byte[] program = [(byte)'M', (byte)'Z', .. new byte[300]];

        var refused = await Page(await editor.PostFileAsync(upload, "Upload", "通知.pdf", program, edit));
        Assert.Contains("内容像是Windows 可执行程序", refused.QuerySelector("span[data-valmsg-for='Upload']")!.TextContent);
        Assert.Null(refused.QuerySelector("[data-valmsg-summary]"));   // shown next to the file field only
        Assert.Equal(item.Title, refused.QuerySelector("input[name='Form.Title']")!.GetAttribute("value"));
        var tooLarge = await Page(await editor.PostFileAsync(upload, "Upload", "扫描件.pdf", [.. "%PDF-1.7"u8, .. new byte[20_000]], edit));
        Assert.Equal("附件过大：20 KB，上限 10 KB。", tooLarge.QuerySelector("span[data-valmsg-for='Upload']")!.TextContent);

        var list = CatalogAttachmentTests.NameList();
        var uploaded = await editor.PostFileAsync(upload, "Upload", "2024年先进个人名单.xlsx", list, edit);
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var extra = await editor.PostFileAsync(upload, "Upload", "草稿.docx", AttachmentTextTests.Docx(AttachmentTextTests.Para("草稿")), edit);
        Assert.Equal(HttpStatusCode.Redirect, extra.StatusCode);
        var rows = (await editor.GetPageAsync(edit)).QuerySelectorAll("table.attachments tbody tr");
        Assert.Equal(["2024年先进个人名单.xlsx", "草稿.docx"], rows.Select(r => r.QuerySelector("td")!.TextContent));
        var draftId = rows[1].QuerySelector("input[name=attachmentId]")!.GetAttribute("value")!;
        var removed = await editor.PostFormAsync($"{edit}?handler=Detach", new() { ["attachmentId"] = draftId }, formPage: edit);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Single((await editor.GetPageAsync(edit)).QuerySelectorAll("table.attachments tbody tr"));

        var details = $"/office/catalog/{item.Id}";
        var staffLink = (await editor.GetPageAsync(details)).QuerySelector("ul.attachments a")!.GetAttribute("href")!;
        Assert.Equal(list, await editor.GetByteArrayAsync(staffLink));
        await editor.PostFormAsync($"{details}?handler=Submit", new(), formPage: details);
        var reviewer = await app.SignedInAsync("reviewer");
        Assert.Contains("附件《2024年先进个人名单.xlsx》：居民身份证号码：110105********002X", (await reviewer.GetPageAsync(details)).QuerySelector("section[aria-labelledby=privacy]")!.TextContent);
        var blocked = await Page(await reviewer.PostFormAsync($"{details}?handler=Publish", new() { ["Decision.LawfulReason"] = "" }, formPage: details));
        Assert.Contains("附件《2024年先进个人名单.xlsx》中发现居民身份证号码“110105********002X”", blocked.QuerySelector("[role=alert]")!.TextContent);
        var published = await reviewer.PostFormAsync($"{details}?handler=Publish", new() { ["Decision.LawfulReason"] = "评选结果公示须接受社会监督。" }, formPage: details);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        var number = $"{SeedDemoData.CodeOf("yy")}/2024-00001";
        var visitor = app.Browser();
        var link = (await visitor.GetPageAsync($"/xxgk/item/{number}")).QuerySelector("ol.attachments li")!;
        Assert.Equal($"2024年先进个人名单.xlsx（Excel 表格（.xlsx），{Math.Ceiling(list.Length / 1024.0)} KB）", link.TextContent);
        var href = link.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Matches("^/xxgk/attachments/[0-9a-f-]{36}$", href);
        var download = await visitor.GetAsync(href);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(XlsxType, download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("attachment", "2024年先进个人名单.xlsx"), (download.Content.Headers.ContentDisposition!.DispositionType, download.Content.Headers.ContentDisposition.FileNameStar));
        Assert.Equal(list, await download.Content.ReadAsByteArrayAsync());

        var json = JsonDocument.Parse(await visitor.GetStringAsync($"/api/v1/catalog/{Uri.EscapeDataString(number)}")).RootElement.GetProperty("attachments")[0];
        Assert.Equal(("2024年先进个人名单.xlsx", "Xlsx", list.Length, href),
            (json.GetProperty("name").GetString(), json.GetProperty("kind").GetString(), json.GetProperty("size").GetInt32(), json.GetProperty("url").GetString()));

        await reviewer.PostFormAsync($"{details}?handler=Withdraw", new() { ["Decision.Reason"] = "名单含个人信息，撤下处理。" }, formPage: details);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(href)).StatusCode);
        Assert.Null((await visitor.GetPageAsync($"/xxgk/item/{number}")).QuerySelector("ol.attachments"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/xxgk/attachments/{Guid.CreateVersion7()}")).StatusCode);
        Assert.Equal(list, await reviewer.GetByteArrayAsync(staffLink));   // staff still have it
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_should_add_and_remove_attachments_through_the_api_inside_their_subtree(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("editor", "st", StaffRole.CatalogEditor);
        await app.AddStaffAsync("yy-editor", "yy", StaffRole.CatalogEditor);
        app.Database.Clock.SetToday(new DateOnly(2024, 7, 1));
        var item = await CatalogAttachmentTests.DraftAsync(app.Database, "松涛区2024年上半年财政预算执行情况", "st");
        var staff = await app.SignedInAsync("editor");
        var url = $"/api/v1/office/catalog/{item.Id}/attachments";
        static MultipartFormDataContent File(string name, byte[] content) => new() { { new ByteArrayContent(content), "file", name } };

        var missing = await staff.PostAsJsonAsync(url, new { file = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("文件字段名为 file", await missing.Content.ReadAsStringAsync());
        var renamed = await staff.PostAsync(url, File("预算表.pdf", [(byte)'M', (byte)'Z', .. new byte[100]]));
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        var problem = JsonDocument.Parse(await renamed.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("Windows 可执行程序", problem.GetProperty("errors").GetProperty("file")[0].GetString());

        var added = await staff.PostAsync(url, File("预算执行情况表.xlsx", CatalogAttachmentTests.NameList()));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var attachment = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("预算执行情况表.xlsx", nameof(AttachmentKind.Xlsx)), (attachment.GetProperty("fileName").GetString(), attachment.GetProperty("kind").GetString()));
        var id = attachment.GetProperty("id").GetString();

        var outsider = await app.SignedInAsync("yy-editor");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync(url, File("表.xlsx", CatalogAttachmentTests.NameList()))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.DeleteAsync($"{url}/{id}")).StatusCode);
        await using var scope = app.Database.Scope();
        Assert.Equal(0, await app.Database.Get<GongkaiDb>(scope).CatalogAttachments.CountAsync());
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> Page(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }
}
