using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Search;

/// <summary>Letters in the search index of every node: each node follows the change log, so a publication on one is found on the other.</summary>
public class LetterSearchNodesTests
{
    /// <summary>Waits until the node's background indexer (not the test) has applied every change written so far.</summary>
    private static async Task IndexedEverythingAsync(WebApp node)
    {
        long last;
        await using (var scope = node.Database.Scope())
            last = await node.Database.Get<GongkaiDb>(scope).Set<SearchChange>().MaxAsync(c => (long?)c.Id) ?? 0;
        // A guard against a hang, not a speed requirement.
        await node.Services.GetRequiredService<SearchFollower>().WhenPastAsync(last).WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task<string[]> FoundOnAsync(WebApp node, string q)
    {
        await IndexedEverythingAsync(node);
        await using var scope = node.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LetterSearch>().SearchAsync(SearchQuery.Parse(q).Query, new());
        return [.. result.Hits.Select(h => h.Subject)];
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_letter_published_or_withdrawn_on_one_node_should_be_found_or_gone_on_the_other(DatabaseProvider provider)
    {
        await using var a = await WebApp.StartAsync(provider);
        var otherFolder = Directory.CreateTempSubdirectory("gongkai-search-b-").FullName;
        await using var b = new WebApp(a.Database, new Dictionary<string, string?> { ["Search:IndexPath"] = otherFolder }, ownsDatabase: false);
        a.Database.Clock.SetToday(new DateOnly(2024, 5, 20));
        await LetterBuilder.MailboxesAsync(a.Database);
        await a.Browser().GetAsync("/");
        await b.Browser().GetAsync("/");

        // Written, answered and published through the use cases, as node A's pages would; both indexes follow the log.
        var letter = await LetterBuilder.PublishedAsync(a.Database, "银杏苑路灯不亮", "银杏苑门口的路灯坏了一个月，晚上很不安全。", "路灯已于三个工作日内修复，照明恢复正常。");
        Assert.Equal(["银杏苑路灯不亮"], await FoundOnAsync(b, "路灯 修复"));
        Assert.Equal(["银杏苑路灯不亮"], await FoundOnAsync(a, "路灯 修复"));

        await LetterBuilder.StepAsync(a.Database, letter, LetterEventKind.Unpublished, "来信人要求撤销公开");
        Assert.Empty(await FoundOnAsync(b, "路灯"));
        Assert.Empty(await FoundOnAsync(a, "路灯"));
    }
}
