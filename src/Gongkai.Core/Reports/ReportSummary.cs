namespace Gongkai.Core.Reports;

/// <summary>
/// The summary keys (issue 6: <c>applications.received</c>, <c>reconsideration.total</c> …), each the sum of the cells
/// behind it in a given form. They let reports of different forms, and prose statements, be compared: a figure stored
/// under a summary key is what the report's text states; the one derived here is what its tables say.
/// </summary>
public static class ReportSummary
{
    private static readonly string[] LegalColumns = [.. ReportKeys.ApplicantColumns.Skip(1)];

    /// <summary>Each summary key of <paramref name="form"/> and the cells it sums, in a stable order.</summary>
    public static IReadOnlyList<(string Key, IReadOnlyList<string> Cells)> Sources(ReportForm form) =>
        form.IsNational() ? (form == ReportForm.Form2021 ? National2021 : National2019) : Legacy;

    /// <summary>The summary figures the cells give: a key is present when every cell behind it is stated.</summary>
    public static ReportFigures From(ReportForm form, ReportFigures figures) =>
        ReportFigures.From(Sources(form)
            .Select(s => (s.Key, Sum: figures.SumOfAll(s.Cells)))
            .Where(s => s.Sum is not null)
            .Select(s => KeyValuePair.Create(s.Key, s.Sum!.Value)));

    /// <summary>What a message calls a summary key: 「收到申请数」 ….</summary>
    public static string ChineseName(string key) => Names.GetValueOrDefault(key, key);

    private static readonly IReadOnlyList<(string, IReadOnlyList<string>)> National2021 = National(ReportLayouts.Form2021);

    private static readonly IReadOnlyList<(string, IReadOnlyList<string>)> National2019 = National(ReportLayouts.Form2019);

    private static List<(string, IReadOnlyList<string>)> National(ReportLayout layout)
    {
        var table3 = layout.Table(ReportKeys.Table3);
        string T3(string row, string column = ReportKeys.Total) => ReportKeys.Table3Cell(row, column);
        IReadOnlyList<string> Outcome(string row) =>
            [.. table3.Row($"outcomes.{row}").SelfAndDescendants().Where(r => r.HasCells).Select(r => T3(r.Key))];
        List<(string, IReadOnlyList<string>)> sources =
        [
            ("applications.received", [T3(ReportKeys.Received)]),
            ("applications.carried_over", [T3(ReportKeys.CarriedOver)]),
            ("applications.carried_forward", [T3(ReportKeys.CarriedForward)]),
            ("applications.by_applicant.natural_person", [T3(ReportKeys.Received, "natural_person")]),
            ("applications.by_applicant.legal_total", [.. LegalColumns.Select(c => T3(ReportKeys.Received, c))]),
        ];
        string[] categories = ["disclosed", "partially_disclosed", "withheld", "cannot_provide", "not_processed", "other"];
        sources.AddRange(categories.Select(c => ($"applications.outcomes.{c}", Outcome(c))));
        sources.Add(("applications.outcomes.total", [T3(ReportKeys.OutcomesTotal)]));
        foreach (var outcome in ReportKeys.Table4Outcomes)
            sources.Add(($"reconsideration.{outcome}", [ReportKeys.Table4Cell("reconsideration", outcome)]));
        foreach (var outcome in ReportKeys.Table4Outcomes)
            sources.Add(($"litigation.{outcome}", [ReportKeys.Table4Cell("litigation.direct", outcome), ReportKeys.Table4Cell("litigation.after_reconsideration", outcome)]));
        return sources;
    }

    private static readonly IReadOnlyList<(string, IReadOnlyList<string>)> Legacy =
    [
        .. Direct("proactive.total", "proactive.total"),
        .. new[] { "gazette", "website", "weibo", "wechat", "other" }.SelectMany(c => Direct($"proactive.by_channel.{c}", $"proactive.by_channel.{c}")),
        .. Direct("applications.received", "applications.received"),
        .. new[] { "in_person", "online", "letter", "fax" }.SelectMany(c => Direct($"applications.by_channel.{c}", $"applications.received.{c}")),
        .. Direct("applications.closed", "applications.closed"),
        .. Direct("applications.answers.total", "applications.answers"),
        .. new[] { "already_public", "agreed", "partially_agreed", "refused", "not_this_agency", "not_exist", "correction", "other_channel" }
            .SelectMany(a => Direct($"applications.answers.{a}", $"applications.answers.{a}")),
        .. Direct("reconsideration.total", "reconsideration"),
        .. new[] { "upheld", "corrected", "other" }.SelectMany(o => Direct($"reconsideration.{o}", $"reconsideration.{o}")),
        .. Direct("litigation.total", "litigation"),
        .. new[] { "upheld", "corrected", "other" }.SelectMany(o => Direct($"litigation.{o}", $"litigation.{o}")),
        .. Direct("complaints", "complaints"),
        .. Direct("fees", "fees"),
    ];

    private static (string, IReadOnlyList<string>)[] Direct(string key, string legacyRow) => [(key, [ReportKeys.LegacyCell(legacyRow)])];

    private static readonly Dictionary<string, string> Names = new()
    {
        ["proactive.total"] = "主动公开政府信息数",
        ["applications.received"] = "收到（本年新收）申请数",
        ["applications.carried_over"] = "上年结转申请数",
        ["applications.carried_forward"] = "结转下年度继续办理申请数",
        ["applications.by_applicant.natural_person"] = "自然人申请数",
        ["applications.by_applicant.legal_total"] = "法人或其他组织申请数",
        ["applications.outcomes.disclosed"] = "予以公开数",
        ["applications.outcomes.partially_disclosed"] = "部分公开数",
        ["applications.outcomes.withheld"] = "不予公开数",
        ["applications.outcomes.cannot_provide"] = "无法提供数",
        ["applications.outcomes.not_processed"] = "不予处理数",
        ["applications.outcomes.other"] = "其他处理数",
        ["applications.outcomes.total"] = "办理结果总计",
        ["applications.closed"] = "申请办结数",
        ["applications.answers.total"] = "申请答复数",
        ["reconsideration.total"] = "行政复议数量",
        ["litigation.total"] = "行政诉讼数量",
        ["complaints"] = "举报投诉数量",
        ["fees"] = "收取的费用（万元）",
    };
}
