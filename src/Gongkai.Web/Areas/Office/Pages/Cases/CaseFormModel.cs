using Gongkai.App;
using Gongkai.App.Cases;
using Gongkai.App.Data;
using Gongkai.Core.Cases;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Gongkai.Web.Areas.Office.Pages.Cases;

/// <summary>The case form shared by /office/cases/new and /office/cases/{id}: what it posts, its choices, and how it saves.</summary>
public abstract class CaseFormModel(GongkaiDb db, SaveReviewCase save, TimeProvider clock) : PageModel
{
    /// <summary>The case as the form posts it; checked by <see cref="SaveReviewCase"/>, not by MVC.</summary>
    [BindProperty] public CaseDetails Form { get; set; } = new() { Kind = CaseKind.Reconsideration, CaseNumber = "", ReviewingBody = "", FiledOn = null };
    [BindProperty] public string UnitCode { get; set; } = "";

    /// <summary>The tracking code (查询码) of the application concerned; may be empty.</summary>
    [BindProperty] public string Application { get; set; } = "";
    public List<SelectListItem> Units { get; private set; } = [];
    public bool CanRecord { get; private set; }
    public DateOnly Today => clock.Today();
    protected GongkaiDb Db => db;

    public static IEnumerable<SelectListItem> Kinds => Enum.GetValues<CaseKind>().Select(k => new SelectListItem(k.ChineseName(), k.ToString()));
    public static IEnumerable<SelectListItem> Parties => Enum.GetValues<CaseParty>().Select(p => new SelectListItem(p.ChineseName(), p.ToString()));
    public static IEnumerable<SelectListItem> Results => Enum.GetValues<CaseResult>().Select(r => new SelectListItem(r.ChineseName(), r.ToString()));

    /// <summary>Saves the posted case; done: to the case's page; refused: 403/404; invalid: the form again with each problem at its field.</summary>
    protected async Task<IActionResult> SaveAsync(Guid? id)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanRecordCases)
            return Forbid();
        if (!ModelState.IsValid)
        {
            this.ExplainBindingErrors();   // save nothing
            await LoadAsync();
            return Page();
        }
        var outcome = await save.HandleAsync(new(id, UnitCode, Application, Form), scope);
        if (this.Finish(outcome, field => field is "UnitCode" or "Application" ? field : $"Form.{field}",
                saved => id is null ? $"已登记案件 {saved.CaseNumber}。" : $"已保存案件 {saved.CaseNumber}。", saved => $"/office/cases/{saved.Id}") is { } finished)
            return finished;
        await LoadAsync();
        return Page();
    }

    protected async Task LoadAsync()
    {
        var scope = HttpContext.StaffScope();
        CanRecord = scope.CanRecordCases;
        Units = await UnitChoices.InScopeAsync(db, scope, r => r.Code);
    }
}
