using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Core.Units;
using Gongkai.App.Units;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Ysqgk;

/// <summary>
/// The online application form. The receiving unit is the one of <c>?unit=CODE</c> (a unit's hub links here), else the
/// city government at the top of the tree. After submitting, the applicant goes to a receipt URL with a
/// <see cref="ReceiptToken"/> (post-redirect-get), so a reload shows the same receipt.
/// </summary>
[EnableRateLimiting(PublicForms.Policy)]
public class ApplyModel(GongkaiDb db, SubmitApplication submit, ReceiptToken tokens) : PageModel
{
    [BindProperty] public string UnitCode { get; set; } = "";
    [BindProperty] public ApplicationRequest Form { get; set; } = ApplicationChoices.Blank();
    public List<SelectListItem> Units { get; private set; } = [];

    /// <summary>The chosen unit's disclosure office, for 申请须知's “where to ask”.</summary>
    public ApplyGuide.Office? Office { get; private set; }

    public async Task OnGetAsync(string? unit)
    {
        var rows = await LoadUnitsAsync();
        var wanted = OrganisationCode.TryParse(unit, out var code, out _) ? code!.Value : null;
        UnitCode = rows.FirstOrDefault(r => r.Code == wanted)?.Code ?? rows.FirstOrDefault()?.Code ?? "";
        await LoadOfficeAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await submit.OnlineAsync(UnitCode, Form);
        if (outcome.Succeeded)
            return RedirectToPage("Receipt", new { t = tokens.Protect(ReceiptToken.Application, outcome.Value!.Id) });
        foreach (var problem in outcome.Problems)
            ModelState.AddModelError(problem.Field == nameof(UnitCode) ? problem.Field : $"Form.{problem.Field}", problem.Message);
        await LoadUnitsAsync();
        await LoadOfficeAsync();
        return Page();
    }

    /// <summary>The units in tree order: the city government first, each unit before the units under it.</summary>
    private async Task<IReadOnlyList<Unit>> LoadUnitsAsync()
    {
        var ordered = await db.Units.InTreeOrderAsync();
        Units = [.. ordered.Select(r => new SelectListItem(r.FullName, r.Code))];
        return ordered;
    }

    private async Task LoadOfficeAsync() => Office = await ApplyGuide.OfficeAsync(db, UnitCode);
}
