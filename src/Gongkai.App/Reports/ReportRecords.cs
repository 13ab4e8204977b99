using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Reports;

/// <summary>
/// What a report of a unit and year is made of, read once: the units it covers, their applications, 规章 and 规范性文件,
/// cases — this year's and last year's, for the carry-over check and 同比 — and the figures entered for them. Compiling
/// (<see cref="CompileReport"/>) and tracing a cell (<see cref="TraceReportCell"/>) both read it.
/// </summary>
internal sealed class ReportRecords
{
    public sealed record UnitRow(Guid Id, string Code, string FullName);
    public sealed record Record<T>(Guid Id, Guid UnitId, T Facts);

    public required Unit Top { get; init; }
    public required ReportScope Scope { get; init; }
    public required IReadOnlyList<UnitRow> Units { get; init; }
    public required IReadOnlyList<Record<ApplicationFacts>> Applications { get; init; }
    public required IReadOnlyList<Record<CatalogFacts>> Catalog { get; init; }
    public required IReadOnlyList<Record<CaseFacts>> Cases { get; init; }
    public required IReadOnlyList<ReportFigureEntry> Entries { get; init; }

    public static async Task<ReportRecords> LoadAsync(GongkaiDb db, Unit top, ReportScope scope, int year, CancellationToken ct)
    {
        var units = await (scope == ReportScope.Jurisdiction ? db.Units.Within(top.Path) : db.Units.Where(u => u.Id == top.Id)).AsNoTracking()
            .OrderBy(u => u.Path.Length).ThenBy(u => u.SortOrder).Select(u => new UnitRow(u.Id, u.Code, u.FullName)).ToListAsync(ct);
        var ids = units.Select(u => u.Id).ToList();
        var entries = await db.ReportFigureEntries.AsNoTracking()
            .Where(e => ids.Contains(e.UnitId) && (e.Year == year || e.Year == year - 1)).ToListAsync(ct);
        if (year < ReportForms.FirstNational)   // the legacy 统计表 (and its year before) is never counted
            return new() { Top = top, Scope = scope, Units = units, Applications = [], Catalog = [], Cases = [], Entries = entries };
        var (yearEnd, lastYearStart) = (ReportForms.YearBounds(year).Last, ReportForms.YearBounds(year - 1).First);
        var applications = await db.Applications.AsNoTracking()
            .Where(a => ids.Contains(a.UnitId) && a.ReceivedOn != null && a.ReceivedOn <= yearEnd && (a.AnsweredOn == null || a.AnsweredOn >= lastYearStart))
            .Select(a => new Record<ApplicationFacts>(a.Id, a.UnitId, new ApplicationFacts(a.ApplicantKind, a.ReceivedOn!.Value, a.AnsweredOn, a.Outcome)))
            .ToListAsync(ct);
        var catalog = await db.CatalogItems.AsNoTracking()
            .Where(i => ids.Contains(i.UnitId) && i.PublishedOn != null && i.PublishedOn <= yearEnd
                && (i.Genre == Genre.Rule || i.Genre == Genre.NormativeDocument)
                && (i.State == CatalogState.Published || i.State == CatalogState.Withdrawn))
            .Select(i => new Record<CatalogFacts>(i.Id, i.UnitId, new CatalogFacts(i.Genre, i.FormedOn, i.PublishedOn!.Value, i.Validity, i.RepealedOn)))
            .ToListAsync(ct);
        var cases = await db.ReviewCases.AsNoTracking()
            .Where(c => ids.Contains(c.UnitId) && c.Counted && c.FiledOn <= yearEnd && (c.DecidedOn == null || c.DecidedOn >= lastYearStart))
            .Select(c => new Record<CaseFacts>(c.Id, c.UnitId, new CaseFacts(c.Kind, c.FiledOn, c.DecidedOn, c.Result)))
            .ToListAsync(ct);
        return new() { Top = top, Scope = scope, Units = units, Applications = applications, Catalog = catalog, Cases = cases, Entries = entries };
    }

    /// <summary>What the report of <paramref name="year"/> (this year or last) says, or null for a legacy year with nothing entered.</summary>
    public sealed record Compiled(ReportFigures Figures, IReadOnlyList<UnitFigures> Units, IReadOnlySet<string> Entered, bool AsEntered);

    /// <param name="breakdown">Whether a jurisdiction's per-unit figures are wanted (this year's report; not last year's).</param>
    public Compiled? Compile(int year, bool breakdown = true)
    {
        var form = ReportForms.ForYear(year);
        var whole = Entry(Top.Id, year, ReportScope.Jurisdiction);
        if (Scope == ReportScope.Jurisdiction && whole?.Figures() is { } stated)
            return new(stated, [], stated.Keys.ToHashSet(StringComparer.Ordinal), AsEntered: true);
        var entries = Units.Select(u => (Unit: u, Figures: Entry(u.Id, year, ReportScope.Unit)?.Figures())).Where(e => e.Figures is not null)
            .ToDictionary(e => e.Unit.Id, e => e.Figures!);
        if (!form.IsNational() && entries.Count == 0)
            return null;
        var entered = entries.Values.SelectMany(f => f.Keys).ToHashSet(StringComparer.Ordinal);
        ReportFigures Count(IEnumerable<ApplicationFacts> applications, IEnumerable<CatalogFacts> items, IEnumerable<CaseFacts> cases) =>
            form.IsNational()
                ? ReportFigures.From(CountFromRecords.Table3(form, year, applications)
                    .Concat(CountFromRecords.Table2(form, year, items)).Concat(CountFromRecords.Table4(year, cases)))
                : ReportFigures.Empty;
        ReportFigures Counted() => Count(Applications.Select(a => a.Facts), Catalog.Select(i => i.Facts), Cases.Select(c => c.Facts));
        List<UnitFigures> PerUnit()
        {
            var (applicationsOf, catalogOf, casesOf) = (Applications.ToLookup(a => a.UnitId, a => a.Facts), Catalog.ToLookup(i => i.UnitId, i => i.Facts),
                Cases.ToLookup(c => c.UnitId, c => c.Facts));
            return [.. Units.Select(u => new UnitFigures(u.Code, u.FullName, EnteredFigures.Overlay(
                Count(applicationsOf[u.Id], catalogOf[u.Id], casesOf[u.Id]), entries.GetValueOrDefault(u.Id) ?? ReportFigures.Empty)))];
        }
        var units = Scope == ReportScope.Jurisdiction && (breakdown || entries.Count > 0) ? PerUnit() : [];
        // Without entered figures the whole is one count over every record; with them, the sum of the units' figures.
        var figures = entries.Count == 0 ? Counted()
            : units.Count > 0 ? EnteredFigures.Sum(units.Select(u => u.Figures))
            : EnteredFigures.Overlay(Counted(), entries.Values.Single());
        return new(figures, breakdown ? units : [], entered, AsEntered: false);
    }

    private ReportFigureEntry? Entry(Guid unitId, int year, ReportScope scope) =>
        Entries.FirstOrDefault(e => e.UnitId == unitId && e.Year == year && e.Scope == scope);
}
