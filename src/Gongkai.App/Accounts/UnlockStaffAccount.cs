using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Accounts;

/// <summary>
/// 解除登录限制: clears the failed sign-ins counted for an account's name from every address (<see cref="SignInThrottle"/>),
/// so a staff member behind the same address as someone who guessed at the password may sign in at once (the
/// account page's button, `gongkai users unlock`). Logged.
/// </summary>
public sealed class UnlockStaffAccount(GongkaiDb db, UserManager<StaffAccount> users, TimeProvider clock)
{
    public async Task<Outcome<StaffAccount>> HandleAsync(string userName, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanAdminister)
            return Outcome<StaffAccount>.Denied("只有系统管理员或单位管理员可以解除登录限制。");
        var account = await StaffAccounts.FindInScopeAsync(db, userName, actor, ct);
        if (account is null)
            return Outcome<StaffAccount>.Missing($"找不到账号“{userName}”，或该账号不在您的管辖范围内。");
        if (await StaffAccounts.RefusalAsync(users, account, actor) is { } refusal)
            return Outcome<StaffAccount>.Denied(refusal);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var addresses = await db.SignInFailures.Where(f => f.NormalizedUserName == account.NormalizedUserName).ExecuteDeleteAsync(ct);
        // A lockout left by an earlier version, which locked the account itself.
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        StaffAccountLogEntry.Append(db, account, StaffAccountAction.Unlocked, actor, clock,
            addresses == 0 ? "当时没有登录限制" : $"清除了 {addresses} 个地址的登录失败记录");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<StaffAccount>.Done(account);
    }
}
