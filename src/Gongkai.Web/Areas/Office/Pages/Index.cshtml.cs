using Gongkai.App.Data;
using Gongkai.App.Workbench;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages;

/// <summary>工作台: who the account is, and what needs it today in its subtree (<see cref="WhatNeedsMe"/>), each count a link to its list.</summary>
public class IndexModel(GongkaiDb db, WhatNeedsMe whatNeedsMe) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public string UnitName { get; private set; } = "";
    public IReadOnlyCollection<string> Roles { get; private set; } = [];
    public string ScopeDescription { get; private set; } = "";
    public int UnitsInScope { get; private set; }
    public WhatNeedsMe.Summary Today { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        var me = await db.Users.Where(a => a.Id == scope.AccountId).Select(a => new { a.DisplayName, a.Unit.FullName }).SingleAsync();
        (DisplayName, UnitName, Roles) = (me.DisplayName, me.FullName, scope.Roles);
        ScopeDescription = scope.IsSystemAdmin ? "全部单位" : $"{me.FullName}及其下级单位";
        UnitsInScope = await scope.UnitsIn(db).CountAsync();
        Today = await whatNeedsMe.HandleAsync(scope, HttpContext.RequestAborted);
    }
}
