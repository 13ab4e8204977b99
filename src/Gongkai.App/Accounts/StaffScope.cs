using Gongkai.App.Units;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Accounts;

/// <summary>
/// Who is acting and where they may act: the account's unit and everything below it. A 系统管理员 acts
/// everywhere. <see cref="System"/> is the operator at the command line, who has the whole deployment.
/// </summary>
public sealed record StaffScope(string? AccountId, string DisplayName, string UnitPath, IReadOnlySet<string> Roles)
{
    public static readonly StaffScope System = new(null, "命令行操作员", Core.Units.UnitPath.Root, new HashSet<string> { StaffRole.SystemAdmin });

    public bool IsSystemAdmin => Roles.Contains(StaffRole.SystemAdmin);

    /// <summary>May change units and staff accounts inside the scope (系统管理员, 单位管理员).</summary>
    public bool CanAdminister => StaffRole.Administrators.Any(Roles.Contains);

    /// <summary>May work on applications inside the scope (依申请办理, and the administrators).</summary>
    public bool CanHandleApplications => StaffRole.ApplicationHandlers.Any(Roles.Contains);

    /// <summary>May work on public letters inside the scope (互动交流, and the administrators).</summary>
    public bool CanHandleLetters => StaffRole.LetterHandlers.Any(Roles.Contains);

    /// <summary>May run solicitations, surveys, interviews and record press conferences and responses inside the scope.</summary>
    public bool CanHandleParticipation => StaffRole.ParticipationHandlers.Any(Roles.Contains);

    /// <summary>May record and change reconsideration and litigation cases inside the scope (依申请办理, and the administrators).</summary>
    public bool CanRecordCases => StaffRole.CaseRecorders.Any(Roles.Contains);

    /// <summary>May describe the site's columns, sites, accounts and lexicon and judge the site check's findings inside the scope.</summary>
    public bool CanManageSiteCheck => StaffRole.SiteCheckers.Any(Roles.Contains);

    public bool CanEditCatalog => StaffRole.CatalogEditors.Any(Roles.Contains);

    public bool CanReviewCatalog => StaffRole.CatalogReviewers.Any(Roles.Contains);

    /// <summary>May write and publish the annual reports of the scope (信息发布, and the administrators).</summary>
    public bool CanWriteReports => StaffRole.ReportWriters.Any(Roles.Contains);

    public string ScopePath => IsSystemAdmin ? Core.Units.UnitPath.Root : UnitPath;

    public bool Covers(string unitPath) => Core.Units.UnitPath.IsWithin(unitPath, ScopePath);

    /// <summary>The units this actor may see and act on, as a query to narrow further.</summary>
    public IQueryable<Units.Unit> UnitsIn(GongkaiDb db)
    {
        var scope = ScopePath;
        return db.Units.Within(scope);
    }

    /// <summary>Loads an active account's scope, or null when the account is missing or disabled.</summary>
    public static Task<StaffScope?> LoadAsync(GongkaiDb db, string accountId, CancellationToken ct = default) =>
        LoadAsync(db, accountId, null, ct);

    /// <summary>
    /// Loads the scope of a signed-in session: null also when <paramref name="securityStamp"/> (the session's, when
    /// given) is no longer the account's — the session was ended by signing out, a new password or a change of roles.
    /// </summary>
    public static async Task<StaffScope?> LoadAsync(GongkaiDb db, string accountId, string? securityStamp, CancellationToken ct = default)
    {
        var account = await db.Users.Where(a => a.Id == accountId && a.DisabledAt == null && (securityStamp == null || a.SecurityStamp == securityStamp))
            .Select(a => new { a.Id, a.DisplayName, a.Unit.Path }).SingleOrDefaultAsync(ct);
        if (account is null)
            return null;
        var roles = await db.UserRoles.Where(r => r.UserId == accountId)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        return new StaffScope(account.Id, account.DisplayName, account.Path, roles.ToHashSet());
    }
}
