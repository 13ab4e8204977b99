using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Scorecards;

/// <summary>A unit as the scorecard pages name it: code, name, depth below the unit asked about, and whether units lie below it.</summary>
public sealed record ScorecardUnit(Guid Id, string Code, string Name, string Path, int Depth, bool HasUnitsBelow);

/// <summary>A run's headline figures and what its veto items failed, read from its stored report.</summary>
public sealed record RunSummary(Guid Id, DateTime At, string Trigger, int Score, bool Passed, int VetoFailures, int FindingCount, IReadOnlyList<string> FailedVetoes)
{
    public static RunSummary Of(SiteCheckRun run) => new(run.Id, run.At, run.Trigger, run.Score, run.Passed, run.VetoFailures, run.FindingCount, FailedVetoesOf(run));

    /// <summary>The failed veto items in words (政务新媒体不更新 with the account's name).</summary>
    public static IReadOnlyList<string> FailedVetoesOf(SiteCheckRun run)
    {
        if (run.VetoFailures == 0 || string.IsNullOrWhiteSpace(run.ScorecardJson))
            return [];
        try
        {
            return [.. SiteCheckReport.FromJson(run.ScorecardJson).Veto.Where(v => !v.Passed)
                .Select(v => v.Rule == VetoRule.NewMediaSilent && v.Subject.Length > 0 ? $"{v.Rule.ChineseName()}（{v.Subject}）" : v.Rule.ChineseName()).Distinct()];
        }
        catch (System.Text.Json.JsonException)
        {
            return [$"{run.VetoFailures} 项"];
        }
    }
}

/// <summary>One unit's line in a side-by-side table: its latest run (of a period) and the run before it.</summary>
public sealed record UnitStanding(ScorecardUnit Unit, RunSummary? Latest, RunSummary? Previous)
{
    /// <summary>Change of the score since the run before, when there is one.</summary>
    public int? ScoreChange => Latest is not null && Previous is not null ? Latest.Score - Previous.Score : null;

    /// <summary>Worst first: veto failures, then failed, then the lowest score; units never checked last, in tree order.</summary>
    public static IEnumerable<UnitStanding> WorstFirst(IEnumerable<UnitStanding> rows) => rows
        .OrderBy(r => r.Latest is null)
        .ThenByDescending(r => r.Latest?.VetoFailures ?? 0)
        .ThenBy(r => r.Latest?.Passed ?? true)
        .ThenBy(r => r.Latest?.Score ?? int.MaxValue);   // a stable sort: equals stay in tree order
}

public static class ScorecardUnits
{
    public const string NoSuchUnit = Settings.SiteCheckAccess.NoSuchUnit;

    /// <summary>The unit of the code inside the actor's scope, or the actor's own unit when no code is given.</summary>
    public static async Task<ScorecardUnit?> FindAsync(GongkaiDb db, StaffScope actor, string? unitCode, CancellationToken ct)
    {
        var code = (unitCode ?? "").Trim();
        var query = actor.UnitsIn(db).AsNoTracking();
        var chosen = code.Length > 0 ? query.Where(u => u.Code == code) : query.Where(u => u.Path == actor.UnitPath);
        var unit = await chosen.Select(u => new { u.Id, u.Code, u.FullName, u.Path }).FirstOrDefaultAsync(ct)
            // The command line's operator has no unit of its own: the top of the tree.
            ?? (code.Length > 0 ? null : await query.Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).Select(u => new { u.Id, u.Code, u.FullName, u.Path }).FirstOrDefaultAsync(ct));
        if (unit is null)
            return null;
        var below = await db.Units.AnyAsync(u => u.ParentId == unit.Id, ct);
        return new(unit.Id, unit.Code, unit.FullName, unit.Path, 0, below);
    }

    /// <summary>The unit and every unit below it, the unit first and then in tree order.</summary>
    public static async Task<IReadOnlyList<ScorecardUnit>> SubtreeAsync(GongkaiDb db, ScorecardUnit top, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Within(top.Path).Select(u => new { u.Id, u.Code, u.FullName, u.Path, u.SortOrder, u.ParentId }).ToListAsync(ct);
        var parents = units.Where(u => u.ParentId is not null).Select(u => u.ParentId!.Value).ToHashSet();
        var baseDepth = Core.Units.UnitPath.Depth(top.Path);
        return [.. units.InTreeOrder(u => u.Id, u => u.ParentId, u => u.Path, u => u.SortOrder, u => u.FullName)
            .Select(u => new ScorecardUnit(u.Id, u.Code, u.FullName, u.Path, Core.Units.UnitPath.Depth(u.Path) - baseDepth, parents.Contains(u.Id)))];
    }

    /// <summary>Each unit's last run before <paramref name="before"/> (and from <paramref name="from"/> when given), and the run before that.</summary>
    public static async Task<IReadOnlyList<UnitStanding>> StandingsAsync(GongkaiDb db, IReadOnlyList<ScorecardUnit> units, DateTime? from, DateTime? before, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToList();
        var runs = db.SiteCheckRuns.AsNoTracking().Where(r => ids.Contains(r.UnitId));
        if (before is { } b)
            runs = runs.Where(r => r.At < b);
        var lastAt = runs.GroupBy(r => r.UnitId).Select(g => new { UnitId = g.Key, At = g.Max(r => r.At) });
        var latest = await runs.Join(lastAt, r => new { r.UnitId, r.At }, l => new { l.UnitId, l.At }, (r, _) => r).ToListAsync(ct);
        var previousAt = runs.Where(r => lastAt.Any(l => l.UnitId == r.UnitId && r.At < l.At))
            .GroupBy(r => r.UnitId).Select(g => new { UnitId = g.Key, At = g.Max(r => r.At) });
        var previous = await runs.Join(previousAt, r => new { r.UnitId, r.At }, l => new { l.UnitId, l.At }, (r, _) => r).ToListAsync(ct);
        return [.. units.Select(u =>
        {
            var last = latest.Where(r => r.UnitId == u.Id).OrderByDescending(r => r.Id).FirstOrDefault();
            if (last is not null && from is { } f && last.At < f)
                last = null;
            var prior = last is null ? null : previous.Where(r => r.UnitId == u.Id).OrderByDescending(r => r.Id).FirstOrDefault();
            return new UnitStanding(u, last is null ? null : RunSummary.Of(last), prior is null ? null : RunSummary.Of(prior));
        })];
    }
}
