namespace Gongkai.Core.Reports;

/// <summary>
/// Table 二 主动公开政府信息情况: the items of 条例第二十条 the form asks for, one part per item, each with 信息内容 in the
/// corner. The 2021 form (国办公开办函〔2021〕30号) and the 2019 form (〔2019〕60号) ask different questions, so their
/// columns have different keys; rows that mean the same (规章, 行政许可 …) keep one key.
/// </summary>
public static class Table2Layout
{
    private const string Section = "二、主动公开政府信息情况";
    private const string Corner = "信息内容";

    public static IReadOnlyList<ReportTable> For(ReportForm form) => form switch
    {
        ReportForm.Form2021 => Form2021,
        ReportForm.Form2019 => Form2019,
        _ => throw new ArgumentException("统计表没有表二", nameof(form)),
    };

    private static readonly IReadOnlyList<ReportTable> Form2021 =
    [
        Part("item1", "第二十条第（一）项",
            [new("issued", "本年制发件数"), new("revoked", "本年废止件数"), new("in_force", "现行有效件数")],
            ReportRow.Cells("rules", "规章"), ReportRow.Cells("normative_documents", "行政规范性文件")),
        Part("item5", "第二十条第（五）项",
            [new("decisions", "本年处理决定数量")],
            ReportRow.Cells("licensing", "行政许可")),
        Part("item6", "第二十条第（六）项",
            [new("decisions", "本年处理决定数量")],
            ReportRow.Cells("penalties", "行政处罚"), ReportRow.Cells("coercion", "行政强制")),
        Part("item8", "第二十条第（八）项",
            [new("amount", "本年收费金额（单位：万元）")],
            ReportRow.Cells("fees", "行政事业性收费")),
    ];

    private static readonly ReportColumn[] ItemCounts =
        [new("last_year_items", "上一年项目数量"), new("change", "本年增/减"), new("decisions", "处理决定数量")];

    private static readonly IReadOnlyList<ReportTable> Form2019 =
    [
        Part("item1", "第二十条第（一）项",
            [new("new_made", "本年新制作数量"), new("new_published", "本年新公开数量"), new("total_public", "对外公开总数量")],
            ReportRow.Cells("rules", "规章"), ReportRow.Cells("normative_documents", "规范性文件")),
        Part("item5", "第二十条第（五）项", ItemCounts,
            ReportRow.Cells("licensing", "行政许可"), ReportRow.Cells("other_services", "其他对外管理服务事项")),
        Part("item6", "第二十条第（六）项", ItemCounts,
            ReportRow.Cells("penalties", "行政处罚"), ReportRow.Cells("coercion", "行政强制")),
        Part("item8", "第二十条第（八）项",
            [new("last_year_items", "上一年项目数量"), new("change", "本年增/减")],
            ReportRow.Cells("fees", "行政事业性收费")),
        Part("item9", "第二十条第（九）项",
            [new("projects", "采购项目数量"), new("amount", "采购总金额")],
            ReportRow.Cells("procurement", "政府集中采购")),
    ];

    /// <summary>Cells that may be negative: the 2019 form's 本年增/减.</summary>
    public static bool IsSigned(string cellKey) => cellKey.StartsWith("t2.", StringComparison.Ordinal) && cellKey.EndsWith(".change", StringComparison.Ordinal);

    private static ReportTable Part(string item, string caption, IReadOnlyList<ReportColumn> columns, params IReadOnlyList<ReportRow> rows) =>
        new($"{ReportKeys.Table2}.{item}", ReportKeys.Table2, "表二", Section, caption, Corner, columns, rows);
}
