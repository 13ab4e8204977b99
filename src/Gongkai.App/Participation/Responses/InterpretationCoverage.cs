using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Responses;

/// <summary>
/// 解读三同步 coverage by unit and year, for the office and its supervisors: each unit in scope with the policies it published
/// in the year that must be interpreted (<see cref="InterpretationRule.MustBeInterpreted"/>), how many have a published 解读
/// (with the 解读's forms counted), how many were published with a recorded reason, and how many have neither.
/// </summary>
public sealed class InterpretationCoverage(GongkaiDb db)
{
    public enum Status { Interpreted, Waived, Missing }

    public sealed record Policy(Guid Id, string Unit, string UnitCode, string? IndexNumber, string Title, Genre Genre, DateOnly PublishedOn, Status Status,
        string Waiver, IReadOnlyList<(string? IndexNumber, string Title, InterpretationForms Forms)> Interpretations);

    public sealed record UnitRow(string Code, string Name, int Policies, int Interpreted, int Waived, int Missing, IReadOnlyDictionary<InterpretationForms, int> Forms);

    public sealed record Report(int Year, IReadOnlyList<UnitRow> Units, IReadOnlyList<Policy> Policies);

    public async Task<Report> HandleAsync(StaffScope actor, int year, CancellationToken ct = default)
    {
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var policies = await db.CatalogItems.AsNoTracking().Within(actor.ScopePath)
            .Where(i => i.State == CatalogState.Published && i.PublishedOn >= first && i.PublishedOn <= last).Where(CatalogItem.MustBeInterpreted)
            .OrderBy(i => i.PublishedOn).ThenBy(i => i.IndexNumber)
            .Select(i => new { i.Id, i.UnitId, Unit = i.Unit.FullName, UnitCode = i.Unit.Code, i.IndexNumber, i.Title, i.Genre, PublishedOn = i.PublishedOn!.Value, i.InterpretationWaiver })
            .ToListAsync(ct);
        var ids = policies.Select(p => p.Id).ToList();
        var interpretations = (await db.CatalogItems.AsNoTracking()
                .Where(i => i.Genre == Genre.Interpretation && i.State == CatalogState.Published && i.InterpretsId != null && ids.Contains(i.InterpretsId.Value))
                .Select(i => new { PolicyId = i.InterpretsId!.Value, i.IndexNumber, i.Title, i.InterpretationForms }).ToListAsync(ct))
            .ToLookup(i => i.PolicyId);
        var rows = policies.Select(p =>
        {
            var of = interpretations[p.Id].Select(i => (i.IndexNumber, i.Title, i.InterpretationForms)).ToList();
            var status = of.Count > 0 ? Status.Interpreted : p.InterpretationWaiver.Length > 0 ? Status.Waived : Status.Missing;
            return (p.UnitId, Policy: new Policy(p.Id, p.Unit, p.UnitCode, p.IndexNumber, p.Title, p.Genre, p.PublishedOn, status, p.InterpretationWaiver, of));
        }).ToList();
        var units = await actor.UnitsIn(db).InTreeOrderAsync(ct);
        var byUnit = rows.ToLookup(r => r.UnitId, r => r.Policy);
        return new(year, [.. units.Where(u => byUnit[u.Id].Any()).Select(u =>
        {
            var list = byUnit[u.Id].ToList();
            var forms = InterpretationRule.EachForm.ToDictionary(f => f, f => list.SelectMany(p => p.Interpretations).Count(i => i.Forms.HasFlag(f)));
            return new UnitRow(u.Code, u.FullName, list.Count, list.Count(p => p.Status == Status.Interpreted), list.Count(p => p.Status == Status.Waived),
                list.Count(p => p.Status == Status.Missing), forms);
        })], [.. rows.Select(r => r.Policy)]);
    }

    public static string ChineseName(Status status) => status switch
    {
        Status.Interpreted => "已解读",
        Status.Waived => "说明不解读",
        _ => "未解读",
    };
}
