using Gongkai.App.Data;
using Gongkai.App.PageCache;
using Gongkai.Core.Units;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Units;

[OutputCache(PolicyName = PortalPageCache.Policy)]
public class IndexModel(GongkaiDb db) : PageModel
{
    public sealed record Entry(Guid Id, Guid? ParentId, string Code, string FullName, UnitKind Kind);

    /// <summary>Units by parent id (<see cref="Guid.Empty"/> for the top), in their set order.</summary>
    public IReadOnlyDictionary<Guid, List<Entry>> Children { get; private set; } = new Dictionary<Guid, List<Entry>>();
    public int Count { get; private set; }

    public async Task OnGetAsync()
    {
        var units = await db.Units.OrderBy(u => u.SortOrder).ThenBy(u => u.FullName)
            .Select(u => new Entry(u.Id, u.ParentId, u.Code, u.FullName, u.Kind)).ToListAsync();
        Count = units.Count;
        Children = units.GroupBy(u => u.ParentId ?? Guid.Empty).ToDictionary(g => g.Key, g => g.ToList());
    }
}
