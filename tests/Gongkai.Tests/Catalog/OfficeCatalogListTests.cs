using System.Net;
using Gongkai.App.Accounts;
using Gongkai.App.Calendar;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Catalog;

/// <summary>The office catalog list (/office/catalog): paging through everything, the filters, finding, and the subtree.</summary>
public class OfficeCatalogListTests
{
    private static readonly StaffScope Staff = StaffScope.System with { DisplayName = "审核", Roles = new HashSet<string> { StaffRole.CatalogEditor, StaffRole.CatalogReviewer } };

    private sealed record Item(Guid Id, string Title, string UnitPath, string UnitCode, Genre Genre, CatalogState State, string? IndexNumber, DateOnly? PublishedOn);

    /// <summary>
    /// Three years of the demo catalog, then on its last day three more published (the same day as others), one of them
    /// withdrawn, one waiting for review and one draft; every item as the database holds it.
    /// </summary>
    private static async Task<(WebApp App, List<Item> Items)> CatalogAsync(DatabaseProvider provider, int demoItems = 90)
    {
        var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2025, 6, 30));
        await using var scope = app.Database.Scope();
        Assert.Equal(demoItems, await app.Database.Get<SeedDemoCatalog>(scope).HandleAsync(demoItems));
        var ids = new List<Guid>();
        foreach (var (title, unit) in new[] { ("映月区关于防汛工作的通知", "yy"), ("松涛区关于防汛工作的通知", "st"), ("青岚市关于防汛工作的通知", "city"), ("映月区教育局防汛工作方案", "yy-jyj") })
            ids.Add((await CatalogWorkflowTests.SubmittedAsync(app.Database, CatalogWorkflowTests.Notice(title) with { FormedOn = new DateOnly(2025, 6, 20) }, unit)).Id);
        foreach (var id in ids.Take(3))
            Assert.True((await app.Database.Get<PublishCatalogItem>(scope).HandleAsync(new(id), Staff)).Succeeded);
        Assert.True((await app.Database.Get<ChangeCatalogItem>(scope).HandleAsync(new(ids[1], ChangeCatalogItem.Change.Withdraw, "内容有误。"), Staff)).Succeeded);
        Assert.True((await CatalogAttachmentTests.DraftAsync(app.Database, "映月区防汛物资储备情况（草稿）", "yy")).Id != Guid.Empty);
        var items = await app.Database.Get<GongkaiDb>(scope).CatalogItems.AsNoTracking()
            .Select(i => new Item(i.Id, i.Title, i.Unit.Path, i.Unit.Code, i.Genre, i.State, i.IndexNumber, i.PublishedOn)).ToListAsync();
        return (app, items);
    }

    /// <summary>Follows 下一页 from <paramref name="url"/> to the end: the items in the order shown, and the first page's count line.</summary>
    private static async Task<(List<Guid> Ids, string Count)> WalkAsync(HttpClient client, string url)
    {
        var (ids, count) = (new List<Guid>(), (string?)null);
        for (var next = url; next is not null && ids.Count < 2000;)
        {
            var page = await client.GetPageAsync(next);
            count ??= page.QuerySelector("p[role=status]")!.TextContent.Trim();
            ids.AddRange(IdsOn(page));
            next = page.QuerySelector("nav.pager a[rel=next]")?.GetAttribute("href") is { } href ? "/office/catalog" + href : null;
        }
        return (ids, count!);
    }

    private static IEnumerable<Guid> IdsOn(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table.grid tbody tr td:first-child a").Select(a => Guid.Parse(a.GetAttribute("href")!.Split('/')[^1]));

    /// <summary>No item twice, every expected one, unpublished first, then by publication date, newest first.</summary>
    private static void AssertListed(IEnumerable<Item> expected, List<Guid> shown, List<Item> all)
    {
        Assert.Equal(shown.Count, shown.Distinct().Count());
        Assert.Equal(expected.Select(i => i.Id).Order(), shown.Order());
        var dates = shown.Select(id => all.Single(i => i.Id == id).PublishedOn ?? DateOnly.MaxValue).ToList();
        Assert.Equal(dates.OrderDescending(), dates);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Paging_should_walk_every_item_once_newest_first_and_back(DatabaseProvider provider)
    {
        var (app, items) = await CatalogAsync(provider, demoItems: 520);   // more than the 500 the list once stopped at
        await using var _ = app;
        await app.AddStaffAsync("admin", "city", StaffRole.SystemAdmin);
        var client = await app.SignedInAsync("admin");

        var (forward, count) = await WalkAsync(client, "/office/catalog?show=all");
        AssertListed(items, forward, items);
        Assert.Equal(525, forward.Count);
        Assert.Equal("共 525 条。", count);
        Assert.Equal([CatalogState.Draft, CatalogState.Submitted], forward.Take(2).Select(id => items.Single(i => i.Id == id).State).Order());

        // Back from the last page by 上一页: the same pages in reverse.
        var lastStart = (forward.Count - 1) / OfficeCatalog.PageSize * OfficeCatalog.PageSize;
        var last = await client.GetPageAsync("/office/catalog?show=all&after=" + Key(items.Single(i => i.Id == forward[lastStart - 1])));
        var backward = IdsOn(last).ToList();
        for (var prev = last.QuerySelector("nav.pager a[rel=prev]")?.GetAttribute("href"); prev is not null;)
        {
            var page = await client.GetPageAsync("/office/catalog" + prev);
            backward.InsertRange(0, IdsOn(page));
            prev = page.QuerySelector("nav.pager a[rel=prev]")?.GetAttribute("href");
        }
        Assert.Equal(forward, backward);

        var tabs = (await client.GetPageAsync("/office/catalog")).QuerySelectorAll("main a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Contains("草稿（1）", tabs);
        Assert.Contains("待审核（1）", tabs);
        Assert.Contains("已撤下（1）", tabs);
    }

    private static string Key(Item item) => new ListKey(item.PublishedOn, item.Id).ToString();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_filter_should_narrow_the_list_and_a_title_piece_or_an_index_number_should_find(DatabaseProvider provider)
    {
        var (app, items) = await CatalogAsync(provider);
        await using var _ = app;
        await app.AddStaffAsync("admin", "city", StaffRole.SystemAdmin);
        var client = await app.SignedInAsync("admin");
        var yy = SeedDemoData.CodeOf("yy");
        var yyPath = items.First(i => i.UnitCode == yy).UnitPath;
        var genre = items.GroupBy(i => i.Genre).OrderByDescending(g => g.Count()).Skip(1).First().Key;
        var published = items.Where(i => i.State == CatalogState.Published).ToList();
        var number = published.First(i => i.UnitCode == yy).IndexNumber!;

        var filters = new (string Query, Func<Item, bool> Expected)[]
        {
            ("show=published", i => i.State == CatalogState.Published),
            ($"show=all&unit={yy}", i => i.UnitPath.StartsWith(yyPath, StringComparison.Ordinal)),
            ($"show=all&genre={genre}", i => i.Genre == genre),
            ("show=all&year=2024", i => i.PublishedOn?.Year == 2024),
            ($"show=published&unit={yy}&genre={genre}&year=2024", i => i.State == CatalogState.Published && i.UnitPath.StartsWith(yyPath, StringComparison.Ordinal) && i.Genre == genre && i.PublishedOn?.Year == 2024),
            ("show=all&title=防汛", i => i.Title.Contains("防汛", StringComparison.Ordinal)),
            ($"show=all&title={Uri.EscapeDataString("映月区")}&unit={yy}", i => i.Title.Contains("映月区", StringComparison.Ordinal) && i.UnitPath.StartsWith(yyPath, StringComparison.Ordinal)),
            ($"show=all&number={Uri.EscapeDataString(number)}", i => i.IndexNumber == number),
            ($"show=all&number={Uri.EscapeDataString(number[..^1])}", _ => false),      // 索引号 exactly, not a prefix
        };
        foreach (var (query, expected) in filters)
        {
            var wanted = items.Where(expected).ToList();
            Assert.True(wanted.Count < items.Count, query);
            var (shown, count) = await WalkAsync(client, "/office/catalog?" + query);
            AssertListed(wanted, shown, items);
            Assert.Equal($"共 {wanted.Count} 条。", count);
        }
        Assert.Contains(number, (await client.GetPageAsync($"/office/catalog?show=all&number={Uri.EscapeDataString(number)}")).QuerySelector("table.grid tbody")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_outside_the_accounts_subtree_should_never_be_listed(DatabaseProvider provider)
    {
        var (app, items) = await CatalogAsync(provider);
        await using var _ = app;
        await app.AddStaffAsync("yy-editor", "yy", StaffRole.CatalogEditor);
        var client = await app.SignedInAsync("yy-editor");
        var yyPath = items.First(i => i.UnitCode == SeedDemoData.CodeOf("yy")).UnitPath;

        var (shown, _) = await WalkAsync(client, "/office/catalog?show=all");
        AssertListed(items.Where(i => i.UnitPath.StartsWith(yyPath, StringComparison.Ordinal)), shown, items);
        foreach (var outside in new[] { "st", "city", "st-zx" })
        {
            var response = await client.GetAsync($"/office/catalog?show=all&unit={SeedDemoData.CodeOf(outside)}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            Assert.Empty(IdsOn(page));
            Assert.Contains("不在您的管辖范围内", page.QuerySelector("[role=alert]")!.TextContent);
        }
        var other = items.First(i => i.UnitCode == SeedDemoData.CodeOf("st") && i.IndexNumber is not null);   // nor found by its 索引号
        Assert.Empty(IdsOn(await client.GetPageAsync($"/office/catalog?show=all&number={Uri.EscapeDataString(other.IndexNumber!)}")));
        Assert.Empty(IdsOn(await client.GetPageAsync("/office/catalog?show=all&title=松涛区")));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_narrowed_list_should_go_on_past_its_window_page_by_page_and_a_long_one_should_estimate_its_count(DatabaseProvider provider)
    {
        var (app, items) = await CatalogAsync(provider);
        await using var _ = app;
        await using var scope = app.Database.Scope();
        // Windows of the days holding about 7 entries a page (40 with a title), 30 items counted exactly.
        var list = new OfficeCatalog(app.Database.Get<GongkaiDb>(scope), app.Database.Get<OfficialCalendar>(scope)) { Windows = (7, 40), Counted = 30 };
        var yy = SeedDemoData.CodeOf("yy");
        var yyPath = items.First(i => i.UnitCode == yy).UnitPath;
        var genre = items.GroupBy(i => i.Genre).OrderByDescending(g => g.Count()).First().Key;
        var cases = new (OfficeCatalog.Filter Filter, Func<Item, bool> Expected)[]
        {
            (new(Title: "映月区"), i => i.Title.Contains("映月区", StringComparison.Ordinal)),
            (new(Unit: yy, Genre: genre), i => i.UnitPath.StartsWith(yyPath, StringComparison.Ordinal) && i.Genre == genre),
            (new(), _ => true),
        };
        foreach (var (filter, expected) in cases)
        {
            var wanted = items.Where(expected).ToList();
            var first = await list.ListAsync(Staff, filter);
            // More than 30, or a title past its window: 约 N; else exact.
            Assert.Equal(wanted.Count <= 30 && filter.Title is null, first.Total.Exact);
            Assert.InRange(first.Total.Count, first.Total.Exact ? wanted.Count : wanted.Count / 3, first.Total.Exact ? wanted.Count : wanted.Count * 3);
            var (shown, stops) = (first.Rows.Select(r => r.Id).ToList(), first.ReadUpTo is null ? 0 : 1);
            for (var page = first; page.Older is { } older;)
            {
                page = await list.ListAsync(Staff, filter, after: older);
                shown.AddRange(page.Rows.Select(r => r.Id));
                stops += page.ReadUpTo is null ? 0 : 1;
            }
            AssertListed(wanted, shown, items);
            Assert.Equal(filter == new OfficeCatalog.Filter(), stops == 0);            // narrowed pages ended at their window and went on
        }
    }
}
