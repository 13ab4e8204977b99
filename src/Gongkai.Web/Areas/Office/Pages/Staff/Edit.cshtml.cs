using Gongkai.App.Units;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Staff;

/// <summary>The account page: the form, the account's sign-in limits (with 解除登录限制) and its log (账号记录).</summary>
public class EditModel(GongkaiDb db, AddStaffAccount addAccount, UpdateStaffAccount updateAccount, UnlockStaffAccount unlock, TimeProvider clock) : PageModel
{
    public sealed class AccountForm
    {
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string UnitCode { get; set; } = "";
        public List<string> Roles { get; set; } = [];
        public string? Password { get; set; }
    }

    /// <summary>Failed sign-ins from one address; <see cref="BlockedUntil"/> (UTC) while it must wait.</summary>
    public sealed record FailureRow(string Address, int Failures, DateTime LastFailureAt, DateTime? BlockedUntil);

    [BindProperty] public AccountForm Form { get; set; } = new();
    public bool IsNew { get; private set; }
    public bool Disabled { get; private set; }

    /// <summary>Only a 系统管理员 changes a 系统管理员's account; others see it without the buttons.</summary>
    public bool MayChange { get; private set; } = true;
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];
    public IReadOnlyList<FailureRow> Failures { get; private set; } = [];
    public IReadOnlyList<StaffAccountLogEntry> Log { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? userName)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanAdminister)
            return Forbid();
        if (userName is not null)
        {
            var normalized = userName.ToUpperInvariant();
            var scopePath = scope.ScopePath;
            var account = await db.Users.Within(scopePath).Where(a => a.NormalizedUserName == normalized)
                .Select(a => new { a.Id, a.UserName, a.DisplayName, a.Unit.Code }).SingleOrDefaultAsync();
            if (account is null)
                return NotFound();
            var roles = await db.UserRoles.Where(r => r.UserId == account.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
            Form = new AccountForm { UserName = account.UserName!, DisplayName = account.DisplayName, UnitCode = account.Code, Roles = roles };
        }
        await LoadPageAsync(userName);
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
        await LoadPageAsync(userName);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string userName)
    {
        var outcome = await unlock.HandleAsync(userName, HttpContext.StaffScope());
        return this.Finish(outcome, nameof(Form), account => $"已解除账号 {account.UserName} 的登录限制。", $"/office/staff/edit/{Uri.EscapeDataString(userName)}")
            ?? RedirectToPage(new { userName });
    }

    /// <summary>The choices of the form and, for an existing account, its state, sign-in limits and log.</summary>
    private async Task LoadPageAsync(string? userName)
    {
        var scope = HttpContext.StaffScope();
        IsNew = userName is null;
        Units = await UnitChoices.InScopeAsync(db, scope, r => r.Code);
        AssignableRoles = scope.IsSystemAdmin ? StaffRole.All : [.. StaffRole.All.Where(r => r != StaffRole.SystemAdmin)];
        if (userName is null)
            return;
        var normalized = userName.ToUpperInvariant();
        var scopePath = scope.ScopePath;
        var account = await db.Users.Within(scopePath).Where(a => a.NormalizedUserName == normalized)
            .Select(a => new { a.Id, a.DisabledAt, IsSystemAdmin = db.UserRoles.Any(r => r.UserId == a.Id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == StaffRole.SystemAdmin)) })
            .SingleOrDefaultAsync();
        if (account is null)
            return;
        Disabled = account.DisabledAt is not null;
        MayChange = scope.IsSystemAdmin || !account.IsSystemAdmin;
        var now = clock.GetUtcNow().UtcDateTime;
        var failures = await db.SignInFailures.Where(f => f.NormalizedUserName == normalized).OrderByDescending(f => f.LastFailureAt).ToListAsync();
        Failures = [.. failures.Select(f => new FailureRow(f.ClientAddress, f.Failures, f.LastFailureAt, SignInThrottle.BlockedUntil(f.Failures, f.LastFailureAt, now)))];
        Log = await db.StaffAccountLog.Where(e => e.AccountId == account.Id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToListAsync();
    }
}
