using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Search;

/// <summary>The search change log as a node follows it: gaps (a transaction that commits after a later one), pruning.</summary>
public class SearchChangeLogTests
{
    private static readonly StaffScope Reviewer = StaffScope.System with { Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    private static async Task<Guid> PublishedItemAsync(TestDatabase db, string title)
    {
        var item = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice(title, "<p>内容。</p>"));
        await using var scope = db.Scope();
        Assert.True((await db.Get<PublishCatalogItem>(scope).HandleAsync(new(item.Id), Reviewer)).Succeeded);
        return item.Id;
    }

    /// <summary>Writes a log entry with the id a transaction would have been given.</summary>
    private static async Task LogAsync(TestDatabase db, long id, Guid item)
    {
        await using var scope = db.Scope();
        var gongkai = db.Get<GongkaiDb>(scope);
        gongkai.Add(new SearchChange { Id = id, ItemId = item, EnqueuedAt = db.Clock.GetUtcNow().UtcDateTime });
        await gongkai.SaveChangesAsync();
    }

    private static bool Finds(TestDatabase db, Guid item) =>
        db.Services.GetRequiredService<CatalogIndex>().Search(s => s.Search(new Lucene.Net.Search.TermQuery(new Lucene.Net.Index.Term(CatalogIndex.Id, item.ToString("N"))), 1).TotalHits) == 1;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_missing_id_should_hold_the_position_until_it_commits_or_times_out_while_later_entries_apply_at_once(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        var follower = db.Services.GetRequiredService<SearchFollower>();
        var index = db.Services.GetRequiredService<CatalogIndex>();
        var (first, slow, later, never) = (await PublishedItemAsync(db, "第一条通知"), await PublishedItemAsync(db, "慢事务的通知"),
            await PublishedItemAsync(db, "后提交的通知"), await PublishedItemAsync(db, "回滚了的通知"));
        await follower.CatchUpAsync();
        var start = index.Position;

        // Ids start+1 and start+3 are visible; start+2 belongs to a transaction that has not committed yet.
        await LogAsync(db, start + 1, first);
        await LogAsync(db, start + 3, later);
        await follower.CatchUpAsync();
        Assert.Equal(start + 1, index.Position);   // not past the gap: a restart reads from there again
        var pending = follower.WhenPastAsync(start + 3);
        Assert.False(pending.IsCompleted);

        await LogAsync(db, start + 2, slow);   // the slow transaction commits
        await follower.CatchUpAsync();
        Assert.Equal(start + 3, index.Position);
        Assert.True(pending.IsCompletedSuccessfully);

        // An id that never appears (a rolled-back write) is given up after Search:GapTimeout (10 minutes).
        await LogAsync(db, start + 5, never);
        await follower.CatchUpAsync();
        Assert.Equal(start + 3, index.Position);
        db.Clock.Advance(TimeSpan.FromMinutes(11));
        await follower.CatchUpAsync();
        Assert.Equal(start + 5, index.Position);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Pruning_should_keep_what_a_live_node_has_not_read_and_make_a_node_away_too_long_rebuild(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        var follower = db.Services.GetRequiredService<SearchFollower>();
        var item = await PublishedItemAsync(db, "关于防汛的通知");
        await follower.CatchUpAsync();
        var here = db.Services.GetRequiredService<CatalogIndex>().NodeId;
        var away = Guid.NewGuid();
        await using (var scope = db.Scope())
        {
            var gongkai = db.Get<GongkaiDb>(scope);
            gongkai.Add(new SearchNode { Id = away, Name = "node-b", Position = 1, SeenAt = db.Clock.GetUtcNow().UtcDateTime });
            await gongkai.SaveChangesAsync();
        }

        async Task<int> PruneAsync()
        {
            await using var scope = db.Scope();
            return await db.Get<PruneSearchChanges>(scope).HandleAsync();
        }

        async Task<(int Entries, SearchNode Away)> StateAsync()
        {
            await using var scope = db.Scope();
            var gongkai = db.Get<GongkaiDb>(scope);
            return (await gongkai.Set<SearchChange>().CountAsync(), await gongkai.Set<SearchNode>().AsNoTracking().SingleAsync(n => n.Id == away));
        }

        // Node B has read only the first entry: the others stay, whatever this node has read.
        db.Clock.Advance(TimeSpan.FromHours(1));
        var before = (await StateAsync()).Entries;
        Assert.Equal(1, await PruneAsync());
        Assert.Equal(before - 1, (await StateAsync()).Entries);
        Assert.False((await StateAsync()).Away.MustRebuild);

        // A week later node B is up but still at its old position (stuck): the entries go, and B must rebuild.
        db.Clock.Advance(TimeSpan.FromDays(7.1));
        await follower.CatchUpAsync();   // this node reports itself live
        await using (var scope = db.Scope())
            await db.Get<GongkaiDb>(scope).Set<SearchNode>().Where(n => n.Id == away)
                .ExecuteUpdateAsync(n => n.SetProperty(x => x.SeenAt, db.Clock.GetUtcNow().UtcDateTime));
        Assert.True(await PruneAsync() > 0);
        var (entries, awayNode) = await StateAsync();
        Assert.Equal((0, true), (entries, awayNode.MustRebuild));
        await using (var scope = db.Scope())
            Assert.False((await db.Get<GongkaiDb>(scope).Set<SearchNode>().SingleAsync(n => n.Id == here)).MustRebuild);
        Assert.True(Finds(db, item));

        // Not seen for another week: forgotten (if it comes back, its row is missing and it rebuilds).
        db.Clock.Advance(TimeSpan.FromDays(7.1));
        await follower.CatchUpAsync();
        await PruneAsync();
        await using (var scope = db.Scope())
            Assert.Equal([here], await db.Get<GongkaiDb>(scope).Set<SearchNode>().Select(n => n.Id).ToListAsync());
    }
}
