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
        Task<HttpResponseMessage> Upload(string name, byte[] content) =>
            editor.SubmitAsync(edit, "form.form", "button[formaction$='handler=Attach']", file: new("Upload", name, content));
        byte[] program = [(byte)'M', (byte)'Z', .. new byte[300]];

        var refused = await Page(await Upload("通知.pdf", program));
        Assert.Contains("内容像是Windows 可执行程序", refused.QuerySelector("span[data-valmsg-for='Upload']")!.TextContent);
        Assert.Null(refused.QuerySelector("[data-valmsg-summary]"));   // shown next to the file field only
        Assert.Equal(item.Title, refused.QuerySelector("input[name='Form.Title']")!.GetAttribute("value"));
        var tooLarge = await Page(await Upload("扫描件.pdf", [.. "%PDF-1.7"u8, .. new byte[20_000]]));
        Assert.Equal("附件过大：20 KB，上限 10 KB。", tooLarge.QuerySelector("span[data-valmsg-for='Upload']")!.TextContent);
        var none = await Page(await editor.SubmitAsync(edit, "form.form", "button[formaction$='handler=Attach']"));
        Assert.Equal("请选择要上传的文件。", none.QuerySelector("span[data-valmsg-for='Upload']")!.TextContent);

        var list = CatalogAttachmentTests.NameList();
        Assert.Equal(HttpStatusCode.Redirect, (await Upload("2024年先进个人名单.xlsx", list)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Upload("草稿.docx", AttachmentTextTests.Docx(AttachmentTextTests.Para("草稿")))).StatusCode);
        var rows = (await editor.GetPageAsync(edit)).QuerySelectorAll("table.attachments tbody tr");
        Assert.Equal(["2024年先进个人名单.xlsx", "草稿.docx"], rows.Select(r => r.QuerySelector("td")!.TextContent));
        var removed = await editor.SubmitAsync(edit, "form.form", "button[aria-label='删除附件 草稿.docx']");
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
    public async Task Uploading_or_removing_an_attachment_should_keep_what_was_typed_in_the_draft(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("editor", "yy", StaffRole.CatalogEditor);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await CatalogAttachmentTests.DraftAsync(app.Database, "映月区2024年度先进个人评选结果公示", "yy");
        var editor = await app.SignedInAsync("editor");
        var edit = $"/office/catalog/edit/{item.Id}";
        var typed = new Dictionary<string, string> { ["Form.Title"] = "映月区2024年度先进个人评选结果公示（更正）", ["Form.Body"] = "<p>评选结果见附件名单。</p>" };

        var uploaded = await editor.SubmitAsync(edit, "form.form", "button[formaction$='handler=Attach']", typed,
            new("Upload", "名单.docx", AttachmentTextTests.Docx(AttachmentTextTests.Para("先进个人名单"))));
        Assert.Equal((HttpStatusCode.Redirect, $"{edit}#attachments"), (uploaded.StatusCode, uploaded.Headers.Location?.OriginalString));
        var page = await editor.GetPageAsync(edit);                              // reloaded: the edits and the file are both there
        Assert.Equal(typed["Form.Title"], page.QuerySelector("input[name='Form.Title']")!.GetAttribute("value"));
        Assert.Equal(typed["Form.Body"], page.QuerySelector("textarea[name='Form.Body']")!.TextContent.Trim());
        Assert.Equal(["名单.docx"], page.QuerySelectorAll("table.attachments tbody tr td:first-child").Select(td => td.TextContent));
        Assert.Contains("已保存草稿“映月区2024年度先进个人评选结果公示（更正）”，上传了附件《名单.docx》。", page.QuerySelector("[role=status]")?.TextContent ?? "");

        typed["Form.Summary"] = "公示先进个人名单。";                              // removing one keeps the edits too
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitAsync(edit, "form.form", "button[aria-label='删除附件 名单.docx']", typed)).StatusCode);
        page = await editor.GetPageAsync(edit);
        Assert.Equal(typed["Form.Summary"], page.QuerySelector("textarea[name='Form.Summary']")!.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("table.attachments tbody tr"));

        // A title left blank: nothing is saved, the form comes back as typed, and the file field says why it was not kept.
        var blank = await Page(await editor.SubmitAsync(edit, "form.form", "button[formaction$='handler=Attach']",
            new() { ["Form.Title"] = "", ["Form.Summary"] = "又改了概述。" }, new("Upload", "名单.docx", AttachmentTextTests.Docx(AttachmentTextTests.Para("名单")))));
        Assert.Equal("又改了概述。", blank.QuerySelector("textarea[name='Form.Summary']")!.TextContent.Trim());
        Assert.Contains("附件《名单.docx》未上传", blank.QuerySelector("span[data-valmsg-for='Upload']")!.TextContent);
        Assert.NotNull(blank.QuerySelector("[data-valmsg-summary]"));
        await using var scope = app.Database.Scope();
        var db = app.Database.Get<GongkaiDb>(scope);
        Assert.Equal(("公示先进个人名单。", 0), (await db.CatalogItems.Where(i => i.Id == item.Id).Select(i => i.Summary).SingleAsync(),
            await db.CatalogAttachments.CountAsync()));
        Assert.Equal(["起草", "修改", "添加附件", "修改", "删除附件"],
            await db.Set<App.Catalog.CatalogLogEntry>().Where(e => e.ItemId == item.Id).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_draft_should_be_saved_with_the_file_chosen_in_the_same_post(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("editor", "yy", StaffRole.CatalogEditor);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 8));
        var editor = await app.SignedInAsync("editor");
        var typed = new Dictionary<string, string>
        {
            ["UnitCode"] = SeedDemoData.CodeOf("yy"),
            ["Form.Title"] = "映月区2024年第一季度财政收支情况",
            ["Form.Body"] = "<p>见附件。</p>",
            ["Form.FormedOn"] = "2024-05-06",
            ["Form.Theme"] = "综合政务\\其他",
        };
        var saved = await editor.SubmitAsync("/office/catalog/edit", "form.form", "button:not([formaction])", typed,
            new("Upload", "收支表.xlsx", CatalogAttachmentTests.NameList()));   // 保存草稿 with a file chosen: the file is kept too
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var details = saved.Headers.Location!.OriginalString;
        var page = await editor.GetPageAsync(details);
        Assert.Equal("映月区2024年第一季度财政收支情况", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("收支表.xlsx", page.QuerySelector("ul.attachments a")!.TextContent);
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
