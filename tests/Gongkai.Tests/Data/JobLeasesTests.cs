using Gongkai.App.Data;
using Gongkai.Tests.Data;

namespace Gongkai.Tests.Data;

/// <summary>Scheduled work on several nodes: a lease is held by one node at a time, renewed by it, and free when it lapses.</summary>
public class JobLeasesTests
{
    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Only_one_node_holds_a_lease_until_it_lapses_or_is_released(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, demo: false);
        await using var first = test.Scope();
        await using var second = test.Scope();
        var nodeA = test.Get<JobLeases>(first);
        var nodeB = test.Get<JobLeases>(second);

        Assert.True(await nodeA.TryTakeAsync("site-check", TimeSpan.FromMinutes(10), "node-a"));
        Assert.False(await nodeB.TryTakeAsync("site-check", TimeSpan.FromMinutes(10), "node-b"));
        Assert.True(await nodeA.TryTakeAsync("site-check", TimeSpan.FromMinutes(10), "node-a")); // renewed by its holder
        Assert.True(await nodeB.TryTakeAsync("site-probes", TimeSpan.FromMinutes(10), "node-b")); // another job is free

        test.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.True(await nodeB.TryTakeAsync("site-check", TimeSpan.FromMinutes(10), "node-b")); // lapsed: taken over
        Assert.False(await nodeA.TryTakeAsync("site-check", TimeSpan.FromMinutes(10), "node-a"));

        await nodeB.ReleaseAsync("site-check", "node-b");
        Assert.True(await nodeA.TryTakeAsync("site-check", TimeSpan.FromMinutes(10), "node-a"));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Two_nodes_racing_for_a_new_lease_get_it_once(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider, demo: false);
        var attempts = Enumerable.Range(0, 8).Select(async n =>
        {
            await using var scope = test.Scope();
            return await test.Get<JobLeases>(scope).TryTakeAsync("daily", TimeSpan.FromMinutes(5), $"node-{n}");
        });
        var taken = await Task.WhenAll(attempts);
        Assert.Equal(1, taken.Count(t => t));
    }
}
