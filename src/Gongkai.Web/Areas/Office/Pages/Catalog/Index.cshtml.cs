using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Catalog;

/// <summary>
/// The catalog items of the account's subtree, one tab per state, newest first; published ones with their 索引号 and a
/// 超期发布 flag when they came out after the 20 working days of 第二十六条.
/// </summary>
public class IndexModel(GongkaiDb db, OfficialCalendar calendars) : PageModel
{
    public sealed record Row(Guid Id, string Title, string Unit, Genre Genre, DateOnly FormedOn, CatalogState State,
        string? IndexNumber, DateOnly? PublishedOn, bool Late);

    public sealed record Tab(string Key, string Label, CatalogState? State);

    public static readonly IReadOnlyList<Tab> Tabs =
    [
        new("draft", "草稿", CatalogState.Draft), new("submitted", "待审核", CatalogState.Submitted),
        new("published", "已发布", CatalogState.Published), new("withdrawn", "已撤下", CatalogState.Withdrawn), new("all", "全部", null),
    ];

    /// <summary>The tab; without one, what the account works on: 待审核 for reviewers, 草稿 for editors, 全部 for the others.</summary>
    [BindProperty(SupportsGet = true)] public string Show { get; set; } = "";
    public Tab Current { get; private set; } = Tabs[^1];
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<CatalogState, int> Counts { get; private set; } = new Dictionary<CatalogState, int>();
    public bool CanEdit { get; private set; }

    /// <summary>Whether the tab lists published items, so the 索引号 and 发布日期 columns are shown.</summary>
    public bool ShowsPublished => Current.State is null or CatalogState.Published or CatalogState.Withdrawn;

    public int Count(Tab tab) => tab.State is { } state ? Counts.GetValueOrDefault(state) : Counts.Values.Sum();

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        CanEdit = scope.CanEditCatalog;
        Current = Tabs.FirstOrDefault(t => t.Key == Show)
            ?? Tabs.Single(t => t.Key == (scope.CanReviewCatalog ? "submitted" : scope.CanEditCatalog ? "draft" : "all"));
        Show = Current.Key;

        var scopePath = scope.ScopePath;
        var inScope = db.CatalogItems.AsNoTracking().Where(i => i.Unit.Path.StartsWith(scopePath));
        Counts = (await inScope.GroupBy(i => i.State).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(g => g.Key, g => g.Count);

        var query = Current.State is { } state ? inScope.Where(i => i.State == state) : inScope;
        query = Current.State is CatalogState.Published or CatalogState.Withdrawn
            ? query.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.IndexNumber)
            : query.OrderByDescending(i => i.CreatedAt);
        var items = await query.Take(500)
            .Select(i => new { i.Id, i.Title, Unit = i.Unit.ShortName, i.Genre, i.FormedOn, i.State, i.IndexNumber, i.PublishedOn })
            .ToListAsync();
        var calendar = await calendars.GetAsync(db);
        Rows = [.. items.Select(i => new Row(i.Id, i.Title, i.Unit, i.Genre, i.FormedOn, i.State, i.IndexNumber, i.PublishedOn,
            i.PublishedOn is { } published && PublicationDeadline.IsLate(calendar, i.FormedOn, published)))];
    }
}
