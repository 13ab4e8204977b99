using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
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

    /// <summary>
    /// For a legacy year (the 统计表's 二、回应解读情况, issue 15): press conferences, online interviews, published 解读 and
    /// responses of the year and the year before (<see cref="ParticipationCounting"/>); empty for a national form's year.
    /// </summary>
    public IReadOnlyList<Record<ConferenceFacts>> Conferences { get; init; } = [];
    public IReadOnlyList<Record<InterviewFacts>> Interviews { get; init; } = [];
    public IReadOnlyList<Record<InterpretationFacts>> Interpretations { get; init; } = [];
    public IReadOnlyList<Record<ResponseFacts>> Responses { get; init; } = [];

    public static async Task<ReportRecords> LoadAsync(GongkaiDb db, Unit top, ReportScope scope, int year, CancellationToken ct)
    {
        var units = (await (scope == ReportScope.Jurisdiction ? db.Units.Within(top.Path) : db.Units.Where(u => u.Id == top.Id)).InTreeOrderAsync(ct)).Select(u => new UnitRow(u.Id, u.Code, u.FullName)).ToList();
        var ids = units.Select(u => u.Id).ToList();
        var entries = await db.ReportFigureEntries.AsNoTracking()
            .Where(e => ids.Contains(e.UnitId) && (e.Year == year || e.Year == year - 1)).ToListAsync(ct);
        if (year < ReportForms.FirstNational)   // the legacy 统计表 (and its year before): only its 回应解读 rows are counted
            return await LegacyAsync(db, new() { Top = top, Scope = scope, Units = units, Applications = [], Catalog = [], Cases = [], Entries = entries }, ids, year, ct);
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

    /// <summary>The participation records of <paramref name="year"/> and the year before, for the legacy 统计表's 回应解读 rows.</summary>
    private static async Task<ReportRecords> LegacyAsync(GongkaiDb db, ReportRecords records, List<Guid> ids, int year, CancellationToken ct)
    {
        var (first, last) = (new DateOnly(year - 1, 1, 1), new DateOnly(year, 12, 31));
        var (from, to) = (new DateTime(year - 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8), new DateTime(year + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8));
        var conferences = await db.PressConferences.AsNoTracking()
            .Where(c => ids.Contains(c.UnitId) && c.State == ParticipationState.Published && c.HeldOn >= first && c.HeldOn <= last)
            .Select(c => new Record<ConferenceFacts>(c.Id, c.UnitId, new ConferenceFacts(c.HeldOn, c.PrincipalAttended))).ToListAsync(ct);
        var interviews = (await db.Interviews.AsNoTracking()
                .Where(i => ids.Contains(i.UnitId) && (i.State == ParticipationState.Published || i.State == ParticipationState.Concluded) && i.StartsAt >= from && i.StartsAt < to)
                .Select(i => new { i.Id, i.UnitId, i.StartsAt, i.Guests }).ToListAsync(ct))
            .Select(i => new Record<InterviewFacts>(i.Id, i.UnitId, new InterviewFacts(i.StartsAt.ChinaDate(), i.Guests.Any(g => g.Principal), 0, 0))).ToList();
        var interpretations = await db.CatalogItems.AsNoTracking()
            .Where(i => ids.Contains(i.UnitId) && i.Genre == Genre.Interpretation && i.State == CatalogState.Published && i.PublishedOn >= first && i.PublishedOn <= last)
            .Select(i => new Record<InterpretationFacts>(i.Id, i.UnitId, new InterpretationFacts(i.PublishedOn!.Value, i.InterpretationForms))).ToListAsync(ct);
        var responses = await db.ResponseEvents.AsNoTracking()
            .Where(r => ids.Contains(r.UnitId) && r.State == ParticipationState.Published && r.RespondedOn >= first && r.RespondedOn <= last)
            .Select(r => new Record<ResponseFacts>(r.Id, r.UnitId, new ResponseFacts(r.RespondedOn, r.Channel))).ToListAsync(ct);
        return new()
        {
            Top = records.Top,
            Scope = records.Scope,
            Units = records.Units,
            Applications = [],
            Catalog = [],
            Cases = [],
            Entries = records.Entries,
            Conferences = conferences,
            Interviews = interviews,
            Interpretations = interpretations,
            Responses = responses,
        };
    }

    /// <summary>Whether any participation record falls in <paramref name="year"/>: only then is a legacy year counted.</summary>
    private bool HasParticipation(int year) =>
        Conferences.Any(c => c.Facts.HeldOn.Year == year) || Interviews.Any(i => i.Facts.HeldOn.Year == year)
        || Interpretations.Any(i => i.Facts.PublishedOn.Year == year) || Responses.Any(r => r.Facts.RespondedOn.Year == year);

    /// <summary>The legacy 回应解读 rows counted from the participation records of one unit (or all, for null).</summary>
    private ReportFigures LegacyCount(int year, Guid? unitId)
    {
        IEnumerable<T> Of<T>(IReadOnlyList<Record<T>> records) => records.Where(r => unitId is null || r.UnitId == unitId).Select(r => r.Facts);
        return ReportFigures.From(ParticipationCounting.LegacyBlock(year, Of(Conferences), Of(Interviews), Of(Interpretations), Of(Responses)));
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
        var counted = form.IsNational() || HasParticipation(year);
        if (!counted && entries.Count == 0)
            return null;
        var entered = entries.Values.SelectMany(f => f.Keys).ToHashSet(StringComparer.Ordinal);
        ReportFigures Count(IEnumerable<ApplicationFacts> applications, IEnumerable<CatalogFacts> items, IEnumerable<CaseFacts> cases, Guid? unitId) =>
            form.IsNational()
                ? ReportFigures.From(CountFromRecords.Table3(form, year, applications)
                    .Concat(CountFromRecords.Table2(form, year, items)).Concat(CountFromRecords.Table4(year, cases)))
                : counted ? LegacyCount(year, unitId) : ReportFigures.Empty;
        ReportFigures Counted() => Count(Applications.Select(a => a.Facts), Catalog.Select(i => i.Facts), Cases.Select(c => c.Facts), null);
        List<UnitFigures> PerUnit()
        {
            var (applicationsOf, catalogOf, casesOf) = (Applications.ToLookup(a => a.UnitId, a => a.Facts), Catalog.ToLookup(i => i.UnitId, i => i.Facts),
                Cases.ToLookup(c => c.UnitId, c => c.Facts));
            return [.. Units.Select(u => new UnitFigures(u.Code, u.FullName, EnteredFigures.Overlay(
                Count(applicationsOf[u.Id], catalogOf[u.Id], casesOf[u.Id], u.Id), entries.GetValueOrDefault(u.Id) ?? ReportFigures.Empty)))];
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
