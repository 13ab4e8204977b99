using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Scorecards;

/// <summary>A unit's runs over time, oldest first: when, how, score, result, veto failures, findings (at most the last <see cref="MaxRuns"/>).</summary>
public sealed class ShowHistory(GongkaiDb db)
{
    public const int MaxRuns = 400;

    public sealed record View(ScorecardUnit Unit, IReadOnlyList<RunSummary> Runs);

    public async Task<Outcome<View>> HandleAsync(string? unitCode, StaffScope actor, CancellationToken ct = default)
    {
        var unit = await ScorecardUnits.FindAsync(db, actor, unitCode, ct);
        if (unit is null)
            return Outcome<View>.Missing(ScorecardUnits.NoSuchUnit);
        var runs = await db.SiteCheckRuns.AsNoTracking().Where(r => r.UnitId == unit.Id).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(MaxRuns).ToListAsync(ct);
        return Outcome<View>.Done(new(unit, [.. runs.AsEnumerable().Reverse().Select(RunSummary.Of)]));
    }
}
