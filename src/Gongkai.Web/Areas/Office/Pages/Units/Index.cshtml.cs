using Gongkai.App.Data;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Units;

public class IndexModel(GongkaiDb db) : PageModel
{
    public IReadOnlyList<UnitRow> Rows { get; private set; } = [];
    public bool CanAdminister { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        CanAdminister = scope.CanAdminister;
        var rows = await scope.UnitsIn(db).OrderBy(u => u.SortOrder)
            .Select(u => new UnitRow(u.Id, u.ParentId, u.Path, u.Code, u.FullName, u.Kind)).ToListAsync();
        Rows = [.. UnitRow.InTreeOrder(rows)];
    }
}
