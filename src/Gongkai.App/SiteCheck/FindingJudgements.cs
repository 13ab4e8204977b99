using Gongkai.App.Data;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// The judgements people recorded (<see cref="SiteFindingDecision"/>) on findings that need one, for a unit: those recorded
/// on it or on any unit above it, by key. A finding judged 不是错误 is not raised again; one confirmed stays, no longer
/// waiting for a judgement, until the problem is gone.
/// </summary>
public sealed class FindingJudgements(IReadOnlyDictionary<string, FindingDecision> judged)
{
    public static async Task<FindingJudgements> LoadAsync(GongkaiDb db, string unitPath, string keyPrefix, CancellationToken ct = default)
    {
        var above = Core.Units.UnitPath.Ids(unitPath);
        var decisions = await db.SiteFindingDecisions.AsNoTracking().Where(d => above.Contains(d.UnitId) && d.Key.StartsWith(keyPrefix))
            .Select(d => new { d.Key, d.Decision }).ToListAsync(ct);
        return new(decisions.GroupBy(d => d.Key).ToDictionary(g => g.Key,
            g => g.Any(d => d.Decision == FindingDecision.Confirmed) ? FindingDecision.Confirmed : FindingDecision.Dismissed));
    }

    public FindingDecision? Of(string key) => judged.TryGetValue(key, out var d) ? d : null;
}
