using Gongkai.App.Units;
using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Staff;

public class IndexModel(GongkaiDb db, SetStaffAccountDisabled setDisabled, TimeProvider clock) : PageModel
{
    /// <param name="MayChange">Whether the signed-in administrator may disable or enable it (a 系统管理员's account: only a 系统管理员).</param>
    public sealed record Row(string UserName, string DisplayName, string UnitName, List<string> Roles, bool Disabled, string Status, bool MayChange);

    public IReadOnlyList<Row> Accounts { get; private set; } = [];
    public bool CanAdminister { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        CanAdminister = scope.CanAdminister;
        var scopePath = scope.ScopePath;
        var now = clock.GetUtcNow().UtcDateTime;
        var accounts = await db.Users.Within(scopePath).OrderBy(a => a.Unit.Path).ThenBy(a => a.UserName)
            .Select(a => new
            {
                a.UserName,
                a.NormalizedUserName,
                a.DisplayName,
                Unit = a.Unit.FullName,
                a.DisabledAt,
                Roles = db.UserRoles.Where(r => r.UserId == a.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            }).ToListAsync();
        // Names some address must wait for now (登录受限); the account itself stays open to every other address.
        var remembered = now - SignInThrottle.Memory;
        var failing = await db.SignInFailures.Where(f => f.Failures >= SignInThrottle.FreeFailures && f.LastFailureAt > remembered)
            .Where(f => db.Users.Within(scopePath).Any(a => a.NormalizedUserName == f.NormalizedUserName)).ToListAsync();
        var limited = failing.Where(f => SignInThrottle.BlockedUntil(f.Failures, f.LastFailureAt, now) is not null).Select(f => f.NormalizedUserName).ToHashSet();
        Accounts = [.. accounts.Select(a => new Row(a.UserName!, a.DisplayName, a.Unit, a.Roles, a.DisabledAt is not null,
            a.DisabledAt is not null ? "已停用" : limited.Contains(a.NormalizedUserName!) ? "登录受限" : "正常",
            scope.IsSystemAdmin || !a.Roles.Contains(StaffRole.SystemAdmin)))];
    }

    public Task<IActionResult> OnPostDisableAsync(string? userName) => SetAsync(userName ?? "", true);

    public Task<IActionResult> OnPostEnableAsync(string? userName) => SetAsync(userName ?? "", false);

    private async Task<IActionResult> SetAsync(string userName, bool disabled)
    {
        var outcome = await setDisabled.HandleAsync(userName, disabled, HttpContext.StaffScope());
        if (outcome.Kind == OutcomeKind.Missing)
            return NotFound();
        if (outcome.Kind == OutcomeKind.Denied)
            return Forbid();
        TempData["Message"] = outcome.Succeeded ? $"账号 {userName} 已{(disabled ? "停用" : "启用")}。" : outcome.Problems[0].Message;
        return RedirectToPage();
    }
}
