using Gongkai.App.Data;
using Gongkai.App.PageCache;
using Gongkai.App.Search;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>/search: full-text search of the catalog, a plain GET form that works without JavaScript.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Catalog, PortalAreas.Search])]
public class SearchModel(GongkaiDb db, CatalogSearch search) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public Genre? Genre { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public Validity? Validity { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>?page=, from the query string only: Razor Pages keep a route value named "page" (the page's path), which a
    /// bound property of that name would read instead, always staying on the first page.</summary>
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>Whether a filter beside the words is set: the filters, folded away on a phone, open then.</summary>
    public bool Filtered => !string.IsNullOrEmpty(Unit) || Genre is not null || !string.IsNullOrEmpty(Category) || Validity is not null
        || From is not null || To is not null || !string.IsNullOrEmpty(Sort);

    public CatalogSearch.Result? Result { get; private set; }
    public string? Problem { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];

    /// <summary>The words searched for, to mark them in titles as in snippets.</summary>
    public IReadOnlyList<string> Words { get; private set; } = [];

    /// <summary>A 文号 of a published item, for the box's example: an example that finds something on this site.</summary>
    public string? ExampleNumber { get; private set; }

    public async Task OnGetAsync()
    {
        Units = [.. (await db.Units.InTreeOrderAsync()).Select(u => new SelectListItem(u.FullName, u.Code, u.Code == Unit))];
        ExampleNumber = (await db.CatalogItems.AsNoTracking().Where(i => i.State == CatalogState.Published && i.DocumentNumber.Contains("〔"))
                .OrderByDescending(i => i.PublishedOn).Select(i => i.DocumentNumber).Take(5).ToListAsync())
            .FirstOrDefault(n => SearchQuery.Parse(n).Query?.DocumentNumber is not null);
        if (string.IsNullOrWhiteSpace(Q))
            return;
        var (query, problem) = SearchQuery.Parse(Q);
        Problem = problem;
        if (query is null)
            return;
        Words = [.. query.Terms, .. query.Phrases];
        try
        {
            Result = await search.SearchAsync(query, new(Unit, Genre, Category, From, To, Sort == "date", Validity), PageNumber);
        }
        catch (SearchUnavailableException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
        }
    }

    public string PageLink(int page) => "/search" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["unit"] = Unit,
        ["genre"] = Genre?.ToString(),
        ["category"] = Category,
        ["validity"] = Validity?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd"),
        ["to"] = To?.ToString("yyyy-MM-dd"),
        ["sort"] = Sort,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
}
