using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Gongkai.Web.Areas.Office.Pages.Letters.Stats;

/// <summary>
/// 来信统计 of a unit of the scope for a year, quarter or month, by mailbox, handling unit, type, month or quarter
/// (<see cref="LetterStats"/>); every count links to its letters; the same table as XLSX; and, by mailbox, the
/// 《政府网站工作年度报表》 互动交流 figures.
/// </summary>
public class IndexModel(GongkaiDb db, LetterStats stats, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public StatsQuery Query { get; set; } = new();
    public LetterStats.Report Report { get; private set; } = null!;
    public string Period { get; private set; } = "";
    public List<SelectListItem> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        Units = await UnitChoices.InScopeAsync(db, HttpContext.StaffScope(), r => r.Code);
        return Page();
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        var buffer = new MemoryStream();
        LetterStatsXlsx.Write(buffer, Report, Period);
        buffer.Position = 0;
        return File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{Report.Unit}来信统计-{Period}.xlsx");
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var query = await Query.ResolveAsync(db, HttpContext.StaffScope(), clock.Today().Year);
        var outcome = await stats.HandleAsync(query, HttpContext.StaffScope());
        switch (outcome.Kind)
        {
            case OutcomeKind.Missing:
                return NotFound();
            case OutcomeKind.Denied:
                return Forbid();
            case OutcomeKind.Invalid:
                return BadRequest(outcome.Problems[0].Message);
        }
        (Report, Period) = (outcome.Value!, StatsQuery.PeriodName(query));
        return null;
    }
}
