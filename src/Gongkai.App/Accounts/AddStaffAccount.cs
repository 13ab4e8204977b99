using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Core.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Accounts;

/// <summary>Creates a staff account in a unit with its roles (`gongkai users add`, the office's 账号 page); logged.</summary>
public sealed class AddStaffAccount(GongkaiDb db, UserManager<StaffAccount> users, TimeProvider clock)
{
    public sealed record Input(string UserName, string DisplayName, string UnitCode, IReadOnlyList<string> Roles, string Password);

    public async Task<Outcome<StaffAccount>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanAdminister)
            return Outcome<StaffAccount>.Denied("只有系统管理员或单位管理员可以创建账号。");

        var problems = new List<Problem>();
        var userName = input.UserName.Trim();
        if (userName == "")
            problems.Add(new(nameof(Input.UserName), "请填写用户名。"));
        else if (await users.FindByNameAsync(userName) is not null)
            problems.Add(new(nameof(Input.UserName), $"用户名“{userName}”已被使用。"));
        if (string.IsNullOrWhiteSpace(input.DisplayName))
            problems.Add(new(nameof(Input.DisplayName), "请填写姓名。"));

        var unit = await FindUnitAsync(db, input.UnitCode, actor, problems, ct);
        var roles = StaffRoles.Check(input.Roles, actor, problems);
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new StaffAccount(), input.Password ?? "");
            problems.AddRange(result.Errors.Select(e => new Problem(nameof(Input.Password), e.Description)));
        }
        if (problems.Count > 0)
            return Outcome<StaffAccount>.Invalid(problems);

        var account = new StaffAccount { UserName = userName, DisplayName = input.DisplayName.Trim(), UnitId = unit!.Id };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        StaffAccountLogEntry.Append(db, account, StaffAccountAction.Created, actor, clock, $"单位：{unit.FullName}；角色：{StaffRole.Describe(roles)}");
        var created = await users.CreateAsync(account, input.Password!);
        if (created.Succeeded)
            created = await users.AddToRolesAsync(account, roles);
        if (!created.Succeeded)
            return Outcome<StaffAccount>.Invalid([.. created.Errors.Select(e => new Problem("", e.Description))]);
        await transaction.CommitAsync(ct);
        return Outcome<StaffAccount>.Done(account);
    }

    /// <summary>The unit an account is put in: it must exist and lie inside the actor's subtree.</summary>
    internal static async Task<Units.Unit?> FindUnitAsync(GongkaiDb db, string unitCode, StaffScope actor, List<Problem> problems, CancellationToken ct)
    {
        if (!OrganisationCode.TryParse(unitCode, out var code, out var error))
        {
            problems.Add(new("UnitCode", error!));
            return null;
        }
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == code!.Value, ct);
        if (unit is null || !actor.Covers(unit.Path))
            problems.Add(new("UnitCode", $"找不到代码为 {code!.Value} 的单位，或该单位不在您的管辖范围内。"));
        return unit;
    }
}

internal static class StaffRoles
{
    /// <summary>The roles as stored keys; each must exist, and only a 系统管理员 may grant 系统管理员.</summary>
    public static List<string> Check(IReadOnlyList<string> requested, StaffScope actor, List<Problem> problems)
    {
        var roles = new List<string>();
        foreach (var text in requested.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            if (StaffRole.Parse(text) is not { } role)
                problems.Add(new("Roles", $"没有“{text}”这个角色。可选：{string.Join("、", StaffRole.All.Select(StaffRole.ChineseName))}。"));
            else if (role == StaffRole.SystemAdmin && !actor.IsSystemAdmin)
                problems.Add(new("Roles", "只有系统管理员可以授予系统管理员角色。"));
            else if (!roles.Contains(role))
                roles.Add(role);
        }
        if (roles.Count == 0 && problems.All(p => p.Field != "Roles"))
            problems.Add(new("Roles", "请至少选择一个角色。"));
        return roles;
    }
}
