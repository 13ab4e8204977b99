using Gongkai.Core.Applications;

namespace Gongkai.Core.Reports;

/// <summary>
/// Table 三 收到和处理政府信息公开申请情况 of the 2019 and 2021 forms. Its sub-rows come from <see cref="Outcomes.All"/>, so an
/// outcome and the row it counts in cannot drift apart; they differ only in （六）其他处理, one row in 2019 and three
/// sub-rows in 2021.
/// </summary>
public static class Table3Layout
{
    /// <summary>The corner cell, which states the table's own identity.</summary>
    public const string Corner = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    public static ReportTable For(ReportForm form)
    {
        if (!form.IsNational())
            throw new ArgumentException("统计表没有表三", nameof(form));
        var outcomes = Enum.GetValues<OutcomeCategory>().Select(c => CategoryRow(c, form)).Append(ReportRow.Cells(ReportKeys.OutcomesTotal, "（七）总计"));
        ReportRow[] rows =
        [
            ReportRow.Cells(ReportKeys.Received, "一、本年新收政府信息公开申请数量"),
            ReportRow.Cells(ReportKeys.CarriedOver, "二、上年结转政府信息公开申请数量"),
            ReportRow.Heading("outcomes", "三、本年度办理结果", [.. outcomes]),
            ReportRow.Cells(ReportKeys.CarriedForward, "四、结转下年度继续办理"),
        ];
        return new ReportTable(ReportKeys.Table3, ReportKeys.Table3, "表三", "三、收到和处理政府信息公开申请情况", null, Corner, Columns, rows)
        {
            ColumnCaption = "申请人情况",
        };
    }

    /// <summary>自然人 · 法人或其他组织 {商业企业 · 科研机构 · 社会公益组织 · 法律服务机构 · 其他} · 总计.</summary>
    public static IReadOnlyList<ReportColumn> Columns { get; } =
    [
        new(ApplicantKind.NaturalPerson.Column(), "自然人"),
        new("legal", "法人或其他组织",
        [
            new(ApplicantKind.Commercial.Column(), "商业企业"),
            new(ApplicantKind.Research.Column(), "科研机构"),
            new(ApplicantKind.PublicWelfare.Column(), "社会公益组织"),
            new(ApplicantKind.LegalServices.Column(), "法律服务机构"),
            new(ApplicantKind.OtherOrganisation.Column(), "其他"),
        ]),
        new(ReportKeys.Total, "总计"),
    ];

    /// <summary>The rows （一）–（六） with their sub-rows: the leaves whose sum is （七）总计.</summary>
    public static IEnumerable<ReportRow> OutcomeRows(ReportTable table) =>
        table.Row("outcomes").Children.Where(r => r.Key != ReportKeys.OutcomesTotal).SelectMany(r => r.SelfAndDescendants()).Where(r => r.HasCells);

    private static ReportRow CategoryRow(OutcomeCategory category, ReportForm form)
    {
        var label = category switch
        {
            OutcomeCategory.Disclosed => "（一）予以公开",
            OutcomeCategory.PartiallyDisclosed => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            OutcomeCategory.Withheld => "（三）不予公开",
            OutcomeCategory.CannotProvide => "（四）无法提供",
            OutcomeCategory.NotProcessed => "（五）不予处理",
            _ => "（六）其他处理",
        };
        var key = category.Table3Row();
        var subRows = Outcomes.All.Where(o => o.Category == category && o.Row.Length > 3).ToList();
        if (subRows.Count == 0 || (category is OutcomeCategory.Other && form is ReportForm.Form2019))
            return ReportRow.Cells(key, label);
        // OutcomeInfo.Row is 「（三）4」: the sub-row number follows the category's numbering.
        return ReportRow.Heading(key, label, [.. subRows.Select(o => ReportRow.Cells($"outcomes.{o.Key}", $"{o.Row[3..]}.{o.Name}"))]);
    }
}
