namespace Gongkai.Core.Reports;

/// <summary>
/// The checks of tables 三 and 四 of the 2019 and 2021 forms (domain §5). Table 三's header states the first:
/// 「第一项加第二项之和，等于第三项加第四项之和」.
/// </summary>
public static class NationalFormRules
{
    private static readonly ReportForm[] National = [ReportForm.Form2021, ReportForm.Form2019];

    /// <summary>（六）其他处理 is for 「极少数特殊情况」: above this share of （七）总计 it is flagged for review.</summary>
    public const decimal OtherShareLimit = 0.10m;

    /// <summary>…but not in a table too small for a share to mean anything.</summary>
    public const decimal OtherShareMinimumTotal = 10;

    public static IReadOnlyList<ReportRule> All { get; } =
    [
        new("t3.balance", "表三每一列：一、本年新收 + 二、上年结转 = 三、（七）总计 + 四、结转下年度继续办理", National, Balance),
        new("t3.outcomes_total", "表三每一列：（七）总计 = （一）+（二）+（三）各项 +（四）各项 +（五）各项 +（六）各项", National, OutcomesTotal),
        new("t3.row_total", "表三每一行：总计 = 自然人 + 法人或其他组织五列", National, RowTotal),
        new("t4.group_total", "表四每一组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结", National, GroupTotal),
        new("t3.carry_over", "本年表三「二、上年结转」= 上年表三「四、结转下年度继续办理」", National, CarryOver),
        new("t3.other_share", "「（六）其他处理」只适用于极少数特殊情况，占比过高需复核", National, OtherShare),
    ];

    private static IEnumerable<Finding> Balance(ReportCheckInput input)
    {
        var figures = input.Figures;
        foreach (var column in ReportKeys.Table3Columns)
        {
            string[] left = [Key(ReportKeys.Received, column), Key(ReportKeys.CarriedOver, column)];
            string[] right = [Key(ReportKeys.OutcomesTotal, column), Key(ReportKeys.CarriedForward, column)];
            if (figures.SumOfAll(left) is not { } l || figures.SumOfAll(right) is not { } r)
                continue;
            if (Reconcile.Judge(Math.Abs(l.Value - r.Value), l, r) is not { } severity)
                continue;
            var message = $"表三「{ColumnLabel(column)}」列：「一、本年新收」{figures[left[0]]} +「二、上年结转」{figures[left[1]]} = {l}，" +
                $"而「（七）总计」{figures[right[0]]} +「四、结转下年度继续办理」{figures[right[1]]} = {r}，" +
                $"相差{Reconcile.Number(Math.Abs(l.Value - r.Value))}；第一项加第二项之和应等于第三项加第四项之和。";
            yield return Reconcile.Found("t3.balance", severity, message, figures, [.. left, .. right]);
        }
    }

    private static IEnumerable<Finding> OutcomesTotal(ReportCheckInput input)
    {
        var rows = Table3Layout.OutcomeRows(input.Layout.Table(ReportKeys.Table3)).Select(r => r.Key).ToList();
        return ReportKeys.Table3Columns
            .Select(c => Reconcile.Sum("t3.outcomes_total", input, Key(ReportKeys.OutcomesTotal, c), [.. rows.Select(r => Key(r, c))], "（一）至（六）各项"))
            .OfType<Finding>();
    }

    private static IEnumerable<Finding> RowTotal(ReportCheckInput input) =>
        input.Layout.Table(ReportKeys.Table3).AllRows.Where(r => r.HasCells)
            .Select(r => Reconcile.Sum("t3.row_total", input, Key(r.Key, ReportKeys.Total),
                [.. ReportKeys.ApplicantColumns.Select(c => Key(r.Key, c))], "自然人与法人或其他组织五列"))
            .OfType<Finding>();

    private static IEnumerable<Finding> GroupTotal(ReportCheckInput input) =>
        ReportKeys.Table4Groups
            .Select(g => Reconcile.Sum("t4.group_total", input, ReportKeys.Table4Cell(g, "total"),
                [.. ReportKeys.Table4Outcomes.SkipLast(1).Select(o => ReportKeys.Table4Cell(g, o))], "结果维持、结果纠正、其他结果、尚未审结"))
            .OfType<Finding>();

    private static IEnumerable<Finding> CarryOver(ReportCheckInput input)
    {
        if (input.LastYear is not { } lastYear)
            yield break;
        foreach (var column in ReportKeys.Table3Columns)
        {
            var thisKey = Key(ReportKeys.CarriedOver, column);
            var lastKey = Key(ReportKeys.CarriedForward, column);
            if (input.Figures[thisKey] is not { } now || lastYear[lastKey] is not { } before)
                continue;
            if (Reconcile.Judge(Math.Abs(now.Value - before.Value), now, before) is not { } severity)
                continue;
            var message = $"{input.Describe(thisKey)}为{now}，而上年报告{input.Describe(lastKey)}为{before}，两者应相等。";
            var finding = Reconcile.Found("t3.carry_over", severity, message, input.Figures, [thisKey]);
            yield return finding with { Evidence = [.. finding.Evidence, new Evidence(lastKey, before, LastYear: true)] };
        }
    }

    private static IEnumerable<Finding> OtherShare(ReportCheckInput input)
    {
        var figures = input.Figures;
        var totalKey = Key(ReportKeys.OutcomesTotal, ReportKeys.Total);
        var otherRows = input.Layout.Table(ReportKeys.Table3).Row("outcomes.other").SelfAndDescendants().Where(r => r.HasCells);
        var otherKeys = otherRows.Select(r => Key(r.Key, ReportKeys.Total)).ToList();
        if (figures[totalKey] is not { } total || total.Value < OtherShareMinimumTotal || figures.SumOfAll(otherKeys) is not { } other)
            yield break;
        var share = other.Value / total.Value;
        if (share <= OtherShareLimit)
            yield break;
        var message = $"「（六）其他处理」共{other}件，占{input.Describe(totalKey)}{total}件的{Percent(share)}；" +
            $"其他处理只适用于极少数特殊情况，超过{Percent(OtherShareLimit)}请复核是否应归入（一）至（五）。";
        yield return Reconcile.Found("t3.other_share", Severity.Warning, message, figures, [.. otherKeys, totalKey]);
    }

    private static string Key(string row, string column) => ReportKeys.Table3Cell(row, column);

    private static string Percent(decimal share) => Reconcile.Number(Math.Round(share * 100, 1)) + "%";

    /// <summary>「自然人」, 「法人或其他组织 商业企业」, 「总计」.</summary>
    private static string ColumnLabel(string column) =>
        Table3Layout.Columns.SelectMany(c => c.Leaves().Select(leaf => (leaf, label: c.IsLeaf ? c.Label : $"{c.Label} {leaf.Label}")))
            .Single(x => x.leaf.Key == column).label;
}
