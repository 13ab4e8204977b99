using Gongkai.App.Units;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Accounts;

/// <summary>The rules every change to an existing account goes through (修改、重设密码、停用、启用、解除登录限制).</summary>
internal static class StaffAccounts
{
    /// <summary>The account with its unit, if it lies inside the actor's subtree.</summary>
    public static Task<StaffAccount?> FindInScopeAsync(GongkaiDb db, string userName, StaffScope actor, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var scope = actor.ScopePath;
        return db.Users.Include(a => a.Unit)
            .Within(scope).SingleOrDefaultAsync(a => a.NormalizedUserName == normalized, ct);
    }

    /// <summary>
    /// Why the actor may not change this account, or null. Only a 系统管理员 changes a 系统管理员's account in any way:
    /// a 单位管理员 whose subtree holds one may neither edit it nor disable, enable or unlock it.
    /// </summary>
    public static async Task<string?> RefusalAsync(UserManager<StaffAccount> users, StaffAccount account, StaffScope actor) =>
        !actor.IsSystemAdmin && await users.IsInRoleAsync(account, StaffRole.SystemAdmin)
            ? "只有系统管理员可以修改、停用、启用系统管理员的账号或解除其登录限制。"
            : null;
}
