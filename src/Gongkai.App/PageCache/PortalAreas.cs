namespace Gongkai.App.PageCache;

/// <summary>
/// The areas of the public portal a cached page reads, named as cache tags: a change to an entity of an area makes every
/// page tagged with it stale. Every cached page also carries <see cref="Units"/> (unit names are on every page), and the
/// search pages <see cref="Search"/>, which the search index's follower raises when it has applied changes (results
/// follow the index, not the commit).
/// </summary>
public static class PortalAreas
{
    public const string Catalog = "catalog";
    public const string Units = "units";
    public const string Reports = "reports";
    public const string Letters = "letters";
    public const string Participation = "participation";
    public const string Search = "search";

    private static readonly (string Folder, string Area)[] Folders =
    [
        ("Gongkai.App.Catalog", Catalog),
        ("Gongkai.App.Units", Units),
        ("Gongkai.App.Calendar", Units),   // the working-day calendar moves deadlines shown on letter pages: treated as everywhere
        ("Gongkai.App.Reports", Reports),
        ("Gongkai.App.Letters", Letters),
        ("Gongkai.App.Participation", Participation),
    ];

    /// <summary>The area an entity type belongs to, by its feature folder; null for what no public page shows.</summary>
    public static string? Of(Type entity)
    {
        var ns = entity.Namespace ?? "";
        foreach (var (folder, area) in Folders)
            if (ns == folder || ns.StartsWith(folder + ".", StringComparison.Ordinal))
                return area;
        return null;
    }
}
