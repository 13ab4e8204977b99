using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Search;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Search;

/// <summary>Catalog search: substring semantics over bigrams, no match across punctuation, 文号 look-ups, filters, and the index as a cache.</summary>
public class CatalogSearchTests
{
    private static readonly StaffScope Reviewer = StaffScope.System with { Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    private static async Task<string> PublishAsync(TestDatabase db, CatalogDraft draft, string unitKey = "city")
    {
        var item = await CatalogWorkflowTests.SubmittedAsync(db, draft, unitKey);
        await using var scope = db.Scope();
        return (await db.Get<PublishCatalogItem>(scope).HandleAsync(new(item.Id), Reviewer)).Value!.IndexNumber!;
    }

    private static async Task<CatalogSearch.Result> SearchAsync(TestDatabase db, string q, CatalogSearch.Filter? filter = null)
    {
        await using var scope = db.Scope();
        var (query, problem) = SearchQuery.Parse(q);
        Assert.Null(problem);
        return await db.Get<CatalogSearch>(scope).SearchAsync(query!, filter ?? new());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Search_should_find_substrings_but_not_across_punctuation_and_follow_filters(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        var work = await PublishAsync(db, CatalogWorkflowTests.Notice("关于狠抓工作落实的通知", "<p>各单位要狠抓工作落实，确保防汛安全。</p>"));
        var meeting = await PublishAsync(db, CatalogWorkflowTests.Notice("关于印发会议纪要的通知", "<p>会议要求狠抓工，工作要细。</p>") with { DocumentNumber = "青政办发〔2024〕7号" });
        var district = await PublishAsync(db, CatalogWorkflowTests.Notice("映月区防汛工作方案", "<p>映月区做好防汛准备。</p>") with { DocumentNumber = "映政发〔2024〕2号" }, "yy");
        Assert.Equal(3 * 3, await db.Services.GetRequiredService<SearchFollower>().CatchUpAsync());   // 起草、提交审核、发布 for each item

        var substring = await SearchAsync(db, "狠抓工作");
        Assert.Equal([work], substring.Hits.Select(h => h.IndexNumber));   // 「狠抓工，工作」 is not 「狠抓工作」
        Assert.Contains("<mark>狠抓工作</mark>", substring.Hits[0].Snippet);
        Assert.Equal([work], (await SearchAsync(db, "抓工作")).Hits.Select(h => h.IndexNumber));   // both bigrams are in 「抓工，工作」 too
        // One character: as the first character of a bigram (纪要), or only as the last of a run (「要细。」, 「准备。」).
        Assert.Equal([meeting], (await SearchAsync(db, "纪")).Hits.Select(h => h.IndexNumber));
        Assert.Equal([meeting], (await SearchAsync(db, "细")).Hits.Select(h => h.IndexNumber));
        Assert.Equal([district], (await SearchAsync(db, "备")).Hits.Select(h => h.IndexNumber));
        Assert.Equal(new[] { work, meeting }.Order(), (await SearchAsync(db, "狠", new(ByDate: true))).Hits.Select(h => h.IndexNumber).Order());

        Assert.Equal(3, (await SearchAsync(db, "防汛")).Total);   // the summary of every test notice mentions 防汛
        Assert.Equal([district], (await SearchAsync(db, "防汛", new(Unit: SeedDemoData.CodeOf("yy")))).Hits.Select(h => h.IndexNumber));
        Assert.Equal([district], (await SearchAsync(db, "防汛 方案")).Hits.Select(h => h.IndexNumber));
        Assert.Equal("关于印发会议纪要的通知", (await SearchAsync(db, "青政办发[2024]7号")).Hits.Single().Title);
        Assert.Equal([work], (await SearchAsync(db, work)).Hits.Select(h => h.IndexNumber));
        Assert.Equal(0, (await SearchAsync(db, "防汛", new(From: new DateOnly(2024, 5, 21)))).Total);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Title_matches_should_rank_first_and_validity_should_follow_the_repeal_date(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        var inTitle = await PublishAsync(db, CatalogWorkflowTests.Notice("关于河道清淤的通知", "<p>做好清淤。</p>"));
        db.Clock.SetToday(new DateOnly(2024, 5, 21));
        var rule = await PublishAsync(db, CatalogWorkflowTests.Notice("青岚市排水管理办法", "<p>加强河道清淤和排水管理。</p>") with
        {
            Genre = Genre.NormativeDocument,
            DocumentNumber = "青政规〔2024〕1号",
            InterpretationWaiver = "程序性规定，不另行解读。",
            EffectiveOn = new DateOnly(2024, 5, 21),
            RepealedOn = new DateOnly(2024, 6, 30),
        });
        await db.Services.GetRequiredService<SearchFollower>().CatchUpAsync();

        Assert.Equal([inTitle, rule], (await SearchAsync(db, "河道清淤")).Hits.Select(h => h.IndexNumber));   // the title says it
        Assert.Equal([rule, inTitle], (await SearchAsync(db, "河道清淤", new(ByDate: true))).Hits.Select(h => h.IndexNumber));
        Assert.Equal([rule], (await SearchAsync(db, "河道清淤", new(Validity: Validity.InForce, Genre: Genre.NormativeDocument))).Hits.Select(h => h.IndexNumber));

        db.Clock.SetToday(new DateOnly(2024, 7, 1));   // past its 废止日期: 失效 without anybody acting
        Assert.Empty((await SearchAsync(db, "河道清淤", new(Validity: Validity.InForce, Genre: Genre.NormativeDocument))).Hits);
        Assert.Equal([rule], (await SearchAsync(db, "河道清淤", new(Validity: Validity.Expired))).Hits.Select(h => h.IndexNumber));
    }

    [Fact]
    public async Task A_withdrawn_item_should_leave_the_index_and_a_rebuild_should_restore_it_from_the_database()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        var number = await PublishAsync(db, CatalogWorkflowTests.Notice());
        await using var scope = db.Scope();
        var apply = db.Services.GetRequiredService<SearchFollower>();
        await apply.CatchUpAsync();
        Assert.Equal(1, (await SearchAsync(db, "防汛")).Total);

        var id = db.Get<GongkaiDb>(scope).CatalogItems.Single(i => i.IndexNumber == number).Id;
        await db.Get<ChangeCatalogItem>(scope).HandleAsync(new(id, ChangeCatalogItem.Change.Withdraw, "重复发布"), Reviewer);
        await apply.CatchUpAsync();
        Assert.Equal(0, (await SearchAsync(db, "防汛")).Total);

        await PublishAsync(db, CatalogWorkflowTests.Notice("关于做好汛期安全生产工作的通知"));
        var reports = new List<(long, long)>();
        Assert.Equal(1, await apply.RebuildAsync(new Progress<(long, long)>(reports.Add)));
        Assert.Equal(1, (await SearchAsync(db, "汛期安全")).Total);
    }

    [Fact]
    public async Task The_search_page_and_api_should_answer_in_chinese_without_javascript_once_the_portal_indexed_the_item()
    {
        await using var app = await Web.WebApp.StartAsync(DatabaseProvider.Sqlite);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 20));
        var client = app.Browser();
        var number = await PublishAsync(app.Database, CatalogWorkflowTests.Notice());
        await app.Services.GetRequiredService<SearchFollower>().CatchUpAsync();   // what the background indexer does about once a second
        var page = await Web.HttpClientForms.GetPageAsync(client, "/search?q=防汛工作");
        Assert.Equal($"/xxgk/item/{number}", page.QuerySelector("ol.results li a")!.GetAttribute("href"));
        Assert.Equal("防汛工作", page.QuerySelector("ol.results mark")!.TextContent);
        var one = await Web.HttpClientForms.GetPageAsync(client, "/search?q=汛");   // one character: found through its bigrams
        Assert.Equal($"/xxgk/item/{number}", one.QuerySelector("ol.results li a")!.GetAttribute("href"));
        Assert.Equal("汛", one.QuerySelector("ol.results .snippet mark")!.TextContent);

        var json = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/catalog/search?q=%E9%98%B2%E6%B1%9B")).RootElement;
        Assert.Equal(1, json.GetProperty("total").GetInt32());
        Assert.Equal(number, json.GetProperty("hits")[0].GetProperty("indexNumber").GetString());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/catalog/search?q=")).StatusCode);
    }

    [Fact]
    public async Task Search_rebuild_should_refill_the_index_from_the_database()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        await PublishAsync(db, CatalogWorkflowTests.Notice());
        await db.Services.DisposeAsync();   // release this process's index writer, as a stopped portal would
        var run = await Cli.CliRun.RunAsync(db, "search", "rebuild");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("检索索引已重建：1 条已发布信息", run.Out);
    }
}
