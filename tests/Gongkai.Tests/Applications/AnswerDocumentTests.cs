using System.Net;
using System.Text.Json;
using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Applications;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Applications;

/// <summary>
/// An answer and the documents released with it are written together or not at all (条例第三十六条); a document
/// missing from an answer is added later by staff of the subtree, with the reason in the log.
/// </summary>
public class AnswerDocumentTests
{
    private static readonly StaffScope Officer = StaffScope.System with { DisplayName = "办理人员", Roles = new HashSet<string> { StaffRole.ApplicationsOfficer } };

    private static readonly DateOnly Today = new(2024, 10, 8);

    internal static async Task<Guid> RecordAsync(TestDatabase db, string unitKey = "yy-zjj")
    {
        db.Clock.SetToday(Today);
        await using var scope = db.Scope();
        var outcome = await db.Get<SubmitApplication>(scope).HandleAsync(
            new(SeedDemoData.CodeOf(unitKey), ApplicationBuilder.Person(), SubmissionChannel.InPerson, Today), Officer);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Value!.Id;
    }

    private static AnswerApplication.Input Answer(Guid id) =>
        new(id, Today, Outcome.Provided, "", [new("改造清单.pdf", "%PDF-1.4 清单"u8.ToArray())]);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_answer_whose_documents_fail_to_save_should_leave_the_application_open_to_be_answered_again(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await RecordAsync(db);

        // The documents' write fails (a full disk, a killed connection): nothing of the answer may stay.
        await using (var scope = db.Scope())
        {
            var context = db.Get<GongkaiDb>(scope);
            context.SavingChanges += (_, _) =>
            {
                if (context.ChangeTracker.Entries<ApplicationDocument>().Any(e => e.State == EntityState.Added))
                    throw new DbUpdateException("磁盘已满（测试）");
            };
            await Assert.ThrowsAsync<DbUpdateException>(() => db.Get<AnswerApplication>(scope).HandleAsync(Answer(id), Officer));
        }
        await using (var scope = db.Scope())
        {
            var context = db.Get<GongkaiDb>(scope);
            var application = await context.Applications.Include(a => a.Log).AsNoTracking().SingleAsync(a => a.Id == id);
            Assert.Equal(ApplicationState.InProgress, application.State);
            Assert.DoesNotContain(application.Log, e => e.Kind == ApplicationEventKind.Answered);
        }

        await using (var scope = db.Scope())
        {
            var again = await db.Get<AnswerApplication>(scope).HandleAsync(Answer(id), Officer);
            Assert.True(again.Succeeded, string.Join("; ", again.Problems));
        }
        await using (var scope = db.Scope())
        {
            var context = db.Get<GongkaiDb>(scope);
            Assert.Equal(ApplicationState.Answered, (await context.Applications.SingleAsync(a => a.Id == id)).State);
            Assert.Equal(["改造清单.pdf"], await context.ApplicationDocuments.Where(d => d.ApplicationId == id).Select(d => d.FileName).ToListAsync());
        }
    }

    private static async Task AnswerWithoutDocumentsAsync(TestDatabase db, Guid id)
    {
        await using var scope = db.Scope();
        var answered = await db.Get<AnswerApplication>(scope).HandleAsync(Answer(id) with { Documents = [] }, Officer);
        Assert.True(answered.Succeeded, string.Join("; ", answered.Problems));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_should_add_a_missing_document_to_an_answered_application_on_its_page(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        await app.AddStaffAsync("yy-supervisor", "yy", StaffRole.Supervisor);
        await app.AddStaffAsync("st-officer", "st", StaffRole.ApplicationsOfficer);
        var id = await RecordAsync(app.Database);
        var url = $"/office/applications/{id}";
        var client = await app.SignedInAsync("yy-officer");
        Assert.Null((await client.GetPageAsync(url)).QuerySelector("form.add-document"));   // not answered yet

        await AnswerWithoutDocumentsAsync(app.Database, id);
        Assert.NotNull((await client.GetPageAsync(url)).QuerySelector("form.add-document"));
        Assert.Null((await (await app.SignedInAsync("yy-supervisor")).GetPageAsync(url)).QuerySelector("form.add-document"));

        var noReason = await PostDocumentAsync(client, url, "改造清单.pdf", "%PDF-1.4 清单"u8.ToArray(), reason: "");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("请写明补充该文件的原因", await noReason.Content.ReadAsStringAsync());
        var wrongType = await PostDocumentAsync(client, url, "清单.exe", [1, 2, 3], "答复时漏附");
        Assert.Contains("不支持的附件类型：.exe", await wrongType.Content.ReadAsStringAsync());
        var outsider = await app.SignedInAsync("st-officer");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);

        var added = await PostDocumentAsync(client, url, "改造清单.pdf", "%PDF-1.4 清单"u8.ToArray(), "答复时系统故障，文件未能附上");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var page = await client.GetPageAsync(url);
        Assert.Contains("办理状态：已答复", page.QuerySelector(".status-box")!.TextContent);
        var row = page.QuerySelectorAll("#log ~ table tbody tr").Last();
        Assert.Contains("补充答复文件", row.TextContent);
        Assert.Contains("《改造清单.pdf》：答复时系统故障，文件未能附上", row.TextContent);
        Assert.Contains("测试yy-officer", row.TextContent);
        var link = row.QuerySelectorAll("a").Single(a => a.TextContent == "附件：改造清单.pdf").GetAttribute("href")!;
        Assert.Equal("%PDF-1.4 清单"u8.ToArray(), await client.GetByteArrayAsync(url + link));
    }

    private static async Task<HttpResponseMessage> PostDocumentAsync(HttpClient client, string url, string fileName, byte[] content, string reason)
    {
        var token = (await client.GetPageAsync(url)).QuerySelector("form.add-document input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(reason), "Step.Note" },
            { new ByteArrayContent(content), "file", fileName },
        };
        return await client.PostAsync(url + "?handler=AddDocument", form);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_staff_api_should_add_a_document_to_an_answered_application_and_explain_refusals(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-admin", "yy", StaffRole.UnitAdmin);
        await app.AddStaffAsync("yy-supervisor", "yy", StaffRole.Supervisor);
        await app.AddStaffAsync("st-officer", "st", StaffRole.ApplicationsOfficer);
        var id = await RecordAsync(app.Database);
        var api = $"/api/v1/office/applications/{id}";
        var admin = await app.SignedInAsync("yy-admin");

        static MultipartFormDataContent Upload(string? fileName, string reason)
        {
            var form = new MultipartFormDataContent { { new StringContent(reason), "reason" } };
            if (fileName is not null)
                form.Add(new ByteArrayContent("%PDF-1.4 清单"u8.ToArray()), "file", fileName);
            return form;
        }
        async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        }

        Assert.Contains("不能补充答复文件", (await ErrorsAsync(await admin.PostAsync(api + "/documents", Upload("清单.pdf", "漏附"))))
            .GetProperty("state")[0].GetString());
        await AnswerWithoutDocumentsAsync(app.Database, id);
        Assert.Contains("文件字段名为 file", (await ErrorsAsync(await admin.PostAsync(api + "/documents", Upload(null, "漏附"))))
            .GetProperty("file")[0].GetString());
        Assert.Contains("请写明补充该文件的原因", (await ErrorsAsync(await admin.PostAsync(api + "/documents", Upload("清单.pdf", " "))))
            .GetProperty("reason")[0].GetString());
        Assert.Contains("不支持的附件类型：.exe", (await ErrorsAsync(await admin.PostAsync(api + "/documents", Upload("清单.exe", "漏附"))))
            .GetProperty("file")[0].GetString());
        var outsider = await (await app.SignedInAsync("st-officer")).PostAsync(api + "/documents", Upload("清单.pdf", "漏附"));
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        Assert.Equal("application/problem+json", outsider.Content.Headers.ContentType!.MediaType);
        var supervisor = await (await app.SignedInAsync("yy-supervisor")).PostAsync(api + "/documents", Upload("清单.pdf", "漏附"));
        Assert.Equal(HttpStatusCode.Forbidden, supervisor.StatusCode);

        var added = await admin.PostAsync(api + "/documents", Upload("清单.pdf", "答复时漏附"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var details = JsonDocument.Parse(await admin.GetStringAsync(api)).RootElement;
        Assert.Equal("Answered", details.GetProperty("state").GetString());
        var entry = details.GetProperty("log").EnumerateArray().Last();
        Assert.Equal(("DocumentAdded", "《清单.pdf》：答复时漏附", "测试yy-admin"),
            (entry.GetProperty("kind").GetString(), entry.GetProperty("note").GetString(), entry.GetProperty("actorName").GetString()));
        var document = details.GetProperty("documents").EnumerateArray().Single();
        Assert.Equal(("清单.pdf", entry.GetProperty("sequence").GetInt32()),
            (document.GetProperty("fileName").GetString(), document.GetProperty("logSequence").GetInt32()));
    }
}
