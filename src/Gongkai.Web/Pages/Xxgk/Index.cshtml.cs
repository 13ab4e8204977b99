using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.PageCache;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Xxgk;

/// <summary>/xxgk and /xxgk/{unit}: the proactive disclosure catalog by unit (with its subtree), theme, genre, year and validity.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Catalog])]
public class IndexModel(GongkaiDb db, PublicCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public Genre? Genre { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Validity? Validity { get; set; }
    /// <summary>?page=, from the query string only: Razor Pages keep a route value named "page" (the page's path), which a
    /// bound property of that name would read instead, always staying on the first page.</summary>
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public PublicCatalog.Page Results { get; private set; } = new(0, 1, PublicCatalog.PageSize, []);
    public string? UnitName { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>Whether a filter other than the unit of the address is set: the folded filters open then.</summary>
    public bool Filtered => !string.IsNullOrEmpty(Theme) || Genre is not null || Year is not null || Validity is not null
        || Request.Query["unit"].ToString().Length > 0;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!string.IsNullOrEmpty(Unit))
        {
            UnitName = await db.Units.Where(u => u.Code == Unit).Select(u => u.FullName).SingleOrDefaultAsync();
            if (UnitName is null)
                return NotFound();
        }
        Results = await catalog.ListAsync(new(Unit, Theme, Genre, Year, Validity), PageNumber);
        Units = [.. (await db.Units.InTreeOrderAsync()).Select(u => new SelectListItem(u.FullName, u.Code, u.Code == Unit))];
        // The first published item's date: one step down the (State, PublishedOn, …) index, where "any date" read every row.
        var first = await db.CatalogItems.Where(i => i.State == CatalogState.Published).MinAsync(i => i.PublishedOn);
        Years = first is { } f ? [.. Enumerable.Range(f.Year, DateTime.UtcNow.Year - f.Year + 1).Reverse()] : [];
        return Page();
    }

    public string PageLink(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["unit"] = Unit,
            ["theme"] = Theme,
            ["genre"] = Genre?.ToString(),
            ["year"] = Year?.ToString(),
            ["validity"] = Validity?.ToString(),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is var q ? "/xxgk" + q : "/xxgk";
}
