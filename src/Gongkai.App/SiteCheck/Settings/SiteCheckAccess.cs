using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Settings;

/// <summary>
/// What every change to the site check's settings shares: who may (<see cref="StaffScope.CanManageSiteCheck"/>, inside
/// the account's subtree; 督查 reads but does not change), the unit by its code, addresses that must be absolute
/// http(s), and the entry each change leaves in <see cref="SiteCheckLogEntry"/>.
/// </summary>
public static class SiteCheckAccess
{
    public const string NotAllowed = "只有管理员、信息发布、信息审核或互动交流人员可以维护网站检查的设置；督查人员可以查看检查结果，但不能修改。";
    public const string NoSuchUnit = "找不到该单位，或该单位不在您的管辖范围内。";

    /// <summary>The unit of the code, when the actor's scope covers it.</summary>
    public static async Task<Unit?> UnitAsync(GongkaiDb db, StaffScope actor, string? unitCode, CancellationToken ct)
    {
        if (!OrganisationCode.TryParse((unitCode ?? "").Trim(), out var code, out _))
            return null;
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == code!.Value, ct);
        return unit is not null && actor.Covers(unit.Path) ? unit : null;
    }

    /// <summary>An absolute http or https address, or null.</summary>
    public static Uri? WebAddress(string? text) =>
        Uri.TryCreate((text ?? "").Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? uri : null;

    /// <summary>Records a change (the caller saves).</summary>
    public static void Log(GongkaiDb db, StaffScope actor, Guid unitId, TimeProvider clock, string action, string subject, string note = "") =>
        db.SiteCheckLog.Add(new SiteCheckLogEntry
        {
            UnitId = unitId,
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.AccountId,
            ActorName = Cut(actor.DisplayName, 50),
            Action = Cut(action, 30),
            Subject = Cut(subject, 300),
            Note = Cut(note, 1000),
        });

    /// <summary>Text cut to a column's length, with 「…」 where it was cut.</summary>
    public static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
