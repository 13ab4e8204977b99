using System.Text.RegularExpressions;
using Gongkai.App.Data;

namespace Gongkai.Web.Sitemaps;

/// <summary>One file of the sitemap index: its name under /sitemaps/ (without .xml) and the newest date in it.</summary>
public sealed record SitemapFile(string Name, DateOnly? LastModified);

/// <summary>Addresses a sitemap file holds at most (<c>Sitemap:MaxUrls</c>, 1–50,000; sitemaps.org allows 50,000 and 50 MB).</summary>
public sealed record SitemapLimit(int MaxUrls)
{
    public const int Standard = 50_000;
}

/// <summary>
/// /sitemap.xml: a sitemap index (sitemaps.org 0.9) of every file the portal's public records need; /sitemaps/{name}.xml
/// one file — <c>pages</c>, <c>items-YYYY[-N]</c>, <c>letters-YYYY[-N]</c>, <c>reports</c>, <c>solicitations</c>,
/// <c>surveys</c>, <c>interviews</c>. Both are written to the response as they are read; addresses come from
/// Site:PublicUrl only.
/// </summary>
public static partial class SitemapEndpoints
{
    public static IServiceCollection AddSitemaps(this IServiceCollection services, IConfiguration configuration)
    {
        var max = configuration.GetValue("Sitemap:MaxUrls", SitemapLimit.Standard);
        if (max is < 1 or > SitemapLimit.Standard)
            throw new InvalidOperationException($"配置项 Sitemap:MaxUrls 应在 1 到 {SitemapLimit.Standard} 之间，当前为：{max}");
        return services.AddSingleton(new SitemapLimit(max));
    }

    public static void MapSitemaps(this WebApplication app)
    {
        app.MapGet("/sitemap.xml", async (HttpContext http, SiteAddress address, SitemapLimit limit, GongkaiDb db) =>
        {
            var ct = http.RequestAborted;
            var files = new List<SitemapFile>();
            foreach (var section in ListedSection.All.Take(1))
                files.AddRange(await section.FilesAsync(db, limit.MaxUrls, ct));
            foreach (var section in DatedSection.All)
                files.AddRange(await section.FilesAsync(db, limit.MaxUrls, ct));
            foreach (var section in ListedSection.All.Skip(1))
                files.AddRange(await section.FilesAsync(db, limit.MaxUrls, ct));
            await using var xml = await SitemapXml.StartAsync(http.Response, address.PublicUrl, index: true);
            foreach (var file in files)
                await xml.WriteAsync($"/sitemaps/{file.Name}.xml", file.LastModified);
        });
        app.MapGet("/sitemaps/{file}", async (string file, HttpContext http, SiteAddress address, SitemapLimit limit, GongkaiDb db) =>
        {
            var ct = http.RequestAborted;
            Task<SitemapXml> Start() => SitemapXml.StartAsync(http.Response, address.PublicUrl, index: false);
            if (FileName().Match(file) is not { Success: true } name)
                return Results.NotFound();
            var (section, year, part) = (name.Groups["section"].Value, name.Groups["year"], name.Groups["part"]);
            var partNumber = part.Success ? int.Parse(part.Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
            if (part.Success && partNumber < 2)
                return Results.NotFound();   // the first part is named without its number
            var written = year.Success
                ? DatedSection.All.SingleOrDefault(s => s.Name == section) is { } dated
                    && await dated.WriteAsync(db, int.Parse(year.Value, System.Globalization.CultureInfo.InvariantCulture), partNumber, limit.MaxUrls, Start, ct)
                : ListedSection.All.SingleOrDefault(s => s.Name == section) is { } listed
                    && await listed.WriteAsync(db, partNumber, limit.MaxUrls, Start, ct);
            return written ? Results.Empty : Results.NotFound();
        });
    }

    [GeneratedRegex(@"^(?<section>[a-z]+)(-(?<year>\d{4}))?(-(?<part>\d{1,5}))?\.xml$")]
    private static partial Regex FileName();
}
