using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using Gongkai.Core.SiteCheck;

namespace Gongkai.App.SiteCheck.Network;

/// <summary>The newest item date (Beijing date) and the item count of an RSS 2.0 or Atom 1.0 feed.</summary>
public static class FeedDates
{
    /// <summary>Reads a feed; dates after tomorrow are not counted (false dates).</summary>
    /// <exception cref="FormatException">Not an RSS or Atom feed; the message is Chinese.</exception>
    public static (DateOnly? Newest, int Count) Read(byte[] body, DateOnly today)
    {
        WebText.EnsureEncodings();
        SyndicationFeed feed;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 20_000_000 });
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = new Rss20FeedFormatter { DateTimeParser = ParseDate };
            if (!formatter.CanRead(reader))
                formatter = new Atom10FeedFormatter { DateTimeParser = ParseDate };
            if (!formatter.CanRead(reader))
                throw new FormatException("不是 RSS 或 Atom 订阅");
            formatter.ReadFrom(reader);
            feed = formatter.Feed;
        }
        catch (XmlException e)
        {
            throw new FormatException($"订阅内容不是有效的 XML（第 {e.LineNumber} 行）", e);
        }
        var latest = today.AddDays(1);
        var dates = feed.Items.Select(i => i.PublishDate != default ? i.PublishDate : i.LastUpdatedTime)
            .Where(d => d != default && d != DateTimeOffset.MinValue).Select(d => d.UtcDateTime.ChinaDate()).Where(d => d <= latest).ToList();
        return (dates.Count > 0 ? dates.Max() : null, feed.Items.Count());
    }

    private static readonly string[] Rfc822 =
    [
        "ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm zzz", "d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss", "ddd, d MMM yyyy",
    ];

    /// <summary>RFC 822 (with a zone as +0800 or a name), ISO 8601, or the usual Chinese forms (Beijing time); anything else is no date.</summary>
    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        var s = data.DateTimeString.Trim();
        var zoned = System.Text.RegularExpressions.Regex.Replace(s, @"\s(?:GMT|UT|UTC|Z)$", " +00:00");
        zoned = System.Text.RegularExpressions.Regex.Replace(zoned, @"\s([+-]\d\d)(\d\d)$", " $1:$2");
        zoned = System.Text.RegularExpressions.Regex.Replace(zoned, @"\s(?:CST|PRC|BJT)$", " +08:00");
        if (DateTimeOffset.TryParseExact(zoned, Rfc822, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out value))
            return true;
        if (DateTimeOffset.TryParse(zoned, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out value))
            return true;
        if (ListPageDates.Parse(s) is { } day)
        {
            value = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8));
            return true;
        }
        value = DateTimeOffset.MinValue;
        return true; // an unreadable date is no date, not an unreadable feed
    }
}

/// <summary>The newest &lt;lastmod&gt; (Beijing date) and the count of the URLs of a sitemap under one address.</summary>
public static class SitemapDates
{
    private static readonly System.Xml.Linq.XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>A sitemap file: either its URLs with their lastmod, or (an index) the sitemaps it lists.</summary>
    public sealed record Sheet(IReadOnlyList<(string Loc, DateOnly? LastMod)> Urls, IReadOnlyList<string> Sitemaps);

    /// <exception cref="FormatException">Not a sitemap; the message is Chinese.</exception>
    public static Sheet Parse(byte[] body)
    {
        WebText.EnsureEncodings();
        System.Xml.Linq.XDocument doc;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersInDocument = 60_000_000 });
            doc = System.Xml.Linq.XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FormatException($"站点地图不是有效的 XML（第 {e.LineNumber} 行）", e);
        }
        var root = doc.Root!;
        var ns = root.Name.Namespace == System.Xml.Linq.XNamespace.None ? System.Xml.Linq.XNamespace.None : Ns;
        if (root.Name.LocalName == "sitemapindex")
            return new Sheet([], [.. root.Elements(ns + "sitemap").Select(s => ((string?)s.Element(ns + "loc"))?.Trim() ?? "").Where(l => l.Length > 0)]);
        if (root.Name.LocalName != "urlset")
            throw new FormatException("不是站点地图（根元素应为 urlset 或 sitemapindex）");
        return new Sheet([.. root.Elements(ns + "url").Select(u => (((string?)u.Element(ns + "loc"))?.Trim() ?? "", LastMod((string?)u.Element(ns + "lastmod"))))
            .Where(u => u.Item1.Length > 0)], []);
    }

    private static DateOnly? LastMod(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && value.Contains('T'))
            return at.UtcDateTime.ChinaDate();
        return ListPageDates.Parse(value);
    }

    /// <summary>Whether <paramref name="loc"/> is under the column's address (same host, its path below the column's).</summary>
    public static bool IsUnder(string loc, Uri column)
    {
        if (!Uri.TryCreate(loc, UriKind.Absolute, out var u) || !u.Host.Equals(column.Host, StringComparison.OrdinalIgnoreCase))
            return false;
        var folder = column.AbsolutePath;
        var slash = folder.LastIndexOf('/');
        var prefix = folder.EndsWith('/') ? folder : (System.IO.Path.HasExtension(folder) ? folder[..(slash + 1)] : folder + "/");
        return u.AbsolutePath.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && !u.AbsolutePath.Equals(folder, StringComparison.OrdinalIgnoreCase);
    }
}
