using Gongkai.App.Data;
using Gongkai.App.PageCache;
using Gongkai.App.Reports;
using Gongkai.App.Units;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Nb;

/// <summary>/nb: the published annual reports, newest year first, optionally of one unit and the units below it.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Reports])]
public class IndexModel(GongkaiDb db) : PageModel
{
    public sealed record Line(string UnitCode, string UnitName, int Year, DateTime PublishedAt);

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    public string? UnitName { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<Line> Reports { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var published = db.AnnualReports.AsNoTracking().Where(r => r.State == AnnualReportState.Published);
        Units = [.. (await db.Units.Where(u => published.Any(r => r.UnitId == u.Id)).InTreeOrderAsync())
            .Select(u => new SelectListItem(u.FullName, u.Code, u.Code == Unit))];
        if (!string.IsNullOrWhiteSpace(Unit))
        {
            var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == Unit);
            if (unit is null)
                return NotFound();
            UnitName = unit.FullName;
            published = published.Within(unit.Path);
        }
        var rows = await published.Select(r => new { r.Unit.Code, r.Unit.FullName, r.Unit.Path, r.Year, r.PublishedAt }).ToListAsync();
        Reports = [.. rows.OrderByDescending(r => r.Year).ThenBy(r => r.Path, StringComparer.Ordinal)
            .Select(r => new Line(r.Code, r.FullName, r.Year, r.PublishedAt!.Value))];
        return Page();
    }
}
