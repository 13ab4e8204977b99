using Gongkai.App.Data;
using Gongkai.App.SiteCheck.Scorecards;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Areas.Office.Pages.SiteCheck;

/// <summary>/office/site-check/subtree: every unit of the subtree side by side, worst first, each leading to its scorecard.</summary>
public class SubtreeModel(GongkaiDb db, CompareSubtree compare) : SiteCheckPageModel(db)
{
    public CompareSubtree.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadUnitAsync())
            return NotFound();
        var outcome = await compare.HandleAsync(Current.Code, HttpContext.StaffScope(), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
            return NotFound();
        View = outcome.Value!;
        return Page();
    }
}
