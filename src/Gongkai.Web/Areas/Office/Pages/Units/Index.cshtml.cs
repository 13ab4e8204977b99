using Gongkai.App.Units;
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
        Rows = await UnitRow.InTreeOrderAsync(scope.UnitsIn(db));
    }
}
