namespace Gongkai.Core.Accounts;

/// <summary>
/// The roles a staff account can hold. Every account belongs to one unit and acts only inside that unit's subtree;
/// a role says what it may do there.
/// </summary>
public static class StaffRole
{
    /// <summary>系统管理员 — runs the deployment: every unit, every account.</summary>
    public const string SystemAdmin = "SystemAdmin";

    /// <summary>单位管理员 — manages the units and staff accounts of its subtree.</summary>
    public const string UnitAdmin = "UnitAdmin";

    /// <summary>信息发布 — drafts catalog items (主动公开).</summary>
    public const string CatalogEditor = "CatalogEditor";

    /// <summary>信息审核 — reviews and publishes catalog items.</summary>
    public const string CatalogReviewer = "CatalogReviewer";

    /// <summary>依申请办理 — handles disclosure applications (依申请公开).</summary>
    public const string ApplicationsOfficer = "ApplicationsOfficer";

    /// <summary>互动交流 — screens, assigns, answers and publishes public letters (领导信箱、留言、找错).</summary>
    public const string LettersOfficer = "LettersOfficer";

    /// <summary>督查 — supervises compliance across the subtree (督办).</summary>
    public const string Supervisor = "Supervisor";

    public static readonly IReadOnlyList<string> All =
        [SystemAdmin, UnitAdmin, CatalogEditor, CatalogReviewer, ApplicationsOfficer, LettersOfficer, Supervisor];

    /// <summary>Roles that may change units and staff accounts (inside their subtree).</summary>
    public static readonly IReadOnlyList<string> Administrators = [SystemAdmin, UnitAdmin];

    /// <summary>The roles held, in the fixed order above, as Chinese names joined with 「、」.</summary>
    public static string Describe(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet();
        return string.Join("、", All.Where(held.Contains).Select(ChineseName));
    }

    /// <summary>Roles that may work on disclosure applications (inside their subtree).</summary>
    public static readonly IReadOnlyList<string> ApplicationHandlers = [SystemAdmin, UnitAdmin, ApplicationsOfficer];

    /// <summary>Roles that may work on public letters (inside their subtree).</summary>
    public static readonly IReadOnlyList<string> LetterHandlers = [SystemAdmin, UnitAdmin, LettersOfficer];

    /// <summary>
    /// Roles that may run participation and interpretation work (意见征集、调查、在线访谈、新闻发布会、回应关切): 互动交流 and
    /// 信息发布 (解读回应 is publishing work), and the administrators, inside their subtree.
    /// </summary>
    public static readonly IReadOnlyList<string> ParticipationHandlers = [SystemAdmin, UnitAdmin, LettersOfficer, CatalogEditor];

    /// <summary>Roles that may record reconsideration and litigation cases against the answers (依申请办理, and the administrators).</summary>
    public static readonly IReadOnlyList<string> CaseRecorders = ApplicationHandlers;

    /// <summary>Roles that may draft catalog items (信息发布, and the administrators).</summary>
    public static readonly IReadOnlyList<string> CatalogEditors = [SystemAdmin, UnitAdmin, CatalogEditor];

    /// <summary>Roles that may publish, return, revoke or withdraw catalog items (信息审核, and the administrators).</summary>
    public static readonly IReadOnlyList<string> CatalogReviewers = [SystemAdmin, UnitAdmin, CatalogReviewer];

    /// <summary>
    /// Roles that may write and publish the annual report of their subtree (信息发布, and the administrators): the report
    /// is published like a catalog item (第四十九条), so the staff who publish information write it.
    /// </summary>
    public static readonly IReadOnlyList<string> ReportWriters = CatalogEditors;

    /// <summary>
    /// Roles that may describe the site's columns, websites, new-media accounts and lexicon and judge the check's findings
    /// (信息发布、信息审核 run the site; 互动交流 its mailboxes), and the administrators, inside their subtree. Every staff
    /// role, 督查 included, may read the scorecards of its subtree.
    /// </summary>
    public static readonly IReadOnlyList<string> SiteCheckers = [SystemAdmin, UnitAdmin, CatalogEditor, CatalogReviewer, LettersOfficer];

    public static string ChineseName(string role) => role switch
    {
        SystemAdmin => "系统管理员",
        UnitAdmin => "单位管理员",
        CatalogEditor => "信息发布",
        CatalogReviewer => "信息审核",
        ApplicationsOfficer => "依申请办理",
        LettersOfficer => "互动交流",
        Supervisor => "督查",
        _ => role,
    };

    /// <summary>Reads a role as typed: its Chinese name or its key, case-insensitively.</summary>
    public static string? Parse(string? text)
    {
        var t = (text ?? "").Trim();
        return All.FirstOrDefault(r => r.Equals(t, StringComparison.OrdinalIgnoreCase) || ChineseName(r) == t);
    }
}
