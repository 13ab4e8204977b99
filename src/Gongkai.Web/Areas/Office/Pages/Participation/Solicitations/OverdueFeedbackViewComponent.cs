using Gongkai.App.Participation.Solicitations;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Solicitations;

/// <summary>
/// Closed solicitations of the account's subtree whose feedback (采纳情况反馈) is overdue, each a link: on the office home
/// page for the unit's staff and on the supervision page for the units above.
/// </summary>
public class OverdueFeedbackViewComponent(OfficeSolicitations office) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(bool supervision = false)
    {
        var rows = await office.OverdueFeedbackAsync(HttpContext.StaffScope(), HttpContext.RequestAborted);
        ViewData["Supervision"] = supervision;
        return View("~/Areas/Office/Pages/Participation/Solicitations/_OverdueFeedback.cshtml", rows);
    }
}
