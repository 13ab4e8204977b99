using Gongkai.App.Units;
using Gongkai.App.Data;
using Gongkai.Core.Units;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Mailboxes;

/// <summary>信箱设置: each unit of the scope and its mailbox (name, introduction, open or closed, order), if it has one.</summary>
public class IndexModel(GongkaiDb db) : PageModel
{
    public sealed record Line(string Code, string FullName, int Depth, string? Name, bool? IsOpen, int? SortOrder, string Introduction);

    public IReadOnlyList<Line> Lines { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        CanEdit = scope.CanHandleLetters;
        var units = await Units.UnitRow.InTreeOrderAsync(scope.UnitsIn(db));
        var ids = units.Select(u => u.Id).ToList();
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => ids.Contains(m.UnitId)).ToDictionaryAsync(m => m.UnitId);
        var top = units.Count == 0 ? 0 : units.Min(u => UnitPath.Depth(u.Path));
        Lines = [.. units.Select(u => mailboxes.TryGetValue(u.Id, out var m)
            ? new Line(u.Code, u.FullName, UnitPath.Depth(u.Path) - top, m.Name, m.IsOpen, m.SortOrder, m.Introduction)
            : new Line(u.Code, u.FullName, UnitPath.Depth(u.Path) - top, null, null, null, ""))];
    }
}
