using Gongkai.App.Units;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Units;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office;

/// <summary>The units an account may pick from (its subtree), indented by depth, for the office forms.</summary>
internal static class UnitChoices
{
    public static async Task<List<SelectListItem>> InScopeAsync(GongkaiDb db, StaffScope scope, Func<Pages.Units.UnitRow, string> value, Guid? except = null)
    {
        var rows = await Pages.Units.UnitRow.InTreeOrderAsync(scope.UnitsIn(db));
        return [.. rows
            .Where(r => except is null || !UnitPath.IsWithin(r.Path, rows.Single(x => x.Id == except).Path))
            .Select(r => new SelectListItem(new string('　', UnitPath.Depth(r.Path) - rows.Min(x => UnitPath.Depth(x.Path))) + r.FullName, value(r)))];
    }
}
