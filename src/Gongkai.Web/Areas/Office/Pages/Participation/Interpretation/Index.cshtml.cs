using Gongkai.App.Participation.Responses;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Interpretation;

/// <summary>
/// /office/participation/interpretation: 解读三同步 coverage of each unit in scope for a year — policies that must be interpreted,
/// interpreted (with the 解读's forms), waived, missing — and the policies themselves, narrowed to a unit and a status.
/// </summary>
public class IndexModel(InterpretationCoverage coverage, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public InterpretationCoverage.Status? Status { get; set; }
    public InterpretationCoverage.Report Result { get; private set; } = null!;
    public IEnumerable<InterpretationCoverage.Policy> Shown =>
        Result.Policies.Where(p => (Unit is null || p.UnitCode == Unit) && (Status is null || p.Status == Status));

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanHandleParticipation && !scope.CanReviewCatalog && !scope.CanWriteReports && !scope.Roles.Contains(Core.Accounts.StaffRole.Supervisor))
            return Forbid();
        Result = await coverage.HandleAsync(scope, Year is >= 2000 and <= 9999 ? Year.Value : App.ChinaTime.Today(clock).Year);
        return Page();
    }

    public string Link(string? unit, InterpretationCoverage.Status? status) =>
        $"/office/participation/interpretation?year={Result.Year}{(unit is null ? "" : $"&unit={unit}")}{(status is null ? "" : $"&status={status}")}#policies";
}
