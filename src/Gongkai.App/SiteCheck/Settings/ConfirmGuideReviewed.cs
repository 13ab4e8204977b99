using Gongkai.App.Accounts;
using Gongkai.App.Data;

namespace Gongkai.App.SiteCheck.Settings;

/// <summary>
/// Records that a unit's 政府信息公开指南 was read through and is still right (第五十三条): the check's 「指南未更新」
/// finding, raised when the unit's data changed after the guide or the guide is older than its configured age, is
/// answered until the data changes again.
/// </summary>
public sealed class ConfirmGuideReviewed(GongkaiDb db, TimeProvider clock)
{
    public sealed record Input(string UnitCode);

    public async Task<Outcome<Units.Unit>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanManageSiteCheck)
            return Outcome<Units.Unit>.Denied(SiteCheckAccess.NotAllowed);
        var unit = await SiteCheckAccess.UnitAsync(db, actor, input.UnitCode, ct);
        if (unit is null)
            return Outcome<Units.Unit>.Missing(SiteCheckAccess.NoSuchUnit);
        unit.GuideReviewedAt = clock.GetUtcNow().UtcDateTime;
        SiteCheckAccess.Log(db, actor, unit.Id, clock, "确认指南已复核", unit.FullName);
        await db.SaveChangesAsync(ct);
        return Outcome<Units.Unit>.Done(unit);
    }
}
