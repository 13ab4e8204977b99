using Gongkai.App.Data;
using Gongkai.App.PageCache;
using Gongkai.App.Units;
using Gongkai.Core.Units;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Units;

/// <summary>
/// A unit's page, the hub of its openness: its 政府信息公开指南 (条例第十二条: its disclosure office and how to obtain
/// information) with links to its catalog, its annual reports and the application form addressed to it, and its newest items.
/// </summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Catalog])]
public class GuideModel(GongkaiDb db) : PageModel
{
    public Unit? Unit { get; private set; }
    public IReadOnlyList<Unit> Ancestors { get; private set; } = [];
    public IReadOnlyList<Unit> Children { get; private set; } = [];

    public sealed record NewItem(string IndexNumber, string Title, DateOnly PublishedOn);

    /// <summary>The unit's own newest published items (read from the UnitId, State, PublishedOn index).</summary>
    public IReadOnlyList<NewItem> Newest { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var normalized = OrganisationCode.TryParse(code, out var parsed, out _) ? parsed!.Value : code;
        Unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == normalized);
        if (Unit is null)
            return NotFound();
        var ancestorPaths = AncestorPaths(Unit.Path);
        Ancestors = (await db.Units.AsNoTracking().Where(u => ancestorPaths.Contains(u.Path)).ToListAsync())
            .OrderBy(u => u.Path.Length).ToList();
        Children = await db.Units.AsNoTracking().Where(u => u.ParentId == Unit.Id).OrderBy(u => u.SortOrder).ToListAsync();
        var unitId = Unit.Id;
        Newest = await db.CatalogItems.AsNoTracking().Where(i => i.UnitId == unitId && i.State == Gongkai.Core.Catalog.CatalogState.Published)
            .OrderByDescending(i => i.PublishedOn).Take(5)
            .Select(i => new NewItem(i.IndexNumber!, i.Title, i.PublishedOn!.Value)).ToListAsync();
        return Page();
    }

    private static List<string> AncestorPaths(string path)
    {
        var ids = path.Trim('/').Split('/');
        return [.. Enumerable.Range(1, ids.Length - 1).Select(n => "/" + string.Join('/', ids.Take(n)) + "/")];
    }
}
