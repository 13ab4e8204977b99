using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// The checks over Gongkai's own records for one unit, each finding with its evidence and where to fix it:
/// 解读 (解读三同步: a policy that must be interpreted published in the last 12 months with neither a published 解读 nor
/// a recorded reason; a published 解读 whose policy is missing or not published), the 指南 (第五十三条: incomplete, or
/// neither changed nor confirmed for <c>SiteCheck:GuideMaxAgeDays</c>) and the catalog (第二十六条: a proactive item past its
/// 20 working days and still unpublished).
/// </summary>
public sealed class CheckRecords(GongkaiDb db, OfficialCalendar calendar, SiteCheckSettings settings)
{
    /// <summary>Ours: how far back policies are checked for their 解读 (older ones predate the unit's use of Gongkai, most likely).</summary>
    public const int InterpretationLookbackMonths = 12;

    public async Task<IReadOnlyList<Finding>> HandleAsync(Unit unit, DateOnly today, CancellationToken ct = default)
    {
        var findings = new List<Finding>();
        findings.AddRange(await InterpretationsAsync(unit, today, ct));
        findings.AddRange(Guide(unit, today));
        findings.AddRange(await OverdueAsync(unit, today, ct));
        return findings;
    }

    private async Task<IEnumerable<Finding>> InterpretationsAsync(Unit unit, DateOnly today, CancellationToken ct)
    {
        var since = today.AddMonths(-InterpretationLookbackMonths);
        var published = db.CatalogItems.AsNoTracking().Where(i => i.State == CatalogState.Published);
        var missing = await published
            .Where(i => i.UnitId == unit.Id && i.PublishedOn >= since && i.InterpretationWaiver == "").Where(Catalog.CatalogItem.MustBeInterpreted)
            .Where(i => !db.CatalogItems.Any(x => x.InterpretsId == i.Id && x.Genre == Genre.Interpretation && x.State == CatalogState.Published))
            .OrderBy(i => i.PublishedOn).Select(i => new { i.Id, i.Title, i.IndexNumber, i.Genre, i.PublishedOn }).ToListAsync(ct);
        var unlinked = await published
            .Where(i => i.UnitId == unit.Id && i.Genre == Genre.Interpretation && (i.InterpretsId == null || i.Interprets!.State != CatalogState.Published))
            .OrderBy(i => i.PublishedOn).Select(i => new { i.Id, i.Title, i.PublishedOn, Policy = i.Interprets == null ? null : i.Interprets.Title }).ToListAsync(ct);
        return missing.Select(p => new Finding(FindingRules.InterpretationMissing, "政策未解读",
                $"{p.Genre.ChineseName()}《{p.Title}》（{p.IndexNumber}）{p.PublishedOn:yyyy-MM-dd} 发布，既无已发布的解读，也未说明不解读的理由（解读三同步）",
                Item(p.Id, p.Title), 2, $"{FindingRules.InterpretationMissing}:{p.Id}"))
            .Concat(unlinked.Select(i => new Finding(FindingRules.InterpretationUnlinked, "解读未关联已发布的政策",
                i.Policy is null ? $"解读《{i.Title}》没有关联所解读的政策文件" : $"解读《{i.Title}》所解读的《{i.Policy}》未发布，两者无法互相链接",
                Item(i.Id, i.Title), 2, $"{FindingRules.InterpretationUnlinked}:{i.Id}")));
    }

    private IEnumerable<Finding> Guide(Unit unit, DateOnly today)
    {
        var target = new FindingTarget("unit", unit.Id.ToString(), $"{unit.FullName}政府信息公开指南", $"/office/units/edit/{unit.Id}");
        var missing = new (string Name, string Value)[]
        {
            ("政府信息公开工作机构名称", unit.OfficeName), ("办公地址", unit.OfficeAddress), ("办公时间", unit.OfficeHours),
            ("联系电话", unit.Phone), ("邮政编码", unit.PostalCode),
        }.Where(f => string.IsNullOrWhiteSpace(f.Value)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
            yield return new Finding(FindingRules.GuideIncomplete, "政府信息公开指南内容不全", $"指南缺少：{string.Join("、", missing)}", target, 2, $"{FindingRules.GuideIncomplete}:{unit.Id}");
        var last = new[] { unit.DetailsChangedAt, unit.GuideReviewedAt }.Max();
        var lastDay = last?.ChinaDate();
        if (lastDay is null || lastDay < today.AddDays(-settings.GuideMaxAgeDays))
            yield return new Finding(FindingRules.GuideStale, "政府信息公开指南未及时更新",
                lastDay is { } d ? $"指南最近更新或确认于 {d:yyyy-MM-dd}，已超过 {settings.GuideMaxAgeDays} 天（第五十三条）" : $"指南从未更新或确认（第五十三条；每 {settings.GuideMaxAgeDays} 天应至少确认一次）",
                target, 2, $"{FindingRules.GuideStale}:{unit.Id}");
    }

    private async Task<IEnumerable<Finding>> OverdueAsync(Unit unit, DateOnly today, CancellationToken ct)
    {
        var work = await calendar.GetAsync(db, ct);
        // Formed more than 20 working days ago means formed at least 28 calendar days ago: narrow in the database, decide exactly here.
        var candidates = await db.CatalogItems.AsNoTracking()
            .Where(i => i.UnitId == unit.Id && (i.State == CatalogState.Draft || i.State == CatalogState.Submitted)
                && i.Attribute == DisclosureAttribute.Proactive && i.FormedOn < today.AddDays(-PublicationDeadline.WorkingDays))
            .OrderBy(i => i.FormedOn).Select(i => new { i.Id, i.Title, i.FormedOn, i.State }).ToListAsync(ct);
        return candidates.Where(i => PublicationDeadline.LatestOn(work, i.FormedOn) < today)
            .Select(i => new Finding(FindingRules.CatalogOverdue, "主动公开信息超期未公开",
                $"《{i.Title}》{i.FormedOn:yyyy-MM-dd} 形成，应于 {PublicationDeadline.LatestOn(work, i.FormedOn):yyyy-MM-dd} 前公开（第二十六条），仍为{i.State.ChineseName()}",
                Item(i.Id, i.Title), 2, $"{FindingRules.CatalogOverdue}:{i.Id}"));
    }

    public static FindingTarget Item(Guid id, string title) => new("item", id.ToString(), $"《{title}》", $"/office/catalog/{id}");
}
