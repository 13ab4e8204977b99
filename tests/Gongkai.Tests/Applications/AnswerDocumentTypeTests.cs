using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Core.Applications;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Applications;

/// <summary>
/// The documents released with an answer are what their content is (issue 13 §10): a web page renamed .pdf is refused, a
/// document is served as its detected type — downloaded unless a harmless PDF or an image — and a PDF that runs a script
/// goes out only when the officer confirms it, flagged on the application's document list.
/// </summary>
public class AnswerDocumentTypeTests
{
    private static readonly StaffScope Officer = StaffScope.System with { DisplayName = "办理人员", Roles = new HashSet<string> { StaffRole.ApplicationsOfficer } };

    private static readonly DateOnly Today = new(2024, 10, 8);

    private static readonly byte[] WebPage = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>fetch('/office/staff')</script></body></html>");

    private static async Task<Outcome<ApplicationLogEntry>> AnswerAsync(TestDatabase db, Guid id, bool confirmed, params ReleasedDocument[] documents)
    {
        await using var scope = db.Scope();
        return await db.Get<AnswerApplication>(scope).HandleAsync(new(id, Today, Outcome.Provided, "", documents, confirmed), Officer);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_web_page_renamed_pdf_should_be_refused_and_a_pdf_with_a_script_released_only_when_confirmed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await AnswerDocumentTests.RecordAsync(db);

        var page = await AnswerAsync(db, id, confirmed: true, new ReleasedDocument("清单.pdf", WebPage));
        Assert.Equal(OutcomeKind.Invalid, page.Kind);
        Assert.Contains("“清单.pdf”：文件内容与扩展名 .pdf 不符（内容像是网页（HTML）或其他文本）", Assert.Single(page.Problems).Message);

        var script = new ReleasedDocument("清单.pdf", TestPdf.WithOpeningScript());
        var unconfirmed = await AnswerAsync(db, id, confirmed: false, script);
        Assert.Equal(OutcomeKind.Invalid, unconfirmed.Kind);
        var problem = Assert.Single(unconfirmed.Problems);
        Assert.Equal((ReleasedDocument.ConfirmField, true), (problem.Field, problem.Message.Contains("“清单.pdf”含有JavaScript 脚本")));

        var confirmed = await AnswerAsync(db, id, confirmed: true, script);
        Assert.True(confirmed.Succeeded, string.Join("; ", confirmed.Problems));
        await using var scope = db.Scope();
        var context = db.Get<GongkaiDb>(scope);
        var stored = await context.ApplicationDocuments.AsNoTracking().SingleAsync(d => d.ApplicationId == id);
        Assert.Equal(("application/pdf", ActiveContent.JavaScript), (stored.ContentType, stored.ActiveContent));
        var entry = await context.Set<ApplicationLogEntry>().AsNoTracking().SingleAsync(e => e.ApplicationId == id && e.Kind == ApplicationEventKind.Answered);
        Assert.Equal("《清单.pdf》含有JavaScript 脚本，经办人已核实后提供", entry.Remark);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_document_should_be_downloaded_as_its_detected_type_and_only_a_harmless_pdf_shown_inline(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        var id = await AnswerDocumentTests.RecordAsync(app.Database);
        var url = $"/office/applications/{id}";
        var client = await app.SignedInAsync("yy-officer");
        var docx = AttachmentTextTests.Docx(AttachmentTextTests.Para("答复"));
        var xlsx = CatalogAttachmentTests.NameList();
        var plain = AttachmentTextTests.Pdf("Notice");

        async Task<HttpResponseMessage> PostAsync(bool confirm)
        {
            var token = (await client.GetPageAsync(url)).QuerySelector("form.answer input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("2024-10-08"), "Step.Date" },
                { new StringContent("Provided"), "Step.Outcome" },
            };
            if (confirm)
                form.Add(new StringContent("true"), "Step.ConfirmActiveContent");
            foreach (var (name, content, claimed) in new[]
            {
                ("答复.docx", docx, "text/html"), ("名单.xlsx", xlsx, "text/html"), ("告知.pdf", plain, "text/html"), ("表单.pdf", TestPdf.WithOpeningScript(), "application/pdf"),
            })
            {
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new(claimed);   // what the browser claims is never kept
                form.Add(file, "files", name);
            }
            return await client.PostAsync(url + "?handler=Answer", form);
        }

        var refused = await PostAsync(confirm: false);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("“表单.pdf”含有JavaScript 脚本", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(confirm: true)).StatusCode);

        var list = (await client.GetPageAsync(url)).QuerySelectorAll("#log ~ table a").Where(a => a.TextContent.StartsWith("附件："))
            .ToDictionary(a => a.TextContent["附件：".Length..]);
        Assert.Equal(["名单.xlsx", "告知.pdf", "答复.docx", "表单.pdf"], list.Keys.Order());
        Assert.Equal("含有JavaScript 脚本（已核实）", list["表单.pdf"].NextElementSibling!.TextContent);
        Assert.False(list["告知.pdf"].NextElementSibling?.ClassList.Contains("active-content") ?? false);
        async Task<(string? Type, string? Disposition, string? Sniff)> HeadersAsync(string name)
        {
            var response = await client.GetAsync(url + list[name].GetAttribute("href"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentDisposition?.DispositionType,
                response.Headers.TryGetValues("X-Content-Type-Options", out var v) ? v.Single() : null);
        }
        Assert.Equal(("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "attachment", "nosniff"), await HeadersAsync("答复.docx"));
        Assert.Equal(("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "attachment", "nosniff"), await HeadersAsync("名单.xlsx"));
        Assert.Equal(("application/pdf", "inline", "nosniff"), await HeadersAsync("告知.pdf"));
        Assert.Equal(("application/pdf", "attachment", "nosniff"), await HeadersAsync("表单.pdf"));   // a script: never in the portal's window
    }

    [Fact]
    public async Task A_document_stored_before_the_check_should_be_served_as_a_download_of_unknown_type()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        var id = await AnswerDocumentTests.RecordAsync(app.Database);
        var answered = await AnswerAsync(app.Database, id, confirmed: false, new ReleasedDocument("告知.pdf", AttachmentTextTests.Pdf("Notice")));
        Assert.True(answered.Succeeded);
        await using (var scope = app.Database.Scope())
        {
            // As the old check stored it: any content under an allowed extension, with the type the uploader claimed.
            await app.Database.Get<GongkaiDb>(scope).ApplicationDocuments.Where(d => d.ApplicationId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Content, WebPage).SetProperty(d => d.ContentType, "text/html"));
        }
        var client = await app.SignedInAsync("yy-officer");
        var url = $"/office/applications/{id}";
        var link = (await client.GetPageAsync(url)).QuerySelectorAll("a").Single(a => a.TextContent == "附件：告知.pdf").GetAttribute("href")!;

        var response = await client.GetAsync(url + link);

        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_staff_api_should_refuse_a_renamed_page_and_an_unconfirmed_script_and_list_the_flag(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        var id = await AnswerDocumentTests.RecordAsync(app.Database);
        var api = $"/api/v1/office/applications/{id}";
        var client = await app.SignedInAsync("yy-officer");
        object Answer(byte[] content, bool confirm) => new
        {
            date = "2024-10-08", outcome = "Provided", confirmActiveContent = confirm,
            documents = new[] { new { fileName = "清单.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(content) } },
        };
        async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        }

        Assert.Contains("内容像是网页", (await ErrorsAsync(await client.PostAsJsonAsync(api + "/answer", Answer(WebPage, true))))
            .GetProperty("documents")[0].GetString());
        Assert.Contains("含有JavaScript 脚本", (await ErrorsAsync(await client.PostAsJsonAsync(api + "/answer", Answer(TestPdf.WithOpeningScript(), false))))
            .GetProperty("confirmActiveContent")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync(api + "/answer", Answer(TestPdf.WithOpeningScript(), true))).StatusCode);

        var document = JsonDocument.Parse(await client.GetStringAsync(api)).RootElement.GetProperty("documents").EnumerateArray().Single();
        Assert.Equal(["JavaScript"], document.GetProperty("activeContent").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("JavaScript 脚本", document.GetProperty("activeContentName").GetString());
    }
}
