using Gongkai.App.Participation.Surveys;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Surveys;

/// <summary>/office/participation/surveys: the surveys of the account's subtree with their answer counts.</summary>
public class IndexModel(OfficeSurveys surveys) : PageModel
{
    public IReadOnlyList<OfficeSurveys.Row> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        CanEdit = scope.CanHandleParticipation;
        Rows = await surveys.ListAsync(scope, HttpContext.RequestAborted);
    }
}
