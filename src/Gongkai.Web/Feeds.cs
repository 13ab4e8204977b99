using System.Xml.Linq;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web;

/// <summary>
/// /feeds/{unit}.atom: the newest published items of a unit and its subtree ("all" for the whole catalog), as Atom.
/// (The sitemap is in <see cref="Sitemaps.SitemapEndpoints"/>.)
/// </summary>
public static class Feeds
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static void MapFeeds(this WebApplication app)
    {
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
