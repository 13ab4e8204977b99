using System.Net;
using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Catalog;

/// <summary>A catalog attachment that is a PDF running a script is flagged, and published only when the reviewer confirms it (issue 13 §10).</summary>
public class CatalogActiveContentTests
{
    private static readonly StaffScope Reviewer = StaffScope.System with { DisplayName = "审核", Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_pdf_with_a_script_should_be_flagged_and_published_only_when_the_reviewer_confirms_it(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await CatalogAttachmentTests.DraftAsync(db);
        var plain = await CatalogAttachmentTests.AttachAsync(db, item.Id, "通知.pdf", AttachmentTextTests.Pdf("Notice"));
        var script = await CatalogAttachmentTests.AttachAsync(db, item.Id, "表单.pdf", TestPdf.WithOpeningScript());
        Assert.Equal((ActiveContent.None, ActiveContent.JavaScript), (plain.Value!.ActiveContent, script.Value!.ActiveContent));
        await using (var scope = db.Scope())
            Assert.True((await db.Get<SubmitCatalogItem>(scope).HandleAsync(item.Id, StaffScope.System)).Succeeded);

        async Task<Outcome<CatalogItem>> PublishAsync(bool confirmed)
        {
            await using var scope = db.Scope();
            return await db.Get<PublishCatalogItem>(scope).HandleAsync(new(item.Id, "", confirmed), Reviewer);
        }
        var refused = await PublishAsync(confirmed: false);
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        var problem = Assert.Single(refused.Problems);
        Assert.Equal("ActiveContent", problem.Field);
        Assert.StartsWith("附件《表单.pdf》含有JavaScript 脚本，公众打开时可能自动运行", problem.Message);

        var published = await PublishAsync(confirmed: true);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems));
        Assert.Equal("附件《表单.pdf》含有JavaScript 脚本", published.Value!.Log.Single(e => e.Action == CatalogActions.ActiveContentConfirmed).Note);
    }

    [Fact]
    public async Task The_reviewers_page_should_show_the_flag_and_ask_for_the_confirmation()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("reviewer", "city", StaffRole.CatalogReviewer);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 8));
        var item = await CatalogAttachmentTests.DraftAsync(app.Database);
        Assert.True((await CatalogAttachmentTests.AttachAsync(app.Database, item.Id, "表单.pdf", TestPdf.WithOpeningScript())).Succeeded);
        await using (var scope = app.Database.Scope())
            Assert.True((await app.Database.Get<SubmitCatalogItem>(scope).HandleAsync(item.Id, StaffScope.System)).Succeeded);
        var reviewer = await app.SignedInAsync("reviewer");
        var url = $"/office/catalog/{item.Id}";

        var page = await reviewer.GetPageAsync(url);
        Assert.Equal("含有JavaScript 脚本，发布前须核实", page.QuerySelector("ul.attachments .active-content")!.TextContent);
        Assert.NotNull(page.QuerySelector("input#confirm-active[name='Decision.ConfirmActiveContent']"));

        var refused = await reviewer.PostFormAsync(url + "?handler=Publish", new() { ["Decision.LawfulReason"] = "" }, formPage: url);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("附件《表单.pdf》含有JavaScript 脚本", await refused.Content.ReadAsStringAsync());
        var published = await reviewer.PostFormAsync(url + "?handler=Publish",
            new() { ["Decision.LawfulReason"] = "", ["Decision.ConfirmActiveContent"] = "true" }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
    }
}
