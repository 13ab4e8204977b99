using Gongkai.App;
using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Web.Accounts;
using Gongkai.Web.Pages.Ysqgk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Gongkai.Web.Areas.Office.Pages.Applications;

/// <summary>Records an application received in person, by post or by fax, with the receipt date 第三十一条 gives its channel.</summary>
public class NewModel(GongkaiDb db, SubmitApplication submit, TimeProvider clock) : PageModel
{
    [BindProperty] public string UnitCode { get; set; } = "";
    [BindProperty] public SubmissionChannel Channel { get; set; } = SubmissionChannel.InPerson;
    [BindProperty] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public ApplicationRequest Form { get; set; } = ApplicationChoices.Blank();
    public List<SelectListItem> Units { get; private set; } = [];
    public DateOnly Today => clock.Today();

    public IEnumerable<SelectListItem> Channels =>
        Enum.GetValues<SubmissionChannel>().Where(c => c != SubmissionChannel.Online).Select(c => new SelectListItem(c.ChineseName(), c.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!HttpContext.StaffScope().CanHandleApplications)
            return Forbid();
        ReceivedOn = Today;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await submit.HandleAsync(new(UnitCode, Form, Channel, ReceivedOn), HttpContext.StaffScope());
        if (outcome.Succeeded)
        {
            TempData["Message"] = $"已登记，查询码 {outcome.Value!.TrackingCode}，答复期限 {outcome.Value.DueOn:yyyy-MM-dd}。";
            return Redirect($"/office/applications/{outcome.Value.Id}");
        }
        if (outcome.Kind == OutcomeKind.Denied)
            return Forbid();
        foreach (var problem in outcome.Problems)
            ModelState.AddModelError(problem.Field is "UnitCode" or "ReceivedOn" ? problem.Field : $"Form.{problem.Field}", problem.Message);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Units = await UnitChoices.InScopeAsync(db, HttpContext.StaffScope(), r => r.Code);
}
