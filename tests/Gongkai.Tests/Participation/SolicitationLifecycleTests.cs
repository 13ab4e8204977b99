using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Participation;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Participation.SolicitationTestData;

namespace Gongkai.Tests.Participation;

/// <summary>The rest of a solicitation's life: extending (never shortening), the resulting policy linked both ways, surveys listed, withdrawing.</summary>
public class SolicitationLifecycleTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_solicitation_should_be_extended_never_shortened_linked_to_its_policy_both_ways_and_withdrawn_with_a_reason(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        await app.AddStaffAsync("city-p", "city", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("city-p");
        var id = await PublishedAsync(staff, "规章", new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1));
        var root = $"/api/v1/office/participation/solicitations/{id}";

        var shorter = await staff.PostAsJsonAsync($"{root}/extend", new { closesOn = new DateOnly(2026, 3, 20), reason = "提前结束" });
        Assert.Contains("只能延长，不能缩短", await shorter.Content.ReadAsStringAsync());
        var longer = await staff.PostAsJsonAsync($"{root}/extend", new { closesOn = new DateOnly(2026, 4, 15), reason = "应社会各界要求延长。" });
        Assert.Equal(HttpStatusCode.OK, longer.StatusCode);
        Assert.Equal("2026-04-15", (await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/solicitations/{id}")).GetProperty("closesOn").GetString());

        const string title = "青岚市城市公园管理办法";
        var indexNumber = await Letters.PublicLetters.CatalogItemAsync(app.Database, title);
        await using (var scope = app.Database.Scope())
        {
            // A published survey is listed with the solicitations, linked to its own page.
            var db = app.Database.Get<GongkaiDb>(scope);
            db.Surveys.Add(new Survey { Title = "市民公园满意度调查", UnitId = await db.Units.Where(u => u.ParentId == null).Select(u => u.Id).FirstAsync(),
                State = ParticipationState.Published, OpensOn = new DateOnly(2026, 3, 1), ClosesOn = new DateOnly(2026, 3, 31) });
            await db.SaveChangesAsync();
        }
        var unknown = await staff.PostAsJsonAsync($"{root}/policy", new { indexNumber = "000000000-0000-0000" });
        Assert.Contains("已发布的主动公开信息的索引号", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"{root}/policy", new { indexNumber })).StatusCode);
        var item = await app.Browser().GetPageAsync($"/xxgk/item/{indexNumber}");
        Assert.NotNull(item.QuerySelector($".policy-solicitations a[href='/hdjl/zjdc/{id}']"));
        var solicitation = await app.Browser().GetPageAsync($"/hdjl/zjdc/{id}");
        Assert.Equal(title, solicitation.QuerySelector($".policy-link a[href='/xxgk/item/{indexNumber}']")!.TextContent);
        var list = await app.Browser().GetPageAsync("/hdjl/zjdc");
        Assert.Contains("市民公园满意度调查", list.QuerySelector(".surveys a[href^='/hdjl/zjdc/dc/']")!.TextContent);

        var noReason = await staff.PostAsJsonAsync($"{root}/withdraw", new { reason = "" });
        Assert.Contains("请说明撤回的理由", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"{root}/withdraw", new { reason = "上位法修订，暂停起草。" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/hdjl/zjdc/{id}")).StatusCode);
        Assert.Null((await app.Browser().GetPageAsync($"/xxgk/item/{indexNumber}")).QuerySelector(".policy-solicitations"));
        var history = (await staff.GetFromJsonAsync<JsonElement>(root)).GetProperty("history").EnumerateArray().Select(e => e.GetProperty("step").GetString()).ToList();
        Assert.Equal(["Created", "Published", "Extended", "PolicyLinked", "Withdrawn"], history);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_comment_should_be_kept_hidden_with_a_reason_and_not_shown_when_the_office_does_not_show_comments(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        await app.AddStaffAsync("city-p", "city", StaffRole.LettersOfficer);
        await app.AddStaffAsync("city-sup", "city", StaffRole.Supervisor);
        var staff = await app.SignedInAsync("city-p");
        var id = await CreateAsync(staff, "其他", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), showComments: false);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/publish", new { })).StatusCode);
        var created = await CommentAsync(app.Browser(), id, new { content = "建议增加儿童游乐设施。", name = "赵六", email = "zl@example.com" });
        var comment = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var moderation = $"/api/v1/office/participation/solicitations/{id}/comments/{comment}/moderation";

        Assert.Contains("不公开意见", await (await staff.PostAsJsonAsync(moderation, new { show = true })).Content.ReadAsStringAsync());
        Assert.Contains("不予公开的理由", await (await staff.PostAsJsonAsync(moderation, new { show = false })).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync(moderation, new { show = false, reason = "与征求意见稿无关" })).StatusCode);
        var details = await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/solicitations/{id}");
        Assert.Equal(1, details.GetProperty("received").GetInt32());   // counted as received whatever moderation decides
        Assert.Equal(0, details.GetProperty("comments").GetArrayLength());

        // A supervisor (no participation role) sees the solicitation but not the commenter's contact.
        var supervisor = await app.SignedInAsync("city-sup");
        var seen = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/v1/office/participation/solicitations/{id}")).GetProperty("comments")[0];
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("name").ValueKind);
        Assert.DoesNotContain("zl@example.com", await supervisor.GetStringAsync($"/office/participation/solicitations/{id}"));
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync(moderation, new { show = false, reason = "x" })).StatusCode);
    }
}

/// <summary>The draft's files: checked by content when saved (AttachmentRules), listed and downloaded from the public page once published.</summary>
public class SolicitationAttachmentTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_drafts_files_should_be_checked_by_content_and_downloadable_once_published(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 2));
        await app.AddStaffAsync("city-p", "city", StaffRole.LettersOfficer);
        var staff = await app.SignedInAsync("city-p");
        object Body(string name, byte[] content) => new
        {
            title = "青岚市城市公园管理办法（征求意见稿）", kind = "Other", draftText = Draft, opensOn = new DateOnly(2026, 3, 2), closesOn = new DateOnly(2026, 3, 9),
            files = new[] { new { fileName = name, contentBase64 = Convert.ToBase64String(content) } },
        };
        var disguised = await staff.PostAsJsonAsync("/api/v1/office/participation/solicitations", Body("起草说明.pdf", "MZ\x90\0 not a pdf"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Contains("起草说明.pdf", await disguised.Content.ReadAsStringAsync());
        var created = await staff.PostAsJsonAsync("/api/v1/office/participation/solicitations", Body("起草说明.pdf", "%PDF-1.4 起草说明"u8.ToArray()));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/publish", new { })).StatusCode);

        var file = (await app.Browser().GetFromJsonAsync<JsonElement>($"/api/v1/solicitations/{id}")).GetProperty("attachments")[0];
        Assert.Equal("起草说明.pdf", file.GetProperty("fileName").GetString());
        var download = await app.Browser().GetAsync(file.GetProperty("url").GetString());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.UTF8.GetString(await download.Content.ReadAsByteArrayAsync()));
        Assert.NotNull((await app.Browser().GetPageAsync($"/hdjl/zjdc/{id}")).QuerySelector($"a[href='{file.GetProperty("url").GetString()}']"));
    }
}
