using Gongkai.App.Units;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Reports;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Reports;

/// <summary>One unit's report for a year as a supervisor sees it: due when, published when, in time or not.</summary>
public sealed record PublicationLine(string Code, string Name, UnitKind Kind, int Depth, DateOnly Deadline, DateOnly? FirstPublishedOn,
    PublicationTimeliness Timeliness, int Errors);

/// <summary>
/// 督查: for every unit of a subtree, whether its report for a year was published by the deadline of 第四十九条
/// (<see cref="ReportDeadline"/>: departments by 31 January, governments by 31 March), judged by the first publication.
/// </summary>
public sealed class ReportPublicationStatus(GongkaiDb db, TimeProvider clock)
{
    public async Task<IReadOnlyList<PublicationLine>> HandleAsync(StaffScope actor, string? unitCode, int year, CancellationToken ct = default)
    {
        var units = actor.UnitsIn(db);
        if (!string.IsNullOrWhiteSpace(unitCode) && await units.SingleOrDefaultAsync(u => u.Code == unitCode, ct) is { } top)
            units = units.Within(top.Path);
        var rows = await units.InTreeOrderAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        // The dates and the findings only, not the texts and figures.
        var reports = await db.AnnualReports.AsNoTracking()
            .Where(r => ids.Contains(r.UnitId) && r.Year == year && r.State == AnnualReportState.Published)
            .Select(r => new AnnualReport { UnitId = r.UnitId, FirstPublishedAt = r.FirstPublishedAt, PublishedAt = r.PublishedAt, FindingsJson = r.FindingsJson })
            .ToDictionaryAsync(r => r.UnitId, ct);
        var today = clock.Today();
        var topDepth = rows.Count == 0 ? 0 : rows.Min(r => UnitPath.Depth(r.Path));
        return [.. rows.Select(r =>
        {
            var deadline = ReportDeadline.For(r.Kind, year);
            var report = reports.GetValueOrDefault(r.Id);
            DateOnly? published = report is null ? null : (report.FirstPublishedAt ?? report.PublishedAt)!.Value.ChinaDate();
            var errors = report?.PublishedFindings().Count(f => f.Severity == Severity.Error) ?? 0;
            return new PublicationLine(r.Code, r.FullName, r.Kind, UnitPath.Depth(r.Path) - topDepth, deadline,
                published, PublicationTimelinessRules.Of(deadline, published, today), errors);
        })];
    }
}
