using Gongkai.App.Units;
using Gongkai.App.Data;
using Gongkai.App.SiteCheck.Scorecards;
using Gongkai.Core.SiteCheck;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.SiteCheck;

/// <summary>
/// What the site check's office pages share: the unit they are about (?unit=CODE inside the account's scope, the account's
/// own unit by default), the units to choose from, whether the account may change the settings, and where a finding's
/// target is fixed.
/// </summary>
public abstract class SiteCheckPageModel(GongkaiDb db) : PageModel
{
    protected GongkaiDb Db { get; } = db;

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    public ScorecardUnit Current { get; private set; } = null!;
    public List<(string Code, string Name, int Depth)> Units { get; private set; } = [];

    public bool CanManage => HttpContext.StaffScope().CanManageSiteCheck;

    /// <summary>Loads the unit; false when it is not in the scope (the page answers 404).</summary>
    protected async Task<bool> LoadUnitAsync()
    {
        var scope = HttpContext.StaffScope();
        var unit = await ScorecardUnits.FindAsync(Db, scope, Unit, HttpContext.RequestAborted);
        if (unit is null)
            return false;
        Current = unit;
        Unit = unit.Code;
        var baseDepth = Core.Units.UnitPath.Depth(scope.ScopePath == Core.Units.UnitPath.Root ? "/x/" : scope.ScopePath);
        Units = [.. (await scope.UnitsIn(Db).InTreeOrderAsync())
            .Select(u => (u.Code, u.FullName, Math.Max(0, Core.Units.UnitPath.Depth(u.Path) - baseDepth)))];
        return true;
    }

    /// <summary>This area's page for the current unit.</summary>
    public string Link(string page, string? extra = null) => $"/office/site-check{page}?unit={Uri.EscapeDataString(Current.Code)}{(extra is null ? "" : "&" + extra)}";

    /// <summary>Where a finding's target is seen or fixed: the address the check gave, or the office page of its kind.</summary>
    public string? TargetUrl(string kind, string id, string? url) =>
        !string.IsNullOrWhiteSpace(url) ? url : App.SiteCheck.FindingLinks.OfficeUrl(kind, id, Current.Code);

    public static string VetoLabel(VetoResult veto) => ScorecardText.Item(veto);
}
