using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.App.Accounts;

/// <summary>Changes a staff account: name, unit, roles, and optionally a new password set by an administrator; logged.</summary>
public sealed class UpdateStaffAccount(GongkaiDb db, UserManager<StaffAccount> users, TimeProvider clock)
{
    public sealed record Input(string UserName, string DisplayName, string UnitCode, IReadOnlyList<string> Roles, string? NewPassword);

    public async Task<Outcome<StaffAccount>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanAdminister)
            return Outcome<StaffAccount>.Denied("只有系统管理员或单位管理员可以修改账号。");
        var account = await StaffAccounts.FindInScopeAsync(db, input.UserName, actor, ct);
        if (account is null)
            return Outcome<StaffAccount>.Missing($"找不到账号“{input.UserName}”，或该账号不在您的管辖范围内。");
        if (await StaffAccounts.RefusalAsync(users, account, actor) is { } refusal)
            return Outcome<StaffAccount>.Denied(refusal);

        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(input.DisplayName))
            problems.Add(new(nameof(Input.DisplayName), "请填写姓名。"));
        var unit = await AddStaffAccount.FindUnitAsync(db, input.UnitCode, actor, problems, ct);
        var roles = StaffRoles.Check(input.Roles, actor, problems);
        var current = await users.GetRolesAsync(account);
        var newPassword = !string.IsNullOrEmpty(input.NewPassword);
        if (newPassword)
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
        if (Changes(account, input.DisplayName.Trim(), unit!, current, roles) is { Length: > 0 } changes)
            StaffAccountLogEntry.Append(db, account, StaffAccountAction.Changed, actor, clock, changes);
        if (newPassword)
            StaffAccountLogEntry.Append(db, account, StaffAccountAction.PasswordReset, actor, clock);
        account.DisplayName = input.DisplayName.Trim();
        account.UnitId = unit!.Id;
        var steps = new List<Func<Task<IdentityResult>>>
        {
            () => users.RemoveFromRolesAsync(account, current.Except(roles)),
            () => users.AddToRolesAsync(account, roles.Except(current)),
        };
        if (newPassword)
        {
            steps.Add(() => users.RemovePasswordAsync(account));
            steps.Add(() => users.AddPasswordAsync(account, input.NewPassword!));
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

    /// <summary>Each field that changes, from what to what: 「姓名：甲 → 乙；角色：信息发布 → 信息发布、信息审核」.</summary>
    private static string Changes(StaffAccount account, string displayName, Units.Unit unit, IList<string> currentRoles, List<string> roles)
    {
        var changes = new List<string>();
        if (account.DisplayName != displayName)
            changes.Add($"姓名：{account.DisplayName} → {displayName}");
        if (account.UnitId != unit.Id)
            changes.Add($"单位：{account.Unit.FullName} → {unit.FullName}");
        if (!currentRoles.ToHashSet().SetEquals(roles))
            changes.Add($"角色：{StaffRole.Describe(currentRoles)} → {StaffRole.Describe(roles)}");
        return string.Join("；", changes);
    }
}
