using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Reports;

/// <summary>数字来源: one cell of a compiled report and what stands behind it — the records counted, the figures entered.</summary>
public class CellModel(GongkaiDb db, TraceReportCell trace) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Unit { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty(SupportsGet = true)] public string Key { get; set; } = "";

    public CellTrace? Trace { get; private set; }
    public ReportScope ChosenScope => ReportScopes.Parse(Scope) ?? ReportScope.Unit;
    public string ReportUrl => $"/office/reports?unit={Unit}&year={Year}&scope={ChosenScope.Code()}";

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await HttpContext.StaffScope().UnitsIn(db).AnyAsync(u => u.Code == Unit))
            return await db.Units.AnyAsync(u => u.Code == Unit) ? Forbid() : NotFound();
        var outcome = await trace.HandleAsync(Unit, Year, ChosenScope, Key, HttpContext.RequestAborted);
        if (outcome.Kind != OutcomeKind.Done)
            return NotFound();
        Trace = outcome.Value;
        return Page();
    }
}
