using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Tests.Data;

namespace Gongkai.Tests.Web;

/// <summary>
/// The public lists' 下一页 leads to the next page: ?page= is read from the query string, not from the route value of the
/// same name that Razor Pages keep (the page's path), which kept every list on its first page.
/// </summary>
public class PagingTests
{
    [Fact]
    public async Task The_catalogs_next_page_should_list_the_next_items()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await using (var scope = app.Database.Scope())
            await app.Database.Get<SeedDemoCatalog>(scope).HandleAsync(45);

        var first = await app.Browser().GetPageAsync("/xxgk");
        var next = first.QuerySelectorAll("nav.pager a").Single(a => a.TextContent == "下一页").GetAttribute("href")!;
        var second = await app.Browser().GetPageAsync(next);

        Assert.Contains("第 2 页，共 3 页", second.QuerySelector("nav.pager")!.TextContent);
        var titles = (AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("table.catalog tbody a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Empty(titles(first).Intersect(titles(second)));
        Assert.Equal(20, titles(second).Count);
    }
}
