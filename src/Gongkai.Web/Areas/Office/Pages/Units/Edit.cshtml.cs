using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Units;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Units;

public class EditModel(GongkaiDb db, SaveUnit saveUnit) : PageModel
{
    /// <summary>The unit's details as the form posts them; checked by <see cref="SaveUnit"/>, not by MVC.</summary>
    [BindProperty] public UnitDetails Form { get; set; } = new() { FullName = "", ShortName = "", Code = "", Kind = UnitKind.Department };
    [BindProperty] public Guid? ParentId { get; set; }
    [BindProperty] public int SortOrder { get; set; }
    public Guid? Id { get; private set; }
    public List<SelectListItem> Parents { get; private set; } = [];
    public bool AllowTop { get; private set; }
    public IEnumerable<SelectListItem> Kinds =>
        Enum.GetValues<UnitKind>().Select(k => new SelectListItem(k.ChineseName(), k.ToString()));

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? parent)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanAdminister)
            return Forbid();
        if (id is not null)
        {
            var unit = await scope.UnitsIn(db).AsNoTracking().SingleOrDefaultAsync(u => u.Id == id);
            if (unit is null)
                return NotFound();
            (Form, ParentId, SortOrder) = (unit.Details(), unit.ParentId, unit.SortOrder);
        }
        else
        {
            ParentId = parent;
        }
        await LoadChoicesAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var outcome = await saveUnit.HandleAsync(new SaveUnit.Input(id, ParentId, Form, SortOrder), HttpContext.StaffScope());
        if (this.Finish(outcome, nameof(Form), unit => $"已保存“{unit.FullName}”。", "/office/units") is { } finished)
            return finished;
        await LoadChoicesAsync(id);
        return Page();
    }

    private async Task LoadChoicesAsync(Guid? id)
    {
        var scope = HttpContext.StaffScope();
        Id = id;
        AllowTop = scope.IsSystemAdmin;
        Parents = await UnitChoices.InScopeAsync(db, scope, r => r.Id.ToString(), except: id);
        if (ParentId is { } parentId && Parents.All(p => p.Value != parentId.ToString()))
        {
            // The current parent lies outside the account's scope: it may stay, but cannot be chosen anew.
            var name = await db.Units.Where(u => u.Id == parentId).Select(u => u.FullName).SingleAsync();
            Parents.Insert(0, new SelectListItem(name, parentId.ToString()));
        }
    }
}
