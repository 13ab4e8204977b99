using Gongkai.App.Participation.Interviews;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Interviews;

/// <summary>/office/participation/interviews: the interviews of the account's subtree with questions waiting, received and answered.</summary>
public class IndexModel(OfficeInterviews interviews) : PageModel
{
    public IReadOnlyList<OfficeInterviews.Row> Rows { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        CanEdit = scope.CanHandleParticipation;
        Rows = await interviews.ListAsync(scope, HttpContext.RequestAborted);
    }
}
