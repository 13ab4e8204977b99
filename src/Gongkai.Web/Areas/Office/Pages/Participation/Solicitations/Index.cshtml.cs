using Gongkai.App.Participation.Solicitations;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Solicitations;

/// <summary>/office/participation/solicitations: the subtree's solicitations, by stage, and those whose feedback is overdue.</summary>
public class IndexModel(OfficeSolicitations office) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public IReadOnlyList<OfficeSolicitations.Row> Rows { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        CanCreate = scope.CanHandleParticipation;
        OfficeSolicitations.Stage? stage = Enum.TryParse<OfficeSolicitations.Stage>(Stage, true, out var s) ? s : null;
        Rows = await office.ListAsync(new(stage, Overdue), scope, HttpContext.RequestAborted);
    }
}
