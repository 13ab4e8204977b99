using Gongkai.App.Data;
using Gongkai.Core.Units;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

public class IndexModel(GongkaiDb db, PortalIdentity portal) : PageModel
{
    public sealed record UnitLink(string Code, string FullName, UnitKind Kind);

    public string PortalName { get; private set; } = "";
    public int UnitCount { get; private set; }
    public IReadOnlyList<UnitLink> Governments { get; private set; } = [];

    public async Task OnGetAsync()
    {
        PortalName = await portal.NameAsync();
        UnitCount = await db.Units.CountAsync();
        Governments = await db.Units.Where(u => u.Kind == UnitKind.Government)
            .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder)
            .Select(u => new UnitLink(u.Code, u.FullName, u.Kind)).ToListAsync();
    }
}
