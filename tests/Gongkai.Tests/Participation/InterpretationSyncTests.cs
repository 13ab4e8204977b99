using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Participation;

/// <summary>
/// 解读三同步 (../shared/domain/interaction-and-sites.md §3; InterpretationRule): a 行政规范性文件 is published with its 解读 —
/// prepared against the unpublished policy and published in the same step — or with a recorded reason; never alone.
/// </summary>
public class InterpretationSyncTests
{
    private static readonly StaffScope Editor = StaffScope.System with { DisplayName = "编辑", Roles = new HashSet<string> { StaffRole.CatalogEditor } };
    private static readonly StaffScope Reviewer = StaffScope.System with { DisplayName = "审核", Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    public static CatalogDraft Normative(string title = "青岚市城市道路占用挖掘管理办法") => CatalogWorkflowTests.Notice(title) with
    {
        Genre = Genre.NormativeDocument,
        EffectiveOn = new DateOnly(2024, 6, 1),
        DocumentNumber = "青政规〔2024〕2号",
    };

    public static CatalogDraft InterpretationOf(Guid policy, string title = "《青岚市城市道路占用挖掘管理办法》政策解读",
        InterpretationForms forms = InterpretationForms.Text | InterpretationForms.Graphics) => CatalogWorkflowTests.Notice(title) with
        {
            Genre = Genre.Interpretation,
            DocumentNumber = "",
            InterpretsId = policy,
            InterpretationForms = forms,
        };

    private static async Task<App.Outcome<CatalogItem>> PublishAsync(TestDatabase db, Guid id, string waiver = "")
    {
        await using var scope = db.Scope();
        return await db.Get<PublishCatalogItem>(scope).HandleAsync(new(id, InterpretationWaiver: waiver), Reviewer);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_normative_document_should_be_refused_alone_and_published_with_its_ready_interpretation_in_one_step(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        var policy = await CatalogWorkflowTests.SubmittedAsync(db, Normative());

        var alone = await PublishAsync(db, policy.Id);
        Assert.False(alone.Succeeded);
        Assert.Contains("行政规范性文件应与其解读同步发布（解读三同步）", Assert.Single(alone.Problems).Message);

        // A 解读 drafted against the unpublished policy, but not yet submitted, is not ready.
        Guid interpretationId;
        await using (var scope = db.Scope())
        {
            var drafted = await db.Get<SaveCatalogDraft>(scope).HandleAsync(new(null, SeedDemoData.CodeOf("city"), InterpretationOf(policy.Id)), Editor);
            Assert.True(drafted.Succeeded, string.Join("; ", drafted.Problems));
            interpretationId = drafted.Value!.Id;
        }
        Assert.False((await PublishAsync(db, policy.Id)).Succeeded);
        await using (var scope = db.Scope())
            Assert.True((await db.Get<SubmitCatalogItem>(scope).HandleAsync(interpretationId, Editor)).Succeeded);
        // Neither is the 解读 published before its policy.
        var early = await PublishAsync(db, interpretationId);
        Assert.Contains("尚未发布", Assert.Single(early.Problems).Message);

        var published = await PublishAsync(db, policy.Id);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems));
        await using (var scope = db.Scope())
        {
            var catalog = db.Get<PublicCatalog>(scope);
            var page = await catalog.FindAsync(published.Value!.IndexNumber!);
            var link = Assert.Single(page!.Interpretations);
            var interpretation = await catalog.FindAsync(link.IndexNumber);
            Assert.Equal("《青岚市城市道路占用挖掘管理办法》政策解读", interpretation!.Row.Title);
            Assert.Equal(published.Value.IndexNumber, interpretation.Interprets!.IndexNumber);
            Assert.Equal(new DateOnly(2024, 5, 20), interpretation.Row.PublishedOn);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_policy_marked_as_needing_interpretation_should_go_out_with_a_recorded_reason(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        var notice = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice() with { NeedsInterpretation = true });
        Assert.Contains("标记为需解读的政策应与其解读同步发布", Assert.Single((await PublishAsync(db, notice.Id)).Problems).Message);

        var waived = await PublishAsync(db, notice.Id, "通知仅部署具体工作，无需解读。");
        Assert.True(waived.Succeeded, string.Join("; ", waived.Problems));
        Assert.Equal("通知仅部署具体工作，无需解读。", waived.Value!.InterpretationWaiver);
        Assert.Contains(waived.Value.Log, e => e.Action == CatalogActions.InterpretationWaived && e.Note == "通知仅部署具体工作，无需解读。");
        // An unmarked notice needs nothing.
        var plain = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice("关于开展安全生产检查的通知"));
        Assert.True((await PublishAsync(db, plain.Id)).Succeeded);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_staff_api_should_answer_400_with_the_rule_and_publish_with_a_waiver(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 20));
        await app.AddStaffAsync("city-reviewer", "city", StaffRole.CatalogReviewer, StaffRole.CatalogEditor);
        var client = await app.SignedInAsync("city-reviewer");
        var policy = await CatalogWorkflowTests.SubmittedAsync(app.Database, Normative());

        var refused = await client.PostAsJsonAsync($"/api/v1/office/catalog/{policy.Id}/publish", new { });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("解读三同步", await refused.Content.ReadAsStringAsync());
        var waived = await client.PostAsJsonAsync($"/api/v1/office/catalog/{policy.Id}/publish", new { interpretationWaiver = "技术性规定，不另行解读。" });
        Assert.Equal(HttpStatusCode.OK, waived.StatusCode);
        Assert.StartsWith(SeedDemoData.CityCode, (await waived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("indexNumber").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_office_page_should_show_the_refusal_and_offer_to_draft_the_interpretation(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 20));
        await app.AddStaffAsync("city-reviewer", "city", StaffRole.CatalogReviewer, StaffRole.CatalogEditor);
        var client = await app.SignedInAsync("city-reviewer");
        var policy = await CatalogWorkflowTests.SubmittedAsync(app.Database, Normative());

        var refused = await client.PostFormAsync($"/office/catalog/{policy.Id}?handler=Publish", new() { ["Decision.LawfulReason"] = "" }, $"/office/catalog/{policy.Id}");
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("应与其解读同步发布（解读三同步）", page);
        var draftForm = await client.GetPageAsync($"/office/catalog/edit?interprets={policy.Id}");
        Assert.Equal(policy.Id.ToString(), draftForm.QuerySelector("input[name='Form.InterpretsId']")!.GetAttribute("value"));
        Assert.NotNull(draftForm.QuerySelector("input[name='Forms'][value='Graphics']"));
        Assert.NotNull(draftForm.QuerySelector("input[name='Form.NeedsInterpretation']"));

        // The 解读 saved from that form keeps its link to the unpublished policy and its forms; publishing the policy publishes it.
        var saved = await client.PostFormAsync("/office/catalog/edit?handler=Submit", new()
        {
            ["UnitCode"] = SeedDemoData.CityCode,
            ["Form.Title"] = "《青岚市城市道路占用挖掘管理办法》图解",
            ["Form.FormedOn"] = "2024-05-20",
            ["Form.Theme"] = "综合政务\\其他",
            ["Form.Genre"] = "Interpretation",
            ["Form.InterpretsId"] = policy.Id.ToString(),
            ["Forms[0]"] = "Graphics",
            ["Forms[1]"] = "Video",
        }, $"/office/catalog/edit?interprets={policy.Id}");
        Assert.Contains("已保存并提交审核", (await client.GetPageAsync(saved.RequestMessage!.RequestUri!.PathAndQuery)).Body!.TextContent);
        var published = await client.PostFormAsync($"/office/catalog/{policy.Id}?handler=Publish", new() { ["Decision.LawfulReason"] = "" }, $"/office/catalog/{policy.Id}");
        var details = await client.GetPageAsync(published.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("已发布，索引号", details.Body!.TextContent);
        Assert.Contains("《青岚市城市道路占用挖掘管理办法》图解（已发布）", details.QuerySelector("section[aria-labelledby=interpretation]")!.TextContent);
        var jdhy = (await app.CreateClient().GetPageAsync("/jdhy?year=2024")).QuerySelector("section[aria-labelledby=interpretations] tbody")!.TextContent;
        Assert.Contains("图表图解、音视频", jdhy);
        Assert.Contains("青岚市城市道路占用挖掘管理办法", jdhy);
    }
}
