using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Ysqgk;

[EnableRateLimiting(PublicForms.Policy)]
public class ApplyModel(GongkaiDb db, SubmitApplication submit) : PageModel
{
    [BindProperty] public string UnitCode { get; set; } = "";
    [BindProperty] public ApplicationRequest Form { get; set; } = ApplicationChoices.Blank();
    public List<SelectListItem> Units { get; private set; } = [];

    public async Task OnGetAsync(string? unit)
    {
        UnitCode = unit ?? "";
        await LoadUnitsAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await submit.OnlineAsync(UnitCode, Form);
        if (outcome.Succeeded)
        {
            TempData["Receipt"] = outcome.Value!.TrackingCode;
            TempData["ReceiptDue"] = outcome.Value.DueOn?.DayNumber; // a number: TempData turns date-like strings into DateTime
            return RedirectToPage("Receipt");
        }
        foreach (var problem in outcome.Problems)
            ModelState.AddModelError(problem.Field == nameof(UnitCode) ? problem.Field : $"Form.{problem.Field}", problem.Message);
        await LoadUnitsAsync();
        return Page();
    }

    private async Task LoadUnitsAsync() =>
        Units = await db.Units.OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder)
            .Select(u => new SelectListItem(u.FullName, u.Code)).ToListAsync();
}
