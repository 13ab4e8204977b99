using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.PageCache;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.Units;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages;

/// <summary>
/// The portal's home page: a search box, the four standard columns (指南, 制度, 法定主动公开内容, 年报) and the
/// application entry; 法定主动公开内容 by 条例第二十条 (<see cref="StatutoryDisclosure"/>); the newest items and 政策解读.
/// Each list is one small query read from an index (State or Genre, then PublishedOn).
/// </summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Catalog, PortalAreas.Participation])]
public class IndexModel(GongkaiDb db, PortalIdentity portal) : PageModel
{
    public sealed record UnitLink(string Code, string FullName, UnitKind Kind);

    public sealed record Newest(string IndexNumber, string Title, string Unit, DateOnly PublishedOn);

    public const int NewestCount = 8;
    public const int InterpretationCount = 6;

    public string PortalName { get; private set; } = "";
    public int UnitCount { get; private set; }
    public IReadOnlyList<UnitLink> Governments { get; private set; } = [];
    public IReadOnlyList<Newest> NewestItems { get; private set; } = [];
    public IReadOnlyList<Newest> NewestInterpretations { get; private set; } = [];

    public async Task OnGetAsync()
    {
        PortalName = await portal.NameAsync();
        UnitCount = await db.Units.CountAsync();
        Governments = [.. (await db.Units.Where(u => u.Kind == UnitKind.Government).InTreeOrderAsync())
            .Select(u => new UnitLink(u.Code, u.FullName, u.Kind))];
        var published = db.CatalogItems.AsNoTracking().Where(i => i.State == CatalogState.Published);
        NewestItems = await Latest(published, NewestCount);
        NewestInterpretations = await Latest(published.Where(i => i.Genre == Genre.Interpretation), InterpretationCount);
    }

    private static Task<List<Newest>> Latest(IQueryable<CatalogItem> items, int count) =>
        items.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Take(count)
            .Select(i => new Newest(i.IndexNumber!, i.Title, i.Unit.FullName, i.PublishedOn!.Value)).ToListAsync();

    /// <summary>Where a 第二十条 topic is found: the catalog filtered by 体裁 or 主题分类, a search, or a portal page.</summary>
    public static string LinkOf(StatutoryTopic topic) => topic switch
    {
        { Genre: { } genre } => $"/xxgk?genre={genre}",
        { Theme: { } theme } => $"/xxgk?theme={Uri.EscapeDataString(theme)}",
        { Query: { } query } => $"/search?q={Uri.EscapeDataString(query)}",
        _ => topic.Page ?? "/xxgk",
    };
}
