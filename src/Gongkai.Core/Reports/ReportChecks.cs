namespace Gongkai.Core.Reports;

/// <summary>
/// Every data-logic check (勾稽关系, domain §5), run on every compile (issue 5) and every audit (issue 6). Blanks are
/// allowed: a rule whose figures are not all stated says nothing unless the stated ones already disagree
/// (<see cref="Reconcile"/>).
/// </summary>
public static class ReportChecks
{
    public static IReadOnlyList<ReportRule> Rules { get; } =
    [
        .. NationalFormRules.All,
        .. LegacyRules.All,
        new("cells.non_negative", "表格中的数量和金额不能为负数（2019年版「本年增/减」除外）", [ReportForm.Form2021, ReportForm.Form2019, ReportForm.Legacy], NonNegative),
        new("narrative.matches_table", "正文所述数字应与表格一致", [ReportForm.Form2021, ReportForm.Form2019, ReportForm.Legacy], NarrativeMatchesTable),
    ];

    public static ReportRule Rule(string id) => Rules.Single(r => r.Id == id);

    /// <summary>All findings for one report, in rule order.</summary>
    public static IReadOnlyList<Finding> Run(ReportForm form, ReportFigures figures, ReportFigures? lastYear = null) =>
        Run(new ReportCheckInput(ReportLayouts.For(form), figures, lastYear));

    public static IReadOnlyList<Finding> Run(ReportCheckInput input) => [.. Rules.SelectMany(r => r.Run(input))];

    private static IEnumerable<Finding> NonNegative(ReportCheckInput input) =>
        from figure in input.Figures.Values
        where figure.Value.Value < 0 && input.Layout.Cell(figure.Key) is not null && !Table2Layout.IsSigned(figure.Key)
        orderby figure.Key
        select Reconcile.Found("cells.non_negative", Severity.Error,
            $"{input.Describe(figure.Key)}为{figure.Value}，数量和金额不能为负数。", input.Figures, [figure.Key]);

    /// <summary>A figure the text states under a summary key (「共收到申请…件」) against the same figure from the tables.</summary>
    private static IEnumerable<Finding> NarrativeMatchesTable(ReportCheckInput input)
    {
        foreach (var (key, cells) in ReportSummary.Sources(input.Form))
        {
            if (input.Figures[key] is not { } stated || input.Figures.SumOfAll(cells) is not { } table)
                continue;
            var gap = Math.Abs(stated.Value - table.Value);
            if (Reconcile.Judge(gap, stated, table) is not { } severity)
                continue;
            var where = cells.Count == 1 ? input.Describe(cells[0]) : $"表格中{cells.Count}个单元格之和";
            var message = $"正文所述{ReportSummary.ChineseName(key)}为{stated}，而{where}为{table}，相差{Reconcile.Number(gap)}，两者应一致。";
            yield return Reconcile.Found("narrative.matches_table", severity, message, input.Figures, [key, .. cells]);
        }
    }
}
