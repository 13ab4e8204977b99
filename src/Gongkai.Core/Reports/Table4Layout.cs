namespace Gongkai.Core.Reports;

/// <summary>
/// Table 四 政府信息公开行政复议、行政诉讼情况: one row of 15 cells, 行政复议 and the two kinds of 行政诉讼 (未经复议直接起诉,
/// 复议后起诉), each 结果维持 · 结果纠正 · 其他结果 · 尚未审结 · 总计. The same in the 2019 and 2021 forms.
/// </summary>
public static class Table4Layout
{
    public static ReportTable Table { get; } = new(
        ReportKeys.Table4, ReportKeys.Table4, "表四", "四、政府信息公开行政复议、行政诉讼情况", null, "",
        [
            Group("reconsideration", "行政复议"),
            new("litigation", "行政诉讼", [Group("litigation.direct", "未经复议直接起诉"), Group("litigation.after_reconsideration", "复议后起诉")]),
        ],
        [ReportRow.Cells("", "")]);

    private static ReportColumn Group(string key, string label) => new(key, label,
    [
        new($"{key}.upheld", "结果维持"),
        new($"{key}.corrected", "结果纠正"),
        new($"{key}.other", "其他结果"),
        new($"{key}.pending", "尚未审结"),
        new($"{key}.total", "总计"),
    ]);
}
