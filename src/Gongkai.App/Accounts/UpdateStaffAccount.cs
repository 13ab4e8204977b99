using Gongkai.App.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Accounts;

/// <summary>Changes a staff account: name, unit, roles, and optionally a new password set by an administrator.</summary>
public sealed class UpdateStaffAccount(GongkaiDb db, UserManager<StaffAccount> users)
{
    public sealed record Input(string UserName, string DisplayName, string UnitCode, IReadOnlyList<string> Roles, string? NewPassword);

    public async Task<Outcome<StaffAccount>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanAdminister)
            return Outcome<StaffAccount>.Denied("只有系统管理员或单位管理员可以修改账号。");
        var account = await StaffAccounts.FindInScopeAsync(db, input.UserName, actor, ct);
        if (account is null)
            return Outcome<StaffAccount>.Missing($"找不到账号“{input.UserName}”，或该账号不在您的管辖范围内。");

        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(input.DisplayName))
            problems.Add(new(nameof(Input.DisplayName), "请填写姓名。"));
        var unit = await AddStaffAccount.FindUnitAsync(db, input.UnitCode, actor, problems, ct);
        var roles = StaffRoles.Check(input.Roles, actor, problems);
        var current = await users.GetRolesAsync(account);
        if (current.Contains(Core.Accounts.StaffRole.SystemAdmin) && !actor.IsSystemAdmin)
            problems.Add(new("Roles", "只有系统管理员可以修改系统管理员的账号。"));
        if (!string.IsNullOrEmpty(input.NewPassword))
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, account, input.NewPassword);
                problems.AddRange(result.Errors.Select(e => new Problem(nameof(Input.NewPassword), e.Description)));
            }
        }
        if (problems.Count > 0)
            return Outcome<StaffAccount>.Invalid(problems);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        account.DisplayName = input.DisplayName.Trim();
        account.UnitId = unit!.Id;
        var steps = new List<Func<Task<IdentityResult>>>
        {
            () => users.RemoveFromRolesAsync(account, current.Except(roles)),
            () => users.AddToRolesAsync(account, roles.Except(current)),
        };
        if (!string.IsNullOrEmpty(input.NewPassword))
        {
            steps.Add(() => users.RemovePasswordAsync(account));
            steps.Add(() => users.AddPasswordAsync(account, input.NewPassword));
        }
        steps.Add(() => users.UpdateSecurityStampAsync(account));
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
                return Outcome<StaffAccount>.Invalid([.. result.Errors.Select(e => new Problem("", e.Description))]);
        }
        await transaction.CommitAsync(ct);
        return Outcome<StaffAccount>.Done(account);
    }
}

/// <summary>Disables (停用) or re-enables a staff account. A disabled account cannot sign in and its sessions end.</summary>
public sealed class SetStaffAccountDisabled(GongkaiDb db, UserManager<StaffAccount> users, TimeProvider clock)
{
    public async Task<Outcome<StaffAccount>> HandleAsync(string userName, bool disabled, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanAdminister)
            return Outcome<StaffAccount>.Denied("只有系统管理员或单位管理员可以停用账号。");
        var account = await StaffAccounts.FindInScopeAsync(db, userName, actor, ct);
        if (account is null)
            return Outcome<StaffAccount>.Missing($"找不到账号“{userName}”，或该账号不在您的管辖范围内。");
        if (account.Id == actor.AccountId)
            return Outcome<StaffAccount>.Invalid("UserName", "不能停用自己的账号。");

        account.DisabledAt = disabled ? account.DisabledAt ?? clock.GetUtcNow().UtcDateTime : null;
        var result = await users.UpdateSecurityStampAsync(account);
        return result.Succeeded ? Outcome<StaffAccount>.Done(account)
            : Outcome<StaffAccount>.Invalid([.. result.Errors.Select(e => new Problem("", e.Description))]);
    }
}

internal static class StaffAccounts
{
    public static Task<StaffAccount?> FindInScopeAsync(GongkaiDb db, string userName, StaffScope actor, CancellationToken ct)
    {
        var normalized = userName.Trim().ToUpperInvariant();
        var scope = actor.ScopePath;
        return db.Users.Include(a => a.Unit)
            .SingleOrDefaultAsync(a => a.NormalizedUserName == normalized && a.Unit.Path.StartsWith(scope), ct);
    }
}
