using System.Net;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Gongkai.Web.PageCache;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.PageCache;

/// <summary>
/// Public pages served from memory: stale only until a change to what they show commits — at once on the node that
/// wrote it, on another node once it follows the page-change log — and never shared between display modes, visitors'
/// forms or signed-in staff.
/// </summary>
public class PortalPageCacheTests
{
    private static readonly StaffScope Reviewer = StaffScope.System with { Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    /// <summary>The cache on, and the background follower polling once an hour: only the test makes it poll.</summary>
    private static Dictionary<string, string?> Cached(string? indexFolder = null)
    {
        var settings = new Dictionary<string, string?> { ["PageCache:Enabled"] = "true", ["PageCache:FollowInterval"] = "01:00:00" };
        if (indexFolder is not null)
            settings["Search:IndexPath"] = indexFolder;
        return settings;
    }

    /// <summary>An item submitted and published through the node's own use cases.</summary>
    private static async Task<(Guid Id, string IndexNumber, string Title)> PublishedItemAsync(WebApp app, string title)
    {
        var draft = await CatalogWorkflowTests.SubmittedAsync(app.Database, CatalogWorkflowTests.Notice(title));
        await using var scope = app.Services.CreateAsyncScope();
        var published = await scope.ServiceProvider.GetRequiredService<PublishCatalogItem>().HandleAsync(new(draft.Id, ""), Reviewer);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems));
        return (draft.Id, published.Value!.IndexNumber!, title);
    }

    /// <summary>Changes a title in the database behind every portal's back (no page change logged), as a stand-in for "anything stale".</summary>
    private static async Task RetitleBehindTheBackAsync(TestDatabase db, Guid id, string title)
    {
        await using var scope = db.Scope();
        await db.Get<GongkaiDb>(scope).CatalogItems.Where(i => i.Id == id).ExecuteUpdateAsync(u => u.SetProperty(i => i.Title, title));
    }

    private static async Task WithdrawAsync(IServiceProvider services, Guid id)
    {
        await using var scope = services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ChangeCatalogItem>()
            .HandleAsync(new(id, ChangeCatalogItem.Change.Withdraw, "内容有误，撤下修改"), Reviewer);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_cached_page_should_show_a_change_on_the_next_request_after_it_commits(DatabaseProvider provider)
    {
        await using var app = new WebApp(await TestDatabase.CreateAsync(provider), Cached());
        var client = app.CreateClient();
        var (id, number, title) = await PublishedItemAsync(app, "青岚市人民政府关于做好2024年防汛工作的通知");
        var item = $"/xxgk/item/{number}";
        Assert.Contains(title, await client.GetStringAsync(item));
        Assert.Contains(title, await client.GetStringAsync("/xxgk"));

        // Served from memory: a title changed behind the portal's back does not show…
        await RetitleBehindTheBackAsync(app.Database, id, "关于鹭洲湿地公园试运行的公告");
        Assert.DoesNotContain("鹭洲湿地公园", await client.GetStringAsync(item));
        Assert.DoesNotContain("鹭洲湿地公园", await client.GetStringAsync("/xxgk"));

        // …until a change to the catalog commits on this node: the very next requests read the database again.
        await WithdrawAsync(app.Services, id);
        var page = await client.GetStringAsync(item);
        Assert.Contains("该信息已撤下。理由：内容有误，撤下修改", page);
        Assert.Contains("鹭洲湿地公园", page);
        Assert.DoesNotContain("鹭洲湿地公园", await client.GetStringAsync("/xxgk"));   // withdrawn: no longer listed
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Another_node_should_evict_its_cached_pages_when_it_follows_the_page_change_log(DatabaseProvider provider)
    {
        await using var a = new WebApp(await TestDatabase.CreateAsync(provider), Cached());
        await using var b = new WebApp(a.Database, Cached(Directory.CreateTempSubdirectory("gongkai-node-b-").FullName), ownsDatabase: false);
        var (id, number, _) = await PublishedItemAsync(a, "青岚市人民政府关于做好2024年防汛工作的通知");
        var item = $"/xxgk/item/{number}";
        var onA = a.CreateClient();
        var onB = b.CreateClient();
        Assert.DoesNotContain("该信息已撤下", await onB.GetStringAsync(item));
        Assert.DoesNotContain("该信息已撤下", await onA.GetStringAsync(item));

        await WithdrawAsync(a.Services, id);
        Assert.Contains("该信息已撤下", await onA.GetStringAsync(item));
        Assert.DoesNotContain("该信息已撤下", await onB.GetStringAsync(item));   // B has not followed the log yet

        Assert.True(await b.Services.GetRequiredService<PageCacheFollower>().PollAsync() > 0);
        Assert.Contains("该信息已撤下", await onB.GetStringAsync(item));

        // A write from outside any portal (the CLI, say) reaches both nodes through the log alone.
        Assert.DoesNotContain("鹭洲新区", await onA.GetStringAsync("/units"));
        await using (var scope = a.Database.Scope())
        {
            var unit = await a.Database.Get<GongkaiDb>(scope).Units.SingleAsync(u => u.ParentId == null);
            unit.FullName = "青岚市人民政府（鹭洲新区）";
            await a.Database.Get<GongkaiDb>(scope).SaveChangesAsync();
        }
        Assert.DoesNotContain("鹭洲新区", await onA.GetStringAsync("/units"));   // A's own cache is not told: only the log says so
        await a.Services.GetRequiredService<PageCacheFollower>().PollAsync();
        Assert.Contains("鹭洲新区", await onA.GetStringAsync("/units"));
    }

    [Fact]
    public async Task Search_pages_should_follow_the_index_and_other_visitors_should_never_get_someone_elses_page()
    {
        await using var app = new WebApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), Cached());
        var client = app.CreateClient();
        var (id, number, _) = await PublishedItemAsync(app, "青岚市人民政府关于做好2024年防汛工作的通知");

        // Search: cached with no hit, then the item is published and the index follows: the next search finds it.
        await app.Services.GetRequiredService<SearchFollower>().CatchUpAsync();
        Assert.Contains("共找到 0 条", await client.GetStringAsync("/search?q=鹭洲湿地"));
        var (_, wetland, _) = await PublishedItemAsync(app, "关于鹭洲湿地公园试运行的公告");
        await app.Services.GetRequiredService<SearchFollower>().CatchUpAsync();
        var found = await client.GetStringAsync("/search?q=鹭洲湿地");
        Assert.Contains("共找到 1 条", found);
        Assert.Contains($"/xxgk/item/{wetland}", found);

        // The display mode is part of the key: 长者模式 and the plain page are cached apart, both with the site's headers.
        for (var round = 0; round < 2; round++)
        {
            var plain = await client.GetAsync($"/xxgk/item/{number}");
            Assert.DoesNotContain("class=\"elder", await plain.Content.ReadAsStringAsync());
            Assert.Contains("default-src 'self'", plain.Headers.GetValues("Content-Security-Policy").Single());
            var inElderMode = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/xxgk/item/{number}") { Headers = { { "Cookie", "gk-elder=on" } } });
            Assert.Contains("class=\"elder", await inElderMode.Content.ReadAsStringAsync());
        }

        // A page with a form that posts is never cached: each visitor gets an anti-forgery token of their own.
        var tokens = new List<string>();
        foreach (var visitor in new[] { app.Browser(), app.Browser() })
        {
            var form = await visitor.GetPageAsync("/ysqgk/apply");
            tokens.Add(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        }
        Assert.NotEqual(tokens[0], tokens[1]);

        // Signed-in staff read the database, not the visitors' cache.
        await app.AddStaffAsync("cache-reviewer", "city", StaffRole.CatalogReviewer);
        var staff = await app.SignedInAsync("cache-reviewer");
        await client.GetStringAsync("/xxgk");
        await RetitleBehindTheBackAsync(app.Database, id, "关于青鸾河防洪堤加固的通告");
        Assert.Contains("关于青鸾河防洪堤加固的通告", await staff.GetStringAsync("/xxgk"));
        Assert.DoesNotContain("关于青鸾河防洪堤加固的通告", await client.GetStringAsync("/xxgk"));
    }
}
