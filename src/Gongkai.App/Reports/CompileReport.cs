using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Reports;

/// <summary>Whose records a report covers: the unit alone, or the unit and every unit below it (a government's report).</summary>
public enum ReportScope
{
    Unit,
    Jurisdiction,
}

/// <summary>A compiled annual report: the form's figures, their check findings, and for a jurisdiction each unit's own.</summary>
/// <param name="Figures">Every cell the records decide, zeros included (a compiled report has no blanks).</param>
public sealed record CompiledReport(string UnitCode, string UnitName, int Year, ReportForm Form, ReportScope Scope,
    ReportFigures Figures, IReadOnlyList<Finding> Findings, IReadOnlyList<UnitFigures> Units);

/// <summary>One unit's share of a jurisdiction report.</summary>
public sealed record UnitFigures(string Code, string Name, ReportFigures Figures);

/// <summary>
/// `gongkai report build`: the national form for a unit and year (2021 form from 2021, 2019 form for 2019–2020), filled
/// from the records — table 三 from the applications, table 二 第二十条第（一）项 from the catalog, table 四 from the
/// reconsideration and litigation cases — and checked
/// (勾稽关系, <see cref="ReportChecks"/>), the carry-over against last year's report as published (its snapshot, when
/// published with the same scope), else compiled the same way.
/// </summary>
public sealed class CompileReport(GongkaiDb db)
{
    public async Task<Outcome<CompiledReport>> HandleAsync(string unitCode, int year, ReportScope scope, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == unitCode, ct);
        if (unit is null)
            return Outcome<CompiledReport>.Missing($"没有代码为 {unitCode} 的单位。");
        if (year < 2019)
            return Outcome<CompiledReport>.Invalid("year", $"{year} 年度报告使用 2008—2018 年的统计表，不能从记录编制；请录入或导入其数字。");
        var form = ReportForms.ForYear(year);
        var units = await db.Units.AsNoTracking()
            .Where(u => scope == ReportScope.Jurisdiction ? u.Path.StartsWith(unit.Path) : u.Id == unit.Id)
            .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder).Select(u => new { u.Id, u.Code, u.FullName }).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var (yearEnd, lastYearStart) = (new DateOnly(year, 12, 31), new DateOnly(year - 1, 1, 1));

        var applications = await db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.UnitId) && a.ReceivedOn != null && a.ReceivedOn <= yearEnd && (a.AnsweredOn == null || a.AnsweredOn >= lastYearStart))
            .Select(a => new { a.UnitId, Facts = new ApplicationFacts(a.ApplicantKind, a.ReceivedOn!.Value, a.AnsweredOn, a.Outcome) })
            .ToListAsync(ct);
        var catalog = await db.CatalogItems.AsNoTracking()
            .Where(i => ids.Contains(i.UnitId) && i.PublishedOn != null && i.PublishedOn <= yearEnd
                && (i.Genre == Genre.Rule || i.Genre == Genre.NormativeDocument)
                && (i.State == CatalogState.Published || i.State == CatalogState.Withdrawn))
            .Select(i => new { i.UnitId, Facts = new CatalogFacts(i.Genre, i.FormedOn, i.PublishedOn!.Value, i.Validity, i.RepealedOn) })
            .ToListAsync(ct);

        // Cases open in this year or last year (last year's report is compiled too, for the carry-over check).
        var cases = await db.ReviewCases.AsNoTracking()
            .Where(c => ids.Contains(c.UnitId) && c.Counted && c.FiledOn <= yearEnd && (c.DecidedOn == null || c.DecidedOn >= lastYearStart))
            .Select(c => new { c.UnitId, Facts = new CaseFacts(c.Kind, c.FiledOn, c.DecidedOn, c.Result) })
            .ToListAsync(ct);

        // Each unit's records once, so a jurisdiction's breakdown reads every record once, not once per unit.
        var (applicationsOf, catalogOf, casesOf) = (applications.ToLookup(a => a.UnitId, a => a.Facts), catalog.ToLookup(i => i.UnitId, i => i.Facts),
            cases.ToLookup(c => c.UnitId, c => c.Facts));
        ReportFigures Count(int y, ReportForm f, IEnumerable<Guid> of) => ReportFigures.From(
            CountFromRecords.Table3(f, y, of.SelectMany(id => applicationsOf[id]))
                .Concat(CountFromRecords.Table2(f, y, of.SelectMany(id => catalogOf[id])))
                .Concat(CountFromRecords.Table4(y, of.SelectMany(id => casesOf[id]))));
        var figures = Count(year, form, ids);
        var published = await db.AnnualReports.PublishedAsync(unit.Id, year - 1, ct);
        var lastYear = published is not null && published.Scope == scope ? published.PublishedFigures()
            : year > 2019 ? Count(year - 1, ReportForms.ForYear(year - 1), ids) : null;
        var breakdown = scope == ReportScope.Jurisdiction
            ? units.Select(u => new UnitFigures(u.Code, u.FullName, Count(year, form, [u.Id]))).ToList()
            : [];
        return Outcome<CompiledReport>.Done(new(unit.Code, unit.FullName, year, form, scope, figures,
            ReportChecks.Run(form, figures, lastYear), breakdown));
    }
}
