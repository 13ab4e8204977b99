using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Core.Cases;
using Gongkai.Core.Participation;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Reports;

/// <summary>What stands behind one cell of a compiled report: the records counted in it and the figures entered for it.</summary>
public sealed record CellTrace(string Key, string Description, Figure? Value, IReadOnlyList<CellTrace.ApplicationLine> Applications,
    IReadOnlyList<CellTrace.ItemLine> Items, IReadOnlyList<CellTrace.CaseLine> Cases, IReadOnlyList<CellTrace.EntryLine> Entries)
{
    public sealed record ApplicationLine(Guid Id, string TrackingCode, string Unit, string Applicant, DateOnly ReceivedOn, DateOnly? AnsweredOn, string? Outcome);
    public sealed record ItemLine(Guid Id, string? IndexNumber, string Title, string Unit, DateOnly PublishedOn, DateOnly? RepealedOn);
    public sealed record CaseLine(Guid Id, string Kind, string Unit, DateOnly FiledOn, DateOnly? DecidedOn, string Result);
    public sealed record EntryLine(string Unit, decimal Value, string Source, string Note, string By, DateTime At);

    /// <summary>A press conference, online interview or response counted in a legacy 回应解读 row: what it is, its title, day and office page.</summary>
    public sealed record RecordLine(Guid Id, string Kind, string Title, string Unit, DateOnly On, string Url);

    /// <summary>The participation records counted (the legacy 统计表's 回应解读 rows; its 解读 are in <see cref="Items"/>).</summary>
    public IReadOnlyList<RecordLine> Records { get; init; } = [];
}

/// <summary>
/// 数字可追溯 (issue 5): a cell of a unit's report for a year lists the applications, catalog items or cases counted in it —
/// the same rule that counted them decides (<see cref="CountFromRecords.CellsOf(ApplicationFacts, ReportForm, int)"/>) —
/// and the figures entered for it, which stand in for the count of their unit.
/// </summary>
public sealed class TraceReportCell(GongkaiDb db)
{
    public async Task<Outcome<CellTrace>> HandleAsync(string unitCode, int year, ReportScope scope, string key, CancellationToken ct = default)
    {
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == unitCode, ct);
        if (unit is null)
            return Outcome<CellTrace>.Missing($"没有代码为 {unitCode} 的单位。");
        if (year < ReportForms.FirstYear || year > 9999)
            return Outcome<CellTrace>.Invalid("year", $"没有 {year} 年度的报告。");
        var form = ReportForms.ForYear(year);
        var layout = ReportLayouts.For(form);
        if (layout.Cell(key) is null)
            return Outcome<CellTrace>.Missing($"「{key}」不是{form.ChineseName()}中的单元格。");
        var records = await ReportRecords.LoadAsync(db, unit, scope, year, ct);
        var compiled = records.Compile(year, breakdown: false);
        var names = records.Units.ToDictionary(u => u.Id, u => u.FullName);

        // A unit whose entered figure stands in the cell has none of its records counted there.
        var inCell = records.Entries.Where(e => e.Year == year).Select(e => (Entry: e, Figure: e.Figures()[key])).Where(e => e.Figure is not null).ToList();
        var entries = inCell.Where(e => compiled?.AsEntered == true
                ? e.Entry.UnitId == unit.Id && e.Entry.Scope == ReportScope.Jurisdiction
                : e.Entry.Scope == ReportScope.Unit)
            .Select(e => new CellTrace.EntryLine(names[e.Entry.UnitId], e.Figure!.Value.Value, e.Entry.Source.ChineseName(),
                e.Entry.Note, e.Entry.UpdatedByName, e.Entry.UpdatedAt)).ToList();
        var replaced = inCell.Where(e => e.Entry.Scope == ReportScope.Unit).Select(e => e.Entry.UnitId).ToHashSet();
        bool Counts(Guid unitId) => compiled?.AsEntered != true && !replaced.Contains(unitId);

        var applicationIds = records.Applications.Where(a => Counts(a.UnitId) && CountFromRecords.CellsOf(a.Facts, form, year).Contains(key)).Select(a => a.Id).ToList();
        var itemIds = records.Catalog.Where(i => Counts(i.UnitId) && CountFromRecords.CellsOf(i.Facts, form, year).Contains(key)).Select(i => i.Id)
            .Concat(records.Interpretations.Where(i => Counts(i.UnitId) && ParticipationCounting.CellsOf(i.Facts, year).Contains(key)).Select(i => i.Id)).ToList();
        var conferenceIds = records.Conferences.Where(c => Counts(c.UnitId) && ParticipationCounting.CellsOf(c.Facts, year).Contains(key)).Select(c => c.Id).ToList();
        var interviewIds = records.Interviews.Where(i => Counts(i.UnitId) && ParticipationCounting.CellsOf(i.Facts, year).Contains(key)).Select(i => i.Id).ToList();
        var responseIds = records.Responses.Where(r => Counts(r.UnitId) && ParticipationCounting.CellsOf(r.Facts, year).Contains(key)).Select(r => r.Id).ToList();
        var participation = (await db.PressConferences.AsNoTracking().Where(c => conferenceIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Title, c.UnitId, c.HeldOn }).ToListAsync(ct))
            .Select(c => new CellTrace.RecordLine(c.Id, "新闻发布会", c.Title, names[c.UnitId], c.HeldOn, $"/office/participation/conferences/{c.Id}"))
            .Concat((await db.Interviews.AsNoTracking().Where(i => interviewIds.Contains(i.Id)).Select(i => new { i.Id, i.Title, i.UnitId, i.StartsAt }).ToListAsync(ct))
                .Select(i => new CellTrace.RecordLine(i.Id, "在线访谈", i.Title, names[i.UnitId], i.StartsAt.ChinaDate(), $"/office/participation/interviews/{i.Id}")))
            .Concat((await db.ResponseEvents.AsNoTracking().Where(r => responseIds.Contains(r.Id)).Select(r => new { r.Id, r.Concern, r.UnitId, r.RespondedOn, r.Channel }).ToListAsync(ct))
                .Select(r => new CellTrace.RecordLine(r.Id, $"回应关切（{r.Channel.ChineseName()}）", r.Concern, names[r.UnitId], r.RespondedOn, $"/office/participation/responses/{r.Id}")))
            .OrderBy(l => l.On).ThenBy(l => l.Title, StringComparer.Ordinal).ToList();
        var caseIds = records.Cases.Where(c => Counts(c.UnitId) && CountFromRecords.CellsOf(c.Facts, year).Contains(key)).Select(c => c.Id).ToList();

        var applications = (await db.Applications.AsNoTracking().Where(a => applicationIds.Contains(a.Id))
                .Select(a => new { a.Id, a.TrackingCode, a.UnitId, a.ApplicantName, a.ReceivedOn, a.AnsweredOn, a.Outcome }).ToListAsync(ct))
            .OrderBy(a => a.ReceivedOn).Select(a => new CellTrace.ApplicationLine(a.Id, a.TrackingCode, names[a.UnitId], a.ApplicantName, a.ReceivedOn!.Value,
                a.AnsweredOn, a.Outcome?.Info().Name)).ToList();
        var items = (await db.CatalogItems.AsNoTracking().Where(i => itemIds.Contains(i.Id))
                .Select(i => new { i.Id, i.IndexNumber, i.Title, i.UnitId, i.PublishedOn, i.RepealedOn }).ToListAsync(ct))
            .OrderBy(i => i.PublishedOn).Select(i => new CellTrace.ItemLine(i.Id, i.IndexNumber, i.Title, names[i.UnitId], i.PublishedOn!.Value, i.RepealedOn)).ToList();
        var cases = (await db.ReviewCases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
                .Select(c => new { c.Id, c.Kind, c.UnitId, c.FiledOn, c.DecidedOn, c.Result }).ToListAsync(ct))
            .OrderBy(c => c.FiledOn).Select(c => new CellTrace.CaseLine(c.Id, c.Kind.ChineseName(), names[c.UnitId], c.FiledOn, c.DecidedOn,
                (CaseCounting.StateAtYearEnd(c.FiledOn, c.DecidedOn, c.Result, year) ?? CaseResult.Pending).ChineseName())).ToList();
        return Outcome<CellTrace>.Done(new(key, layout.Describe(key), compiled?.Figures[key], applications, items, cases, entries) { Records = participation });
    }
}
