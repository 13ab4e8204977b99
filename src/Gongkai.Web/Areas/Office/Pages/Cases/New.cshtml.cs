using Gongkai.App.Cases;
using Gongkai.App.Data;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Areas.Office.Pages.Cases;

/// <summary>Records a reconsideration or suit against an answer of the account's subtree.</summary>
public class NewModel(GongkaiDb db, SaveReviewCase save, TimeProvider clock) : CaseFormModel(db, save, clock)
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!HttpContext.StaffScope().CanRecordCases)
            return Forbid();
        await LoadAsync();
        return Page();
    }

    public Task<IActionResult> OnPostAsync() => SaveAsync(null);
}
