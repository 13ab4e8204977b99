using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Staff;

public class EditModel(GongkaiDb db, AddStaffAccount addAccount, UpdateStaffAccount updateAccount) : PageModel
{
    public sealed class AccountForm
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public List<string> Roles { get; set; } = [];
        public string? Password { get; set; }
    }

    [BindProperty] public AccountForm Form { get; set; } = new();
    public bool IsNew { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? userName)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanAdminister)
            return Forbid();
        if (userName is not null)
        {
            var normalized = userName.ToUpperInvariant();
            var scopePath = scope.ScopePath;
            var account = await db.Users.Where(a => a.NormalizedUserName == normalized && a.Unit.Path.StartsWith(scopePath))
                .Select(a => new { a.Id, a.UserName, a.DisplayName, a.Unit.Code }).SingleOrDefaultAsync();
            if (account is null)
                return NotFound();
            var roles = await db.UserRoles.Where(r => r.UserId == account.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
            Form = new AccountForm { UserName = account.UserName!, DisplayName = account.DisplayName, UnitCode = account.Code, Roles = roles };
        }
        await LoadChoicesAsync(userName);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? userName)
    {
        var scope = HttpContext.StaffScope();
        var outcome = userName is null
            ? await addAccount.HandleAsync(new(Form.UserName, Form.DisplayName, Form.UnitCode, Form.Roles, Form.Password ?? ""), scope)
            : await updateAccount.HandleAsync(new(userName, Form.DisplayName, Form.UnitCode, Form.Roles, Form.Password), scope);
        if (this.Finish(outcome, nameof(Form), account => $"已保存账号 {account.UserName}。", "/office/staff") is { } finished)
            return finished;
        Form.Password = null;
        await LoadChoicesAsync(userName);
        return Page();
    }

    private async Task LoadChoicesAsync(string? userName)
    {
        var scope = HttpContext.StaffScope();
        IsNew = userName is null;
        Units = await UnitChoices.InScopeAsync(db, scope, r => r.Code);
        AssignableRoles = scope.IsSystemAdmin ? StaffRole.All : [.. StaffRole.All.Where(r => r != StaffRole.SystemAdmin)];
    }
}
