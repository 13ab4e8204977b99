using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Scorecards;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.SiteCheck;

/// <summary>/office/site-check/log: who changed the check's settings, judged findings or ran it, for the unit and the units below it, newest first.</summary>
public class LogModel(GongkaiDb db) : SiteCheckPageModel(db)
{
    public const int Shown = 300;

    public List<(SiteCheckLogEntry Entry, string Unit)> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadUnitAsync())
            return NotFound();
        var units = (await ScorecardUnits.SubtreeAsync(Db, Current, HttpContext.RequestAborted)).ToDictionary(u => u.Id, u => u.Name);
        var ids = units.Keys.ToList();
        Entries = [.. (await Db.SiteCheckLog.AsNoTracking().Where(e => ids.Contains(e.UnitId)).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(Shown).ToListAsync())
            .Select(e => (e, units[e.UnitId]))];
        return Page();
    }
}
