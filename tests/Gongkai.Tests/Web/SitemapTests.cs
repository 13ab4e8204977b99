using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Reports;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Tests.Catalog;
using Gongkai.Tests.Data;
using Gongkai.Tests.Letters;
using Gongkai.Tests.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Web;

/// <summary>Issue 19 item 6: /sitemap.xml is an index of files of at most Sitemap:MaxUrls addresses covering every public record.</summary>
public class SitemapTests
{
    private const string Site = "https://xxgk.qinglan.example";
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly StaffScope Reviewer = StaffScope.System with { DisplayName = "审核", Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    /// <summary>The index's files, each read: (file address, its lastmod, its URLs with their lastmod); every document checked against the schema.</summary>
    public static async Task<List<(string Loc, DateOnly? LastMod, List<(string Loc, DateOnly? LastMod)> Urls)>> ReadAsync(HttpClient client)
    {
        var index = Valid(await client.GetStringAsync("/sitemap.xml"), "sitemapindex");
        var files = new List<(string, DateOnly?, List<(string, DateOnly?)>)>();
        foreach (var sitemap in index.Root!.Elements(Ns + "sitemap"))
        {
            var loc = sitemap.Element(Ns + "loc")!.Value;
            var file = Valid(await client.GetStringAsync(new Uri(loc).PathAndQuery), "urlset");
            files.Add((loc, Date(sitemap), [.. file.Root!.Elements(Ns + "url").Select(u => (u.Element(Ns + "loc")!.Value, Date(u)))]));
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_index_should_cover_exactly_the_public_records_in_files_no_larger_than_the_limit(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider, new Dictionary<string, string?> { ["Site:PublicUrl"] = Site, ["Sitemap:MaxUrls"] = "3" });
        var db = app.Database;
        db.Clock.SetToday(new DateOnly(2015, 3, 2));
        var submitted = await CatalogWorkflowTests.SubmittedAsync(db, CatalogWorkflowTests.Notice() with { FormedOn = new DateOnly(2015, 3, 1) });
        CatalogItem revised;
        await using (var scope = db.Scope())
            revised = (await db.Get<PublishCatalogItem>(scope).HandleAsync(new(submitted.Id), Reviewer)).Value!;
        for (var day = 1; day <= 6; day++)
            await AddItemAsync(db, new DateOnly(2015, 4, day), CatalogState.Published);
        var withdrawn = await AddItemAsync(db, new DateOnly(2015, 4, 9), CatalogState.Withdrawn);
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        await using (var scope = db.Scope())
            Assert.True((await db.Get<ReviseCatalogItem>(scope).HandleAsync(new(revised.Id, revised.Title, revised.Summary, "<p>更正后的正文。</p>", revised.DocumentNumber, "更正"), Reviewer)).Succeeded);
        var mailbox = await PublicLetters.MailboxAsync(db, "city", "市长信箱");
        var letter = await PublicLetters.PublishedAsync(db, mailbox, "公园开放时间", "请问市民公园每天几点开门，几点关门？", "市民公园每天早上六点开门，晚上十点关门。");
        var unanswered = await PublicLetters.WriteAsync(db, mailbox, PublicLetters.Request("路灯不亮", "幸福路东段的路灯已经连续一周不亮了。"));
        await AddReportAsync(db);
        await ParticipationData.SolicitationAsync(db, "city", new DateOnly(2024, 4, 1), ParticipationState.Published, 0);
        await ParticipationData.SolicitationAsync(db, "city", new DateOnly(2024, 4, 2), ParticipationState.Draft, 0);
        await ParticipationData.SurveyAsync(db, "city", new DateOnly(2024, 4, 3), ParticipationState.Published, 0);
        await ParticipationData.InterviewAsync(db, "city", new DateOnly(2024, 4, 4), principalGuest: true);

        var files = await ReadAsync(app.Browser());
        var urls = files.SelectMany(f => f.Urls).ToList();
        Assert.All(files, f => Assert.StartsWith($"{Site}/sitemaps/", f.Loc));
        Assert.All(files, f => Assert.InRange(f.Urls.Count, 1, 3));
        Assert.All(files, f => Assert.Equal(f.Urls.Max(u => u.LastMod), f.LastMod));   // a file's date is the newest in it
        Assert.All(urls, u => Assert.StartsWith($"{Site}/", u.Loc));
        Assert.Equal(urls.Count, urls.Select(u => u.Loc).Distinct().Count());

        await using (var scope = db.Scope())
        {
            var data = db.Get<GongkaiDb>(scope);
            var items = await data.CatalogItems.Where(i => i.State == CatalogState.Published).Select(i => $"{Site}/xxgk/item/{i.IndexNumber}").ToListAsync();
            Assert.Equal(items.Order(), urls.Select(u => u.Loc).Where(l => l.Contains("/xxgk/item/", StringComparison.Ordinal)).Order());
            var open = new[] { ParticipationState.Published, ParticipationState.Concluded };
            Assert.Equal((await data.Solicitations.Where(s => open.Contains(s.State)).Select(s => s.Id).ToListAsync()).Select(id => $"{Site}/hdjl/zjdc/{id}").Order(),
                urls.Select(u => u.Loc).Where(l => l.StartsWith($"{Site}/hdjl/zjdc/", StringComparison.Ordinal) && !l.Contains("/dc/", StringComparison.Ordinal)).Order());
            Assert.Equal((await data.Surveys.Where(s => open.Contains(s.State)).Select(s => s.Id).ToListAsync()).Select(id => $"{Site}/hdjl/zjdc/dc/{id}").Order(),
                urls.Select(u => u.Loc).Where(l => l.StartsWith($"{Site}/hdjl/zjdc/dc/", StringComparison.Ordinal)).Order());
            Assert.Equal((await data.Interviews.Where(i => open.Contains(i.State)).Select(i => i.Id).ToListAsync()).Select(id => $"{Site}/hdjl/zxft/{id}").Order(),
                urls.Select(u => u.Loc).Where(l => l.StartsWith($"{Site}/hdjl/zxft/", StringComparison.Ordinal)).Order());
            Assert.Contains(await data.Solicitations.Where(s => s.State == ParticipationState.Draft).Select(s => s.Id).ToListAsync(),
                id => !urls.Any(u => u.Loc.EndsWith(id.ToString(), StringComparison.Ordinal)));
        }
        Assert.DoesNotContain(urls, u => u.Loc.EndsWith($"/xxgk/item/{withdrawn}", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2024, 5, 20), urls.Single(u => u.Loc.EndsWith($"/xxgk/item/{revised.IndexNumber}", StringComparison.Ordinal)).LastMod);
        Assert.Contains(urls, u => u.Loc == $"{Site}/hdjl/letters/{letter.Number}" && u.LastMod == new DateOnly(2024, 5, 20));
        Assert.DoesNotContain(urls, u => u.Loc.EndsWith(unanswered.Number, StringComparison.Ordinal));
        Assert.Contains(urls, u => u.Loc == $"{Site}/nb/{SeedDemoData.CityCode}/2023" && u.LastMod == new DateOnly(2024, 1, 20));
        Assert.Contains(urls, u => u.Loc == $"{Site}/units/{SeedDemoData.CityCode}");

        // 2015 holds seven published items: three files of at most three, the revised one's file dated by its revision.
        var year = files.Where(f => f.Loc.Contains("/sitemaps/items-2015", StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{Site}/sitemaps/items-2015.xml", $"{Site}/sitemaps/items-2015-2.xml", $"{Site}/sitemaps/items-2015-3.xml"], year.Select(f => f.Loc));
        Assert.Equal([new DateOnly(2024, 5, 20), new DateOnly(2015, 4, 5), new DateOnly(2015, 4, 6)], year.Select(f => f.LastMod));
        var client = app.Browser();
        foreach (var missing in new[] { "/sitemaps/items-2015-4.xml", "/sitemaps/items-2015-1.xml", "/sitemaps/items-1999.xml", "/sitemaps/nothing.xml", "/sitemaps/pages-999.xml" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(missing)).StatusCode);
    }

    private static async Task<string> AddItemAsync(TestDatabase db, DateOnly publishedOn, CatalogState state)
    {
        var id = await ParticipationData.PolicyAsync(db, "city", Genre.Notice, publishedOn, $"通知{publishedOn:MMdd}");
        await using var scope = db.Scope();
        var data = db.Get<GongkaiDb>(scope);
        var item = await data.CatalogItems.SingleAsync(i => i.Id == id);
        item.State = state;
        await data.SaveChangesAsync();
        return item.IndexNumber!;
    }

    private static async Task AddReportAsync(TestDatabase db)
    {
        await using var scope = db.Scope();
        var data = db.Get<GongkaiDb>(scope);
        var city = await data.Units.SingleAsync(u => u.Code == SeedDemoData.CityCode);
        await data.AnnualReports.Where(r => r.UnitId == city.Id && r.Year == 2023).ExecuteDeleteAsync();
        data.AnnualReports.Add(new AnnualReport { UnitId = city.Id, Year = 2023, State = AnnualReportState.Published, PublishedAt = new DateTime(2024, 1, 20, 2, 0, 0, DateTimeKind.Utc), Publications = 1 });
        await data.SaveChangesAsync();
    }

    private static DateOnly? Date(XElement entry) => entry.Element(Ns + "lastmod") is { } m ? DateOnly.ParseExact(m.Value, "yyyy-MM-dd") : null;

    /// <summary>Parses and validates against the shape of sitemaps.org's sitemap.xsd / siteindex.xsd (loc, optional lastmod as a date).</summary>
    private static XDocument Valid(string text, string root)
    {
        var entry = root == "urlset" ? "url" : "sitemap";
        var schema = $"""
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="{Ns}" xmlns="{Ns}" elementFormDefault="qualified">
              <xs:element name="{root}"><xs:complexType><xs:sequence>
                <xs:element name="{entry}" minOccurs="0" maxOccurs="50000"><xs:complexType><xs:sequence>
                  <xs:element name="loc"><xs:simpleType><xs:restriction base="xs:anyURI"><xs:minLength value="12"/><xs:maxLength value="2048"/></xs:restriction></xs:simpleType></xs:element>
                  <xs:element name="lastmod" type="xs:date" minOccurs="0"/>
                </xs:sequence></xs:complexType></xs:element>
              </xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """;
        var schemas = new XmlSchemaSet();
        schemas.Add(Ns.NamespaceName, XmlReader.Create(new StringReader(schema)));
        var document = XDocument.Parse(text);
        document.Validate(schemas, (_, e) => Assert.Fail($"{root}: {e.Message}"));
        return document;
    }
}
