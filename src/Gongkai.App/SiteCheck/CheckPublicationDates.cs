using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// 严重错误, 「伪造发稿日期」: the unit's published items whose 发布日期 cannot be true (<see cref="PublicationDates"/>). Each is
/// a finding for a person to judge, keyed by the item and both dates — so a corrected date ends it and a judgement holds
/// only for the dates judged.
/// </summary>
public sealed class CheckPublicationDates(GongkaiDb db)
{
    public async Task<IReadOnlyList<Finding>> HandleAsync(Unit unit, DateOnly today, CancellationToken ct = default)
    {
        var items = await db.CatalogItems.AsNoTracking()
            .Where(i => i.UnitId == unit.Id && i.State == CatalogState.Published && (i.PublishedOn > today || i.PublishedOn < i.FormedOn))
            .OrderBy(i => i.PublishedOn).Select(i => new { i.Id, i.Title, i.FormedOn, PublishedOn = i.PublishedOn!.Value }).ToListAsync(ct);
        if (items.Count == 0)
            return [];
        var judged = await FindingJudgements.LoadAsync(db, unit.Path, FindingRules.FalseDate + ":", ct);
        var findings = new List<Finding>();
        foreach (var i in items)
        {
            var why = PublicationDates.Implausible(i.FormedOn, i.PublishedOn, today)!;
            var key = $"{FindingRules.FalseDate}:{i.Id}:{i.FormedOn:yyyyMMdd}:{i.PublishedOn:yyyyMMdd}";
            var decision = judged.Of(key);
            if (decision == FindingDecision.Dismissed)
                continue;
            findings.Add(new Finding(FindingRules.FalseDate, decision == FindingDecision.Confirmed ? "已确认的错误发布日期（待改正）" : "发布日期不可能成立（待判定）",
                $"{why}（伪造或错填发布日期属严重错误）", CheckRecords.Item(i.Id, i.Title), 0, key, NeedsJudgement: decision is null));
        }
        return findings;
    }
}
