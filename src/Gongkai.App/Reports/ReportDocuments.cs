using Gongkai.App.Data;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Reports;

/// <summary>
/// A report as a whole document for the exports (HTML, DOCX) and the API: the published one — its snapshot and
/// published text — or one compiled now with the draft's text.
/// </summary>
public sealed class ReportDocuments(GongkaiDb db, CompileReport compile)
{
    /// <summary>The unit's published report for the year, or null when it is not published.</summary>
    public async Task<ReportDocument?> PublishedAsync(string unitCode, int year, CancellationToken ct = default)
    {
        var report = await db.AnnualReports.AsNoTracking().Include(r => r.Unit)
            .SingleOrDefaultAsync(r => r.Unit.Code == unitCode && r.Year == year && r.State == AnnualReportState.Published, ct);
        return report is null ? null
            : new(report.PublishedReport(), Sections(report, published: true), report.PublishedAt!.Value.ChinaDate())
            {
                RepublicationNote = report.RepublicationNote,
            };
    }

    /// <summary>The report compiled now, with the draft's sections when a draft exists.</summary>
    public async Task<Outcome<ReportDocument>> CompiledAsync(string unitCode, int year, ReportScope scope, CancellationToken ct = default)
    {
        var compiled = await compile.HandleAsync(unitCode, year, scope, ct);
        if (!compiled.Succeeded)
            return new(compiled.Kind, null, compiled.Problems);
        var draft = await db.AnnualReports.AsNoTracking().Include(r => r.Unit)
            .SingleOrDefaultAsync(r => r.Unit.Code == unitCode && r.Year == year, ct);
        return Outcome<ReportDocument>.Done(new(compiled.Value!, draft is null ? [] : Sections(draft, published: false), null));
    }

    /// <summary>The sections the report prints: 一、五、六, and for a government 工作考核、社会评议和责任追究结果情况.</summary>
    private static List<(NarrativeSection, string)> Sections(AnnualReport report, bool published) =>
        [.. NarrativeSections.For(report.Unit.Kind).Select(s => (s, report.Text(s, published)))];
}
