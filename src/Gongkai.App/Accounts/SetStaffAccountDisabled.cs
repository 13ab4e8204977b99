using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.App.Accounts;

/// <summary>Disables (停用) or re-enables a staff account, logged. A disabled account cannot sign in and its sessions end.</summary>
public sealed class SetStaffAccountDisabled(GongkaiDb db, UserManager<StaffAccount> users, TimeProvider clock)
{
    public async Task<Outcome<StaffAccount>> HandleAsync(string userName, bool disabled, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanAdminister)
            return Outcome<StaffAccount>.Denied("只有系统管理员或单位管理员可以停用账号。");
        var account = await StaffAccounts.FindInScopeAsync(db, userName, actor, ct);
        if (account is null)
            return Outcome<StaffAccount>.Missing($"找不到账号“{userName}”，或该账号不在您的管辖范围内。");
        if (await StaffAccounts.RefusalAsync(users, account, actor) is { } refusal)
            return Outcome<StaffAccount>.Denied(refusal);
        if (account.Id == actor.AccountId)
            return Outcome<StaffAccount>.Invalid("UserName", "不能停用自己的账号。");

        if ((account.DisabledAt is not null) != disabled)
            StaffAccountLogEntry.Append(db, account, disabled ? StaffAccountAction.Disabled : StaffAccountAction.Enabled, actor, clock);
        account.DisabledAt = disabled ? account.DisabledAt ?? clock.GetUtcNow().UtcDateTime : null;
        // Saves the account and its log entry together; the new stamp ends the account's open sessions.
        var result = await users.UpdateSecurityStampAsync(account);
        return result.Succeeded ? Outcome<StaffAccount>.Done(account)
            : Outcome<StaffAccount>.Invalid([.. result.Errors.Select(e => new Problem("", e.Description))]);
    }
}
