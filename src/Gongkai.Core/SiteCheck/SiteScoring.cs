namespace Gongkai.Core.SiteCheck;

/// <summary>What the bonuses are counted from: this year's records, each as a label for the evidence.</summary>
/// <param name="InterpretationForms">The forms other than 文字 (图解、音视频、发布会、访谈) this year's published 解读 took.</param>
/// <param name="Interviews">在线访谈 held this year.</param>
/// <param name="SolicitationsWithFeedback">意见征集 whose 采纳情况 feedback was published this year.</param>
/// <param name="ResponsesWithinTarget">回应关切 this year answered within their channel's target.</param>
public sealed record BonusFacts(
    IReadOnlyList<string> InterpretationForms, IReadOnlyList<string> Interviews, IReadOnlyList<string> SolicitationsWithFeedback, IReadOnlyList<string> ResponsesWithinTarget)
{
    public static readonly BonusFacts None = new([], [], [], []);
}

/// <summary>
/// The scored part of the check: deductions out of 100 (each line with its cap) and bonuses (at most 30 in all,
/// <see cref="Scorecard.MaxBonus"/>). The indicator (国办秘函〔2019〕19号) leaves the weights to each checker; where a
/// published self-check gives one (https://cpxtsg.com/gkml/wzcc/202102/t20210226_31892) we use it and say so, and the rest
/// are ours and say so too. Every line is always listed, with 0 when nothing was found, so the table has the same rows
/// from run to run.
/// </summary>
public static class SiteScoring
{
    /// <summary>A deduction rule: the findings it counts, the points each, the cap.</summary>
    public sealed record Weight(string Code, string Name, int Each, int Max, params string[] Rules);

    public static readonly IReadOnlyList<Weight> DeductionWeights =
    [
        // Ours: a column of any class past its period (the veto counts them; below the veto line each still costs).
        new("deduct.column-stale", "栏目更新不及时", 2, 20, FindingRules.ColumnStale, FindingRules.ColumnLongStale),
        // The published self-check: 「政策文件类一级栏目6个月未更新」 −5.
        new("deduct.policy-column-stale", "通知公告、政策文件类一级栏目 6 个月未更新", 5, 15, FindingRules.ColumnPolicyStale),
        // Ours: each dead link in published items.
        new("deduct.dead-links", "链接不可用", 1, 10, FindingRules.DeadLink),
        // Ours: policies that must be interpreted (解读三同步) published with neither a 解读 nor a recorded reason.
        new("deduct.interpretation-missing", "政策文件未解读", 2, 10, FindingRules.InterpretationMissing),
        // Ours: a 解读 whose policy is not published (so the two are not linked both ways on the site).
        new("deduct.interpretation-unlinked", "解读与政策未关联", 1, 5, FindingRules.InterpretationUnlinked),
        // The published self-check: 「留言答复栏目2个月未更新」 −3.
        new("deduct.no-recent-answer", "2 个月无公开的留言答复", 3, 3, FindingRules.NoRecentAnswer),
        // Ours: 第五十三条, a guide not updated in time.
        new("deduct.guide-stale", "政府信息公开指南未及时更新", 3, 3, FindingRules.GuideStale),
        // Ours: the guide lacks what 第十二条 requires it to give (office, address, hours, phone, postal code).
        new("deduct.guide-incomplete", "政府信息公开指南内容不全", 2, 2, FindingRules.GuideIncomplete),
        // Ours: 第二十六条, proactive items past their 20 working days and still unpublished.
        new("deduct.catalog-overdue", "主动公开信息超期未公开", 1, 10, FindingRules.CatalogOverdue),
    ];

    /// <summary>Ours: probes failing under the veto line cost 1 point per started percent (2.1% → 3), at most 5.</summary>
    public const string ReachabilityCode = "deduct.reachability";
    public const int ReachabilityMax = 5;

    public static IReadOnlyList<ScoreLine> Deductions(IEnumerable<Finding> findings, IEnumerable<ReachabilityResult> reachability)
    {
        var all = findings.ToList();
        var lines = DeductionWeights.Select(w =>
        {
            var counted = all.Where(f => w.Rules.Contains(f.Rule)).ToList();
            return new ScoreLine(w.Code, $"{w.Name}（每项扣 {w.Each} 分，最多 {w.Max} 分）", w.Max, counted.Count * w.Each,
                [.. counted.Select(f => $"{f.Target.Label}：{f.Title}")]);
        }).ToList();
        var measured = reachability.Where(r => r.Veto.Passed && !r.Insufficient && r.Failures > 0).ToList();
        var worst = measured.OrderByDescending(r => r.Share).FirstOrDefault();
        lines.Add(new ScoreLine(ReachabilityCode, $"站点访问失败（未达否决线，每开始 1 个百分点扣 1 分，最多 {ReachabilityMax} 分）", ReachabilityMax,
            worst is null ? 0 : (int)Math.Ceiling(worst.Share * 100),
            [.. measured.Select(r => $"「{r.Site}」一周失败 {r.Failures}/{r.Probes} 次（{Reachability.Percent(r.Share)}）")]));
        return lines;
    }

    /// <summary>Ours, each capped: 2 per form of 解读 beyond text (8), 2 per interview (6), 2 per solicitation with published feedback (6), 1 per response within target (6).</summary>
    public static IReadOnlyList<ScoreLine> Bonuses(BonusFacts facts) =>
    [
        new("bonus.interpretation-forms", "多种形式解读（图解、音视频、发布会、访谈，每种加 2 分，最多 8 分）", 8, 2 * facts.InterpretationForms.Count, facts.InterpretationForms),
        new("bonus.interviews", "开展在线访谈（每次加 2 分，最多 6 分）", 6, 2 * facts.Interviews.Count, facts.Interviews),
        new("bonus.solicitation-feedback", "意见征集公开采纳情况（每次加 2 分，最多 6 分）", 6, 2 * facts.SolicitationsWithFeedback.Count, facts.SolicitationsWithFeedback),
        new("bonus.responses", "按时回应社会关切（每次加 1 分，最多 6 分）", 6, facts.ResponsesWithinTarget.Count, facts.ResponsesWithinTarget),
    ];
}
