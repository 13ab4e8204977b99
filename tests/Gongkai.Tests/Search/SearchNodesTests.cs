using System.Net;
using System.Text.Json;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Cli;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Search;

/// <summary>
/// The index as a cache that every node keeps by following the change log: a CLI write beside a running portal, a
/// portal that starts whatever state its index folder is in, and two nodes over one database.
/// </summary>
public class SearchNodesTests
{
    private static readonly StaffScope Reviewer = StaffScope.System with { Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    /// <summary>Waits until the node's background indexer (not the test) has applied every change written so far.</summary>
    private static async Task IndexedEverythingAsync(WebApp node)
    {
        long last;
        await using (var scope = node.Database.Scope())
            last = await node.Database.Get<GongkaiDb>(scope).Set<SearchChange>().MaxAsync(c => (long?)c.Id) ?? 0;
        // A guard against a hang, not a speed requirement (speed is measured by bench/cluster.sh).
        try
        {
            await node.Services.GetRequiredService<SearchFollower>().WhenPastAsync(last).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            var index = node.Services.GetRequiredService<CatalogIndex>();
            Assert.Fail($"index at {index.Position} of {last}, open {index.IsOpen}, rebuilding {index.Rebuilding}");
        }
    }

    /// <summary>Runs `gongkai` as a process of its own, as an administrator would beside the portal.</summary>
    private static async Task<(int ExitCode, string Output)> CliProcessAsync(TestDatabase db, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(GongkaiCli).Assembly.Location);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        foreach (var (key, value) in db.Settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    private static int Indexed(WebApp node) => node.Services.GetRequiredService<CatalogIndex>().Search(s => s.IndexReader.NumDocs);

    private static async Task<int> PublishedAsync(TestDatabase db)
    {
        await using var scope = db.Scope();
        return await db.Get<GongkaiDb>(scope).CatalogItems.CountAsync(i => i.State == CatalogState.Published);
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string q) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/catalog/search?q={Uri.EscapeDataString(q)}")).RootElement;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_catalog_import_beside_a_running_portal_should_reach_its_search_and_the_portal_should_start_again(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var _ = db;
        db.Clock.SetToday(new DateOnly(2024, 6, 1));
        var file = Path.Combine(Directory.CreateTempSubdirectory("gongkai-import-").FullName, "catalog.jsonl");
        Assert.Equal(GongkaiCli.Done, (await CliRun.RunAsync(db, "demo", "catalog", "--items", "200", "--out", file)).ExitCode);

        await using (var portal = new WebApp(db, ownsDatabase: false))
        {
            var client = portal.Browser();
            await client.GetAsync("/");
            await IndexedEverythingAsync(portal);

            // The CLI finds the index held by the portal: it writes the database and the change log, and leaves the index alone.
            Assert.False(new CatalogIndex(new ConfigurationBuilder().AddInMemoryCollection(db.Settings).Build()).TryOpen());
            var import = await CliRun.RunAsync(db, "catalog", "import", file);
            Assert.Equal(GongkaiCli.Done, import.ExitCode);
            Assert.Contains("已导入 200 条信息", import.Out);
            await IndexedEverythingAsync(portal);
            Assert.Equal(await PublishedAsync(db), Indexed(portal));
            var title = JsonDocument.Parse(File.ReadLines(file).First()).RootElement.GetProperty("title").GetString()!;
            Assert.Contains(title, (await SearchAsync(client, $"\"{title}\"")).GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()));

            // `search rebuild` from another process while the portal runs asks the nodes to rebuild instead of writing
            // beside them (Lucene.NET's own lock did not keep another process out).
            var (exit, output) = await CliProcessAsync(db, "search", "rebuild");
            Assert.Equal((GongkaiCli.Done, true), (exit, output.Contains("请求重建")));
            await IndexedEverythingAsync(portal);
            Assert.Equal(await PublishedAsync(db), Indexed(portal));
        }

        // A normal stop, then a start on the same index folder: it opens, and answers the same.
        await using (var again = new WebApp(db, ownsDatabase: false))
        {
            var client = again.Browser();
            await client.GetAsync("/");
            await IndexedEverythingAsync(again);
            Assert.Equal(await PublishedAsync(db), Indexed(again));
        }
    }

    [Fact]
    public async Task A_portal_should_start_on_a_corrupt_or_missing_index_rebuild_it_and_say_so_while_it_does()
    {
        var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var _ = db;
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        var item = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice());
        await using (var scope = db.Scope())
            Assert.True((await db.Get<PublishCatalogItem>(scope).HandleAsync(new(item.Id), Reviewer)).Succeeded);
        var folder = db.Settings["Search:IndexPath"]!;

        await using (var first = new WebApp(db, ownsDatabase: false))
        {
            await first.Browser().GetAsync("/");
            await IndexedEverythingAsync(first);
            Assert.Equal(1, Indexed(first));

            // While the index is being filled from the database, search says so instead of answering from half an index.
            var index = first.Services.GetRequiredService<CatalogIndex>();
            index.Rebuilding = true;
            var page = await first.Browser().GetAsync("/search?q=防汛");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Contains("正在从数据库重建", await page.Content.ReadAsStringAsync());
            var api = await first.Browser().GetAsync("/api/v1/catalog/search?q=防汛");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            index.Rebuilding = false;
        }

        // Every file of the index overwritten with garbage (a disk fault, a half-copied folder).
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal)))
            await File.WriteAllBytesAsync(file, [1, 2, 3, 4, 5, 6, 7, 8]);
        await using (var second = new WebApp(db, ownsDatabase: false))
        {
            var client = second.Browser();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            await IndexedEverythingAsync(second);
            Assert.Equal(1, (await SearchAsync(client, "防汛")).GetProperty("total").GetInt32());
        }

        Directory.Delete(folder, recursive: true);
        await using (var third = new WebApp(db, ownsDatabase: false))
        {
            var client = third.Browser();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
            await IndexedEverythingAsync(third);
            Assert.Equal(1, (await SearchAsync(client, "防汛")).GetProperty("total").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_nodes_over_one_database_should_share_publications_and_sessions(DatabaseProvider provider)
    {
        await using var a = await WebApp.StartAsync(provider);
        var otherFolder = Directory.CreateTempSubdirectory("gongkai-search-b-").FullName;
        await using var b = new WebApp(a.Database, new Dictionary<string, string?> { ["Search:IndexPath"] = otherFolder }, ownsDatabase: false);
        a.Database.Clock.SetToday(new DateOnly(2024, 5, 20));
        await a.AddStaffAsync("editor", "city", StaffRole.CatalogEditor, StaffRole.CatalogReviewer);
        var onB = b.Browser();
        await onB.GetAsync("/");
        await IndexedEverythingAsync(b);

        // Published through node A's own services; node B's background indexer finds it in the change log.
        var item = await CatalogWorkflowTests.SubmittedAsync(a.Database, CatalogWorkflowTests.Notice("关于河道清淤的通知", "<p>做好清淤。</p>"));
        await using (var scope = a.Services.CreateAsyncScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<PublishCatalogItem>().HandleAsync(new(item.Id), Reviewer)).Succeeded);
        await IndexedEverythingAsync(b);
        var hits = await SearchAsync(onB, "河道清淤");
        Assert.Equal("关于河道清淤的通知", hits.GetProperty("hits")[0].GetProperty("title").GetString());

        // Signed in on A: the cookie and the anti-forgery tokens A issues are good on B, whose keys come from the same database.
        var cookies = new System.Net.CookieContainer();
        var onA = a.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        var sameBrowserOnB = b.CreateDefaultClient(new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        var signIn = await onA.PostFormAsync("/office/signin", new() { ["UserName"] = "editor", ["Password"] = WebApp.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var office = await sameBrowserOnB.GetAsync("/office");
        Assert.Equal(HttpStatusCode.OK, office.StatusCode);   // not a redirect to the sign-in page
        var signOut = await sameBrowserOnB.PostFormAsync("/office/signout", [], formPage: "/office");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);   // not 400: B took the token from its own page, under A's cookie

        // Both nodes report where they are in the log; pruning keeps what one has not read.
        await using (var scope = a.Database.Scope())
        {
            var nodes = await a.Database.Get<GongkaiDb>(scope).Set<SearchNode>().AsNoTracking().ToListAsync();
            Assert.Equal(2, nodes.Count);
            Assert.All(nodes, n => Assert.False(n.MustRebuild));
        }
    }
}
