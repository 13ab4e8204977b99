using System.Runtime.CompilerServices;
using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Sitemaps;

/// <summary>An address under Site:PublicUrl and the date it last changed, when known.</summary>
public sealed record SitemapUrl(string Path, DateOnly? LastModified);

/// <summary>
/// The sections of hundreds or thousands of addresses, streamed in a fixed order and cut into files of at most
/// <see cref="SitemapLimit.MaxUrls"/> (<c>pages.xml</c>, <c>pages-2.xml</c> …): the fixed pages and the units' pages,
/// the published annual reports (/nb/{unit}/{year}), solicitations (/hdjl/zjdc/{id}), surveys (/hdjl/zjdc/dc/{id})
/// and interviews (/hdjl/zxft/{id}) — what the public pages show, nothing withdrawn or unpublished.
/// </summary>
public sealed class ListedSection(string name, Func<GongkaiDb, CancellationToken, IAsyncEnumerable<SitemapUrl>> urls)
{
    /// <summary>Public pages with no record behind them; forms to fill in and search results are left to the links.</summary>
    private static readonly string[] FixedPages = ["/units", "/ysqgk", "/ysqgk/apply", "/hdjl", "/hdjl/stats", "/hdjl/zjdc", "/hdjl/zxft", "/jdhy", "/tools/audit"];

    public static IReadOnlyList<ListedSection> All { get; } =
    [
        new("pages", Pages),
        new("reports", (db, ct) => db.AnnualReports.AsNoTracking().Where(r => r.State == AnnualReportState.Published)
            .OrderByDescending(r => r.Year).ThenBy(r => r.Unit.Code).Select(r => new { r.Unit.Code, r.Year, r.PublishedAt }).AsAsyncEnumerable()
            .Select(r => new SitemapUrl($"/nb/{r.Code}/{r.Year}", r.PublishedAt?.ChinaDate()))),
        new("solicitations", (db, ct) => db.Solicitations.AsNoTracking()
            .Where(s => s.State == ParticipationState.Published || s.State == ParticipationState.Concluded).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.PublishedOn, s.FeedbackPublishedOn, Concluded = s.State == ParticipationState.Concluded }).AsAsyncEnumerable()
            .Select(s => new SitemapUrl($"/hdjl/zjdc/{s.Id}", Later(s.PublishedOn, s.Concluded ? s.FeedbackPublishedOn : null)))),
        new("surveys", (db, ct) => db.Surveys.AsNoTracking()
            .Where(s => s.State == ParticipationState.Published || s.State == ParticipationState.Concluded).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.PublishedOn, s.ResultsPublishedOn }).AsAsyncEnumerable()
            .Select(s => new SitemapUrl($"/hdjl/zjdc/dc/{s.Id}", Later(s.PublishedOn, s.ResultsPublishedOn)))),
        new("interviews", (db, ct) => db.Interviews.AsNoTracking()
            .Where(i => i.State == ParticipationState.Published || i.State == ParticipationState.Concluded).OrderBy(i => i.Id)
            .Select(i => new { i.Id, i.PublishedOn, i.TranscriptPublishedOn, Concluded = i.State == ParticipationState.Concluded }).AsAsyncEnumerable()
            .Select(i => new SitemapUrl($"/hdjl/zxft/{i.Id}", Later(i.PublishedOn, i.Concluded ? i.TranscriptPublishedOn : null)))),
    ];

    public string Name { get; } = name;

    /// <summary>The section's files with the newest date in each; none when it is empty.</summary>
    public async Task<IReadOnlyList<SitemapFile>> FilesAsync(GongkaiDb db, int maxUrls, CancellationToken ct)
    {
        var files = new List<SitemapFile>();
        var (count, newest) = (0, (DateOnly?)null);
        await foreach (var url in urls(db, ct).WithCancellation(ct))
        {
            newest = Later(newest, url.LastModified);
            if (++count % maxUrls != 0)
                continue;
            files.Add(new SitemapFile(FileName(files.Count + 1), newest));
            newest = null;
        }
        if (count % maxUrls != 0)
            files.Add(new SitemapFile(FileName(files.Count + 1), newest));
        return files;
    }

    public string FileName(int part) => part == 1 ? Name : $"{Name}-{part}";

    /// <summary>Writes one file's addresses; false (nothing written) when the file does not exist.</summary>
    public async Task<bool> WriteAsync(GongkaiDb db, int part, int maxUrls, Func<Task<SitemapXml>> start, CancellationToken ct)
    {
        SitemapXml? xml = null;
        var (skip, written) = ((long)(part - 1) * maxUrls, 0);
        try
        {
            await foreach (var url in urls(db, ct).WithCancellation(ct))
            {
                if (skip-- > 0)
                    continue;
                xml ??= await start();
                await xml.WriteAsync(url.Path, url.LastModified);
                if (++written == maxUrls)
                    break;
            }
        }
        finally
        {
            if (xml is not null)
                await xml.DisposeAsync();
        }
        return xml is not null;
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    /// <summary>Home, the catalog and the lists dated by their newest entry; then each unit's guide and catalog.</summary>
    private static async IAsyncEnumerable<SitemapUrl> Pages(GongkaiDb db, [EnumeratorCancellation] CancellationToken ct)
    {
        var newestItem = await db.CatalogItems.Where(i => i.State == CatalogState.Published).MaxAsync(i => i.PublishedOn, ct);
        var newestLetter = await db.Letters.Where(l => l.Published).MaxAsync(l => l.PublishedOn, ct);
        var newestReport = await db.AnnualReports.Where(r => r.State == AnnualReportState.Published).MaxAsync(r => r.PublishedAt, ct);
        yield return new("/", newestItem);
        yield return new("/xxgk", newestItem);
        yield return new("/hdjl/letters", newestLetter);
        yield return new("/nb", newestReport?.ChinaDate());
        foreach (var path in FixedPages)
            yield return new(path, null);
        await foreach (var code in db.Units.AsNoTracking().OrderBy(u => u.Path).Select(u => u.Code).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return new($"/units/{code}", null);
            yield return new($"/xxgk/{code}", null);
        }
    }
}
