using Gongkai.App.Participation.Responses;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Conferences;

/// <summary>/office/participation/conferences: the press conferences of the account's scope in a year, newest first.</summary>
public class IndexModel(OfficeResponses records, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public IReadOnlyList<OfficeResponses.ConferenceRow> Rows { get; private set; } = [];
    public int ShownYear { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanHandleParticipation)
            return Forbid();
        ShownYear = Year is >= 2000 and <= 9999 ? Year.Value : App.ChinaTime.Today(clock).Year;
        Rows = await records.ConferencesAsync(scope, ShownYear);
        return Page();
    }
}
