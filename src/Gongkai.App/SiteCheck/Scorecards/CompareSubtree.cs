using Gongkai.App.Accounts;
using Gongkai.App.Data;

namespace Gongkai.App.SiteCheck.Scorecards;

/// <summary>
/// Every unit of a subtree side by side, worst first (<see cref="UnitStanding.WorstFirst"/>): its last run, the veto
/// items it failed, its score and result, and the change since the run before — for supervisors and for any staff whose
/// scope has units below.
/// </summary>
public sealed class CompareSubtree(GongkaiDb db)
{
    public sealed record View(ScorecardUnit Top, IReadOnlyList<UnitStanding> Rows);

    public async Task<Outcome<View>> HandleAsync(string? unitCode, StaffScope actor, CancellationToken ct = default)
    {
        var top = await ScorecardUnits.FindAsync(db, actor, unitCode, ct);
        if (top is null)
            return Outcome<View>.Missing(ScorecardUnits.NoSuchUnit);
        var units = await ScorecardUnits.SubtreeAsync(db, top, ct);
        var rows = await ScorecardUnits.StandingsAsync(db, units, null, null, ct);
        return Outcome<View>.Done(new(top, [.. UnitStanding.WorstFirst(rows)]));
    }
}
