using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Units;

/// <summary>Creates a unit or changes one, inside the actor's subtree; moving a unit moves its whole subtree.</summary>
public sealed class SaveUnit(GongkaiDb db)
{
    /// <param name="Id">The unit to change, or null to create one.</param>
    /// <param name="ParentId">The unit above it, or null for a top unit (系统管理员 only).</param>
    public sealed record Input(Guid? Id, Guid? ParentId, UnitDetails Details, int SortOrder = 0);

    public async Task<Outcome<Unit>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanAdminister)
            return Outcome<Unit>.Denied("只有系统管理员或单位管理员可以维护单位信息。");

        Unit? unit = null;
        if (input.Id is { } id)
        {
            unit = await db.Units.SingleOrDefaultAsync(u => u.Id == id, ct);
            if (unit is null || !actor.Covers(unit.Path))
                return Outcome<Unit>.Missing("找不到该单位，或该单位不在您的管辖范围内。");
        }

        Unit? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.Units.SingleOrDefaultAsync(u => u.Id == parentId, ct);
            // Keeping a unit where it is needs no right over its parent (a unit admin edits its own unit).
            var unchanged = unit is not null && unit.ParentId == parentId;
            if (parent is null || (!unchanged && !actor.Covers(parent.Path)))
                return Outcome<Unit>.Invalid(nameof(Input.ParentId), "上级单位不存在，或不在您的管辖范围内。");
            if (unit is not null && UnitPath.IsWithin(parent.Path, unit.Path))
                return Outcome<Unit>.Invalid(nameof(Input.ParentId), "不能把单位移到它自己或它的下级单位之下。");
        }
        else if (!actor.IsSystemAdmin && (unit is null || unit.ParentId is not null))
        {
            return Outcome<Unit>.Invalid(nameof(Input.ParentId), "请选择上级单位；只有系统管理员可以设立顶级单位。");
        }

        var problems = input.Details.Problems().Select(p => new Problem(p.Field, p.Message)).ToList();
        if (problems.Count == 0)
        {
            var code = OrganisationCode.Parse(input.Details.Code).Value;
            var holder = await db.Units.Where(u => u.Code == code && u.Id != input.Id).Select(u => u.FullName).FirstOrDefaultAsync(ct);
            if (holder is not null)
                problems.Add(new(nameof(UnitDetails.Code), $"代码 {code} 已被“{holder}”使用。"));
        }
        if (problems.Count > 0)
            return Outcome<Unit>.Invalid(problems);

        if (unit is null)
        {
            unit = new Unit();
            db.Units.Add(unit);
        }
        if (unit.Path == "" || unit.Details() != Normalized(input.Details))
            unit.DetailsChangedAt = DateTime.UtcNow;
        unit.Apply(input.Details);
        unit.SortOrder = input.SortOrder;
        await MoveAsync(unit, parent, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Unit>.Done(unit);
    }

    private static UnitDetails Normalized(UnitDetails details)
    {
        var probe = new Unit();
        probe.Apply(details);
        return probe.Details();
    }

    private async Task MoveAsync(Unit unit, Unit? parent, CancellationToken ct)
    {
        var newPath = UnitPath.Of(parent?.Path, unit.Id);
        var oldPath = unit.Path;
        unit.ParentId = parent?.Id;
        unit.Path = newPath;
        if (oldPath == "" || oldPath == newPath)
            return;
        var below = await db.Units.Within(oldPath).Where(u => u.Id != unit.Id).ToListAsync(ct);
        foreach (var child in below)
            child.Path = UnitPath.Move(child.Path, oldPath, newPath);
    }
}
