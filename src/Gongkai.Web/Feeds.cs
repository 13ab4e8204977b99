using System.Xml.Linq;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web;

/// <summary>
/// /feeds/{unit}.atom: the newest published items of a unit and its subtree ("all" for the whole catalog), as Atom;
/// /sitemap.xml: the portal's pages for search engines.
/// </summary>
public static class Feeds
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>One sitemap file holds at most 50,000 addresses (sitemaps.org); the newest items come first.</summary>
    private const int SitemapLimit = 50_000;

    public static void MapFeeds(this WebApplication app)
    {
        app.MapGet("/sitemap.xml", async (SiteAddress address, GongkaiDb db) =>
        {
            var site = address.PublicUrl;
            var units = await db.Units.AsNoTracking().Select(u => u.Code).ToListAsync();
            var items = await db.CatalogItems.AsNoTracking().Where(i => i.State == Gongkai.Core.Catalog.CatalogState.Published)
                .OrderByDescending(i => i.PublishedOn).Take(SitemapLimit - units.Count * 2 - 4)
                .Select(i => new { i.IndexNumber, i.PublishedOn }).ToListAsync();
            XElement Url(string path, DateOnly? modified = null) => new(Sitemap + "url", new XElement(Sitemap + "loc", site + path),
                modified is { } m ? new XElement(Sitemap + "lastmod", $"{m:yyyy-MM-dd}") : null);
            var urlset = new XElement(Sitemap + "urlset",
                new[] { "/", "/xxgk", "/units", "/ysqgk" }.Select(p => Url(p)),
                units.Select(c => Url($"/units/{c}")), units.Select(c => Url($"/xxgk/{c}")),
                items.Select(i => Url($"/xxgk/item/{i.IndexNumber}", i.PublishedOn)));
            return Results.Text(new XDocument(urlset).ToString(), "application/xml; charset=utf-8");
        });
        app.MapGet("/feeds/{unit}.atom", async (string unit, SiteAddress address, GongkaiDb db, PublicCatalog catalog, PortalIdentity portal) =>
    {
        var name = unit == "all" ? await portal.NameAsync() : await db.Units.Where(u => u.Code == unit).Select(u => u.FullName).SingleOrDefaultAsync();
        if (name is null)
            return Results.NotFound();
        var page = await catalog.ListAsync(new(unit == "all" ? null : unit));
        var site = address.PublicUrl;
        var updated = page.Items.Count > 0 ? page.Items.Max(i => i.PublishedOn) : DateOnly.FromDateTime(DateTime.UtcNow);
        var feed = new XElement(Atom + "feed",
            new XElement(Atom + "title", $"{name} 主动公开信息"),
            new XElement(Atom + "id", $"{site}/feeds/{unit}.atom"),
            new XElement(Atom + "updated", Timestamp(updated)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("href", $"{site}/feeds/{unit}.atom")),
            new XElement(Atom + "link", new XAttribute("href", unit == "all" ? $"{site}/xxgk" : $"{site}/xxgk/{unit}")),
            page.Items.Select(i => new XElement(Atom + "entry",
                new XElement(Atom + "title", i.Title),
                new XElement(Atom + "id", $"{site}/xxgk/item/{i.IndexNumber}"),
                new XElement(Atom + "link", new XAttribute("href", $"{site}/xxgk/item/{i.IndexNumber}")),
                new XElement(Atom + "updated", Timestamp(i.PublishedOn)),
                new XElement(Atom + "author", new XElement(Atom + "name", i.Unit)),
                new XElement(Atom + "summary", $"索引号 {i.IndexNumber}{(i.DocumentNumber.Length > 0 ? $"，文号 {i.DocumentNumber}" : "")}"))));
        return Results.Text(new XDocument(feed).ToString(), "application/atom+xml; charset=utf-8");
    });
    }

    private static string Timestamp(DateOnly day) => $"{day:yyyy-MM-dd}T00:00:00+08:00";
}
