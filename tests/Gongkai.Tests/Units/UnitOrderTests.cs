using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Units;
using Gongkai.Core.Accounts;
using Gongkai.Core.Units;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Units;

/// <summary>One order of units everywhere: the tree, a parent before its children, siblings by their sort order.</summary>
public class UnitOrderTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Units_should_come_in_tree_order_with_siblings_by_sort_order(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var context = db.Get<GongkaiDb>(scope);
        // Put 映月区's bureaus in an order unlike their creation order.
        await context.Units.Where(u => u.Code == SeedDemoData.CodeOf("yy-zjj")).ExecuteUpdateAsync(s => s.SetProperty(u => u.SortOrder, -5));
        var ordered = await context.Units.InTreeOrderAsync();

        Assert.Equal(await context.Units.CountAsync(), ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var u = ordered[i];
            if (u.ParentId is { } parent)
                Assert.True(ordered.Take(i).Any(p => p.Id == parent), $"{u.FullName} comes before its parent");
            // A subtree is contiguous: once past a unit's subtree, nothing of it comes again.
            var subtree = ordered.Skip(i).TakeWhile(x => UnitPath.IsWithin(x.Path, u.Path)).Count();
            Assert.DoesNotContain(ordered.Skip(i + subtree), x => UnitPath.IsWithin(x.Path, u.Path));
        }
        var yy = ordered.Single(u => u.Code == SeedDemoData.CodeOf("yy"));
        var children = ordered.Where(u => u.ParentId == yy.Id).ToList();
        Assert.Equal(SeedDemoData.CodeOf("yy-zjj"), children[0].Code);
        Assert.Equal(children.OrderBy(c => c.SortOrder).Select(c => c.Code), children.Select(c => c.Code));
    }

    [Fact]
    public async Task Office_unit_lists_and_selects_should_share_the_tree_order()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("city-admin", "city", StaffRole.UnitAdmin);
        IReadOnlyList<string> expected;
        await using (var scope = app.Database.Scope())
            expected = [.. (await app.Database.Get<GongkaiDb>(scope).Units.InTreeOrderAsync()).Select(u => u.Code)];

        var client = await app.SignedInAsync("city-admin");
        var status = await client.GetPageAsync("/office/reports/status");
        Assert.Equal(expected, status.QuerySelectorAll("select[name=unit] option[value]").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0));
    }
}
