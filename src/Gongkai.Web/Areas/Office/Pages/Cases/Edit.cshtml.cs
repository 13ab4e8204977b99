using Gongkai.App.Cases;
using Gongkai.App.Data;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Areas.Office.Pages.Cases;

/// <summary>One case: its fields (changed as it goes on, e.g. the decision and the result), where it counts, and its log.</summary>
public class EditModel(GongkaiDb db, SaveReviewCase save, TimeProvider clock) : CaseFormModel(db, save, clock)
{
    public ReviewCase Case { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await Db.FindCaseAsync(id, HttpContext.StaffScope()) is not { } found)
            return NotFound();
        Case = found;
        (Form, UnitCode, Application) = (found.Details(), found.Unit.Code, found.Application?.TrackingCode ?? "");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await Db.FindCaseAsync(id, HttpContext.StaffScope()) is not { } found)
            return NotFound();
        Case = found;
        return await SaveAsync(id);
    }
}
