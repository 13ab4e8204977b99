namespace Gongkai.Core.Reports;

/// <summary>
/// The checks of the legacy 统计表 (domain §5): parts sum to totals — 收到申请数 by channel, 申请答复数 by answer,
/// 办结 = 按时 + 延期, 行政复议 and 行政诉讼 = 维持 + 纠错 + 其他, 工作人员 = 专职 + 兼职 — and 「其中」 rows within their
/// totals. Proactive items are the exception: 「不同渠道和方式公开相同的信息列为1条」, so the total may be less than the
/// sum over channels but never more, and no channel exceeds the total.
/// </summary>
public static class LegacyRules
{
    private static readonly ReportForm[] Legacy = [ReportForm.Legacy];

    private static readonly string[] Answers =
        ["already_public", "agreed", "partially_agreed", "refused", "not_this_agency", "not_exist", "correction", "other_channel"];

    private static readonly string[] Outcomes = ["upheld", "corrected", "other"];

    private static readonly string[] Channels = ["gazette", "website", "weibo", "wechat", "other"];

    private static readonly string[] Reasons =
        ["state_secret", "trade_secret", "privacy", "security_stability", "not_government_information", "other_legal"];

    public static IReadOnlyList<ReportRule> All { get; } =
    [
        new("legacy.proactive.channels", "主动公开政府信息数 ≤ 各渠道公开数之和，且不少于任一渠道（相同信息多渠道公开计1条）", Legacy, ProactiveChannels),
        new("legacy.of_which", "「其中」项不超过其所属总数", Legacy, OfWhich),
        new("legacy.applications.received", "收到申请数 = 当面 + 传真 + 网络 + 信函", Legacy,
            i => Sum(i, "legacy.applications.received", "applications.received", ["in_person", "fax", "online", "letter"], "当面、传真、网络、信函申请数")),
        new("legacy.applications.closed", "申请办结数 = 按时办结数 + 延期办结数", Legacy,
            i => Sum(i, "legacy.applications.closed", "applications.closed", ["on_time", "extended"], "按时办结数与延期办结数")),
        new("legacy.applications.answers", "申请答复数 = 1–8 各项答复数之和", Legacy,
            i => Sum(i, "legacy.applications.answers", "applications.answers", Answers, "1至8各项答复数")),
        new("legacy.applications.refused", "不同意公开答复数 = 其中各情形之和（一件答复可涉及多种情形，故只作提示）", Legacy, RefusedReasons),
        new("legacy.reconsideration", "行政复议数量 = 维持 + 纠错 + 其他情形", Legacy,
            i => Sum(i, "legacy.reconsideration", "reconsideration", Outcomes, "维持、纠错、其他情形数")),
        new("legacy.litigation", "行政诉讼数量 = 维持 + 纠错 + 其他情形", Legacy,
            i => Sum(i, "legacy.litigation", "litigation", Outcomes, "维持、纠错、其他情形数")),
        new("legacy.staff", "工作人员数 = 专职人员数 + 兼职人员数", Legacy,
            i => Sum(i, "legacy.staff", "capacity.staff", ["full_time", "part_time"], "专职与兼职人员数")),
    ];

    private static IEnumerable<Finding> ProactiveChannels(ReportCheckInput input)
    {
        const string rule = "legacy.proactive.channels";
        var total = Key("proactive.total");
        var channels = Channels.Select(c => Key($"proactive.by_channel.{c}")).ToList();
        return channels.Select(c => Reconcile.NotAbove(rule, input, c, total))
            .Append(Reconcile.AtMostSum(rule, input, total, channels, "各渠道公开数",
                "同一信息多渠道公开只计1条，总数可以小于各渠道之和，但不能大于。"))
            .OfType<Finding>();
    }

    private static IEnumerable<Finding> OfWhich(ReportCheckInput input)
    {
        (string Part, string Whole)[] pairs =
        [
            ("proactive.normative_documents", "proactive.total"),
            ("response.by_channel.press_conferences.by_leaders", "response.by_channel.press_conferences"),
            ("response.by_channel.interviews.by_leaders", "response.by_channel.interviews"),
        ];
        return pairs.Select(p => Reconcile.NotAbove("legacy.of_which", input, Key(p.Part), Key(p.Whole))).OfType<Finding>();
    }

    private static IEnumerable<Finding> RefusedReasons(ReportCheckInput input)
    {
        const string rule = "legacy.applications.refused";
        var refused = Key("applications.answers.refused");
        var reasons = Reasons.Select(r => Key($"applications.answers.refused.{r}")).ToList();
        var sum = Reconcile.Sum(rule, input, refused, reasons, "其中各情形");
        var findings = reasons.Select(r => Reconcile.NotAbove(rule, input, r, refused)).ToList();
        if (sum is not null && findings.All(f => f is null))
            findings.Add(sum with { Severity = Severity.Warning, Message = sum.Message + "（一件答复可能涉及多种情形，仅作提示）" });
        return findings.OfType<Finding>();
    }

    private static IEnumerable<Finding> Sum(ReportCheckInput input, string rule, string total, IEnumerable<string> parts, string partsName)
    {
        var finding = Reconcile.Sum(rule, input, Key(total), [.. parts.Select(p => Key($"{total}.{p}"))], partsName);
        return finding is null ? [] : [finding];
    }

    private static string Key(string row) => ReportKeys.LegacyCell(row);
}
