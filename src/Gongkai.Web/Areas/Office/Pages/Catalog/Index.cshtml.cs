using Gongkai.App;
using Gongkai.App.Calendar;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Gongkai.Web.Areas.Office.Pages.Catalog;

/// <summary>
/// The catalog items of the account's subtree (<see cref="OfficeCatalog"/>), one tab per state, newest first, 20 a page
/// with 上一页/下一页; filtered by unit, 体裁 and year, found by a piece of the title or the 索引号. Published items show
/// their 索引号 and a 超期发布 flag when they came out after the 20 working days of 第二十六条.
/// </summary>
public class IndexModel(GongkaiDb db, OfficeCatalog catalog, OfficialCalendar calendars, TimeProvider clock) : PageModel
{
    public sealed record Row(OfficeCatalog.Row Item, bool Late);

    public sealed record Tab(string Key, string Label, CatalogState? State);

    public static readonly IReadOnlyList<Tab> Tabs =
    [
        new("draft", "草稿", CatalogState.Draft), new("submitted", "待审核", CatalogState.Submitted),
        new("published", "已发布", CatalogState.Published), new("withdrawn", "已撤下", CatalogState.Withdrawn), new("all", "全部", null),
    ];

    /// <summary>The tab; without one, what the account works on: 待审核 for reviewers, 草稿 for editors, 全部 for the others.</summary>
    [BindProperty(SupportsGet = true)] public string Show { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Genre { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Title { get; set; }
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }

    public Tab Current { get; private set; } = Tabs[^1];
    public OfficeCatalog.Page Results { get; private set; } = new([], new(0, true), null, null);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<CatalogState, long> Counts { get; private set; } = new Dictionary<CatalogState, long>();
    public List<SelectListItem> Units { get; private set; } = [];
    public IEnumerable<int> Years => Enumerable.Range(2008, clock.Today().Year - 2007).Reverse();
    public bool CanEdit { get; private set; }

    /// <summary>Whether the tab lists published items, so the 索引号 and 发布日期 columns are shown.</summary>
    public bool ShowsPublished => Current.State is null or CatalogState.Published or CatalogState.Withdrawn;

    /// <summary>Whether the tab lists unpublished items only, which have no publication year.</summary>
    public bool Unpublished => Current.State is CatalogState.Draft or CatalogState.Submitted;

    public Genre? ChosenGenre => Enum.TryParse<Genre>(Genre, out var g) && Enum.IsDefined(g) ? g : null;

    public bool Filtered => !string.IsNullOrWhiteSpace(Unit) || ChosenGenre is not null || Year is not null
        || !string.IsNullOrWhiteSpace(Title) || !string.IsNullOrWhiteSpace(Number);

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        CanEdit = scope.CanEditCatalog;
        Current = Tabs.FirstOrDefault(t => t.Key == Show)
            ?? Tabs.Single(t => t.Key == (scope.CanReviewCatalog ? "submitted" : scope.CanEditCatalog ? "draft" : "all"));
        Show = Current.Key;
        if (Unpublished)
            Year = null;
        Units = await UnitChoices.InScopeAsync(db, scope, r => r.Code);

        var filter = new OfficeCatalog.Filter(Current.State, Unit, ChosenGenre, Year, Title, Number);
        Results = await catalog.ListAsync(scope, filter, ListKey.Parse(After), ListKey.Parse(Before), HttpContext.RequestAborted);
        if (Results.UnitRefused)
            Response.StatusCode = StatusCodes.Status403Forbidden;
        Counts = await catalog.CountUnlistedAsync(scope, HttpContext.RequestAborted);
        var calendar = await calendars.GetAsync(db);
        Rows = [.. Results.Rows.Select(r => new Row(r, r.PublishedOn is { } published && PublicationDeadline.IsLate(calendar, r.FormedOn, published)))];
    }

    /// <summary>This list with another tab, or from another place in it; the filters kept.</summary>
    public string Link(string? show = null, ListKey? after = null, ListKey? before = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["show"] = show ?? Show,
            ["unit"] = Unit,
            ["genre"] = ChosenGenre?.ToString(),
            ["year"] = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["title"] = Title,
            ["number"] = Number,
            ["after"] = after?.ToString(),
            ["before"] = before?.ToString(),
        };
        return QueryString.Create(query.Where(p => !string.IsNullOrWhiteSpace(p.Value))).ToUriComponent();
    }
}
