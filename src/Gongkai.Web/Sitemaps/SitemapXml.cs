using System.Globalization;
using System.Text;
using System.Xml;

namespace Gongkai.Web.Sitemaps;

/// <summary>
/// Writes a sitemap (<c>&lt;urlset&gt;</c>) or a sitemap index (<c>&lt;sitemapindex&gt;</c>) straight to the response as
/// it is read, so no file is ever held whole in memory (sitemaps.org 0.9: UTF-8, W3C dates).
/// </summary>
public sealed class SitemapXml : IAsyncDisposable
{
    public const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private readonly XmlWriter writer;
    private readonly string site;
    private readonly string entry;

    private SitemapXml(Stream body, string site, string root, string entry)
    {
        writer = XmlWriter.Create(body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true });
        this.site = site;
        this.entry = entry;
        Root = root;
    }

    private string Root { get; }

    /// <summary>Starts the response: status 200, content type, the XML declaration and the root element.</summary>
    public static async Task<SitemapXml> StartAsync(HttpResponse response, string site, bool index)
    {
        response.ContentType = "application/xml; charset=utf-8";
        var xml = new SitemapXml(response.Body, site, index ? "sitemapindex" : "urlset", index ? "sitemap" : "url");
        await xml.writer.WriteStartDocumentAsync();
        await xml.writer.WriteStartElementAsync(null, xml.Root, Namespace);
        return xml;
    }

    /// <summary>One <c>&lt;url&gt;</c> (or <c>&lt;sitemap&gt;</c>): the address under Site:PublicUrl and its date, if known.</summary>
    public async Task WriteAsync(string path, DateOnly? lastModified)
    {
        await writer.WriteStartElementAsync(null, entry, Namespace);
        await writer.WriteElementStringAsync(null, "loc", Namespace, site + path);
        if (lastModified is { } day)
            await writer.WriteElementStringAsync(null, "lastmod", Namespace, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await writer.WriteEndElementAsync();
    }

    public Task FlushAsync() => writer.FlushAsync();

    public async ValueTask DisposeAsync()
    {
        await writer.WriteEndElementAsync();
        await writer.WriteEndDocumentAsync();
        await writer.DisposeAsync();
    }
}
