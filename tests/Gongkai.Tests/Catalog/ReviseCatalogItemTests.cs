using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Catalog;

/// <summary>修订 of a published item: publishing rights and scope, a required reason, the earlier text kept, the 索引号 unchanged, search current.</summary>
public class ReviseCatalogItemTests
{
    private static readonly StaffScope Reviewer = StaffScope.System with { DisplayName = "审核", Roles = new HashSet<string> { StaffRole.CatalogReviewer } };
    private static readonly StaffScope Editor = StaffScope.System with { DisplayName = "编辑", Roles = new HashSet<string> { StaffRole.CatalogEditor } };

    internal static async Task<CatalogItem> PublishedAsync(TestDatabase db)
    {
        var item = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice(body: "<p>请各单位于6月1日前完成汛前检查，水务局负责督导。</p>"));
        await using var scope = db.Scope();
        var published = await db.Get<PublishCatalogItem>(scope).HandleAsync(new(item.Id), Reviewer);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems));
        return published.Value!;
    }

    private static ReviseCatalogItem.Input Correction(CatalogItem item, string reason = "更正检查完成日期") =>
        new(item.Id, item.Title, item.Summary, "<p>请各单位于6月15日前完成汛前检查，应急管理局负责督导。</p><script>alert(1)</script>", item.DocumentNumber, reason);

    private static async Task<Outcome<CatalogItem>> ReviseAsync(TestDatabase db, ReviseCatalogItem.Input input, StaffScope actor)
    {
        await using var scope = db.Scope();
        return await db.Get<ReviseCatalogItem>(scope).HandleAsync(input, actor);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_reviewer_should_revise_a_published_item_keeping_its_index_number_and_earlier_text(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var item = await PublishedAsync(db);
        db.Clock.SetToday(new DateOnly(2024, 6, 3));

        Assert.Equal(OutcomeKind.Denied, (await ReviseAsync(db, Correction(item), Editor)).Kind);
        var elsewhere = Reviewer with { UnitPath = "/nowhere/" };
        Assert.Equal(OutcomeKind.Missing, (await ReviseAsync(db, Correction(item), elsewhere)).Kind);
        var noReason = await ReviseAsync(db, Correction(item, reason: "  "), Reviewer);
        Assert.Contains(noReason.Problems, p => p.Field == "Reason");

        var revised = await ReviseAsync(db, Correction(item), Reviewer);
        Assert.True(revised.Succeeded, string.Join("; ", revised.Problems));

        await using var scope = db.Scope();
        var context = db.Get<GongkaiDb>(scope);
        var stored = await context.CatalogItems.Include(i => i.Log).Include(i => i.Versions).AsNoTracking().SingleAsync(i => i.Id == item.Id);
        Assert.Equal(item.IndexNumber, stored.IndexNumber);
        Assert.Equal(CatalogState.Published, stored.State);
        Assert.Equal(new DateOnly(2024, 6, 3), stored.RevisedOn);
        Assert.Equal("<p>请各单位于6月15日前完成汛前检查，应急管理局负责督导。</p>", stored.Body);   // sanitized as on saving
        var version = Assert.Single(stored.Versions);
        Assert.Equal((1, "<p>请各单位于6月1日前完成汛前检查，水务局负责督导。</p>", "更正检查完成日期", item.PublishedOn), (version.Number, version.Body, version.Reason, version.PublishedOn));
        Assert.Equal(("修订", "更正检查完成日期"), (stored.Log.OrderBy(e => e.Sequence).Last().Action, stored.Log.OrderBy(e => e.Sequence).Last().Note));

        // The search index follows: the new text is found, the replaced one no longer.
        await db.Services.GetRequiredService<SearchFollower>().CatchUpAsync();
        var search = db.Get<CatalogSearch>(scope);
        Assert.Equal(1, (await search.SearchAsync(SearchQuery.Parse("应急管理局").Query!, new())).Total);
        Assert.Equal(0, (await search.SearchAsync(SearchQuery.Parse("水务局").Query!, new())).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_revision_should_be_screened_for_personal_data_as_on_publishing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var item = await PublishedAsync(db);
        var leaking = Correction(item) with { Body = "<p>联系人身份证号 11010519491231002X。</p>" };
        var blocked = await ReviseAsync(db, leaking, Reviewer);
        Assert.Contains(blocked.Problems, p => p.Field == "PersonalData");
        await using var scope = db.Scope();
        Assert.Empty(await db.Get<GongkaiDb>(scope).CatalogItemVersions.Where(v => v.ItemId == item.Id).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_public_item_page_should_say_it_was_revised_and_show_the_earlier_text_as_superseded(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var item = await PublishedAsync(app.Database);
        app.Database.Clock.SetToday(new DateOnly(2024, 6, 3));
        Assert.True((await ReviseAsync(app.Database, Correction(item), Reviewer)).Succeeded);

        var client = app.CreateClient();
        var page = await client.GetPageAsync($"/xxgk/item/{item.IndexNumber}");
        Assert.Contains("本文于 2024年6月3日 修订", page.QuerySelector(".revisions")!.TextContent);
        Assert.Contains("6月15日", page.QuerySelector(".item-body")!.TextContent);
        var link = page.QuerySelector($".revisions a[href='/xxgk/item/{item.IndexNumber}?version=1']")!;
        Assert.Contains("更正检查完成日期", link.ParentElement!.TextContent);

        var earlier = await client.GetAsync($"/xxgk/item/{item.IndexNumber}?version=1");
        Assert.Equal("noindex", string.Join(",", earlier.Headers.GetValues("X-Robots-Tag")));
        var earlierPage = await client.GetPageAsync($"/xxgk/item/{item.IndexNumber}?version=1");
        Assert.Contains("此为修订前的版本", earlierPage.QuerySelector(".superseded")!.TextContent);
        Assert.Contains("6月1日前", earlierPage.QuerySelector(".item-body")!.TextContent);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/xxgk/item/{item.IndexNumber}?version=2")).StatusCode);
    }
}
