using Gongkai.App.Participation;
using Gongkai.App.Participation.Responses;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Responses;

/// <summary>/office/participation/responses: the responses of the account's scope in a year, each with hours taken against its channel's target.</summary>
public class IndexModel(OfficeResponses records, ParticipationSettings settings, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<OfficeResponses.ResponseRow> Rows { get; private set; } = [];
    public int ShownYear { get; private set; }
    public ParticipationSettings Settings => settings;

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanHandleParticipation)
            return Forbid();
        ShownYear = Year is >= 2000 and <= 9999 ? Year.Value : App.ChinaTime.Today(clock).Year;
        Rows = await records.ResponsesAsync(scope, ShownYear);
        return Page();
    }
}
