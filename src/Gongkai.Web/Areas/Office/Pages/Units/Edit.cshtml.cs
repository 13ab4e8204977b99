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
    public sealed class UnitForm
    {
        public Guid? ParentId { get; set; }
        public string FullName { get; set; } = "";
        public string ShortName { get; set; } = "";
        public string Code { get; set; } = "";
        public UnitKind Kind { get; set; } = UnitKind.Department;
        public int SortOrder { get; set; }
        public string OfficeName { get; set; } = "";
        public string OfficeAddress { get; set; } = "";
        public string PostalCode { get; set; } = "";
        public string OfficeHours { get; set; } = "";
        public string Phone { get; set; } = "";
        public string Fax { get; set; } = "";
        public string WebContact { get; set; } = "";
    }

    [BindProperty] public UnitForm Form { get; set; } = new();
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
            Form = new UnitForm
            {
                ParentId = unit.ParentId,
                FullName = unit.FullName,
                ShortName = unit.ShortName,
                Code = unit.Code,
                Kind = unit.Kind,
                SortOrder = unit.SortOrder,
                OfficeName = unit.OfficeName,
                OfficeAddress = unit.OfficeAddress,
                PostalCode = unit.PostalCode,
                OfficeHours = unit.OfficeHours,
                Phone = unit.Phone,
                Fax = unit.Fax,
                WebContact = unit.WebContact,
            };
        }
        else
        {
            Form.ParentId = parent;
        }
        await LoadChoicesAsync(id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        var f = Form;
        var details = new UnitDetails
        {
            FullName = f.FullName,
            ShortName = f.ShortName,
            Code = f.Code,
            Kind = f.Kind,
            OfficeName = f.OfficeName,
            OfficeAddress = f.OfficeAddress,
            PostalCode = f.PostalCode,
            OfficeHours = f.OfficeHours,
            Phone = f.Phone,
            Fax = f.Fax,
            WebContact = f.WebContact,
        };
        var outcome = await saveUnit.HandleAsync(new SaveUnit.Input(id, f.ParentId, details, f.SortOrder), HttpContext.StaffScope());
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
        if (Form.ParentId is { } parentId && Parents.All(p => p.Value != parentId.ToString()))
        {
            // The current parent lies outside the account's scope: it may stay, but cannot be chosen anew.
            var name = await db.Units.Where(u => u.Id == parentId).Select(u => u.FullName).SingleAsync();
            Parents.Insert(0, new SelectListItem(name, parentId.ToString()));
        }
    }
}
