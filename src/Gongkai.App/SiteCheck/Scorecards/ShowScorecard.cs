using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Scorecards;

/// <summary>
/// A unit's latest scorecard for the staff (any role may read inside its subtree, 督查 included): the stored report in the
/// check's own layout, the fix list most urgent first, the judgements made on findings that need one, and the run before
/// for the trend.
/// </summary>
public sealed class ShowScorecard(GongkaiDb db)
{
    public sealed record View(ScorecardUnit Unit, SiteCheckRun? Run, SiteCheckReport? Report, IReadOnlyList<SiteFinding> Findings,
        IReadOnlyDictionary<string, SiteFindingDecision> Decisions, RunSummary? Previous);

    public async Task<Outcome<View>> HandleAsync(string? unitCode, StaffScope actor, CancellationToken ct = default)
    {
        var unit = await ScorecardUnits.FindAsync(db, actor, unitCode, ct);
        if (unit is null)
            return Outcome<View>.Missing(ScorecardUnits.NoSuchUnit);
        var runs = await db.SiteCheckRuns.AsNoTracking().Where(r => r.UnitId == unit.Id).OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(2).ToListAsync(ct);
        var run = runs.FirstOrDefault();
        if (run is null)
            return Outcome<View>.Done(new(unit, null, null, [], new Dictionary<string, SiteFindingDecision>(), null));
        var findings = (await db.SiteFindings.AsNoTracking().Where(f => f.RunId == run.Id).ToListAsync(ct))
            .OrderBy(f => f.Urgency).ThenBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.TargetLabel, StringComparer.Ordinal).ThenBy(f => f.Id).ToList();
        var keys = findings.Where(f => f.NeedsJudgement).Select(f => f.Key).Distinct().ToList();
        var decisions = await db.SiteFindingDecisions.AsNoTracking().Where(d => d.UnitId == unit.Id && keys.Contains(d.Key)).ToDictionaryAsync(d => d.Key, ct);
        SiteCheckReport? report = null;
        try
        {
            report = string.IsNullOrWhiteSpace(run.ScorecardJson) ? null : SiteCheckReport.FromJson(run.ScorecardJson);
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return Outcome<View>.Done(new(unit, run, report, findings, decisions, runs.Count > 1 ? RunSummary.Of(runs[1]) : null));
    }
}
