namespace Gongkai.Core.Reports;

/// <summary>The national form an annual report (政府信息公开工作年度报告) is filled in on.</summary>
public enum ReportForm
{
    /// <summary>2021 format — 国办公开办函〔2021〕30号, for the 2021 reports onward.</summary>
    Form2021,

    /// <summary>2019 format — 国办公开办函〔2019〕60号, for the 2019 and 2020 reports.</summary>
    Form2019,

    /// <summary>Legacy 统计表 — 国办发〔2014〕32号 and its predecessors, for the 2008–2018 reports (2008 条例).</summary>
    Legacy,
}

public static class ReportForms
{
    /// <summary>The first report year under the 2008 条例 (国务院令第492号, in force 2008-05-01).</summary>
    public const int FirstYear = 2008;

    /// <summary>The first report year on a national form (2019 条例, 国务院令第711号): what Gongkai compiles from records.</summary>
    public const int FirstNational = 2019;

    /// <summary>The first and the last day of a report year (统计期限 1 January – 31 December, 第五十条; domain §5).</summary>
    public static (DateOnly First, DateOnly Last) YearBounds(int year) => (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    /// <summary>Which form a report for <paramref name="year"/> uses: 2021+ → 2021; 2019–2020 → 2019; 2008–2018 → legacy.</summary>
    public static ReportForm ForYear(int year) => year switch
    {
        < FirstYear => throw new ArgumentOutOfRangeException(nameof(year), year, "年度报告始于2008年度"),
        >= 2021 => ReportForm.Form2021,
        >= FirstNational => ReportForm.Form2019,
        _ => ReportForm.Legacy,
    };

    /// <summary>The form's code in JSON (issue 6): <c>2021</c>, <c>2019</c> or <c>legacy</c>.</summary>
    public static string Code(this ReportForm form) => form switch
    {
        ReportForm.Form2021 => "2021",
        ReportForm.Form2019 => "2019",
        _ => "legacy",
    };

    public static ReportForm FromCode(string code) => code switch
    {
        "2021" => ReportForm.Form2021,
        "2019" => ReportForm.Form2019,
        "legacy" => ReportForm.Legacy,
        _ => throw new ArgumentException($"未知的年度报告格式「{code}」", nameof(code)),
    };

    public static string ChineseName(this ReportForm form) => form switch
    {
        ReportForm.Form2021 => "2021年版年度报告格式（国办公开办函〔2021〕30号）",
        ReportForm.Form2019 => "2019年版年度报告格式（国办公开办函〔2019〕60号）",
        _ => "政府信息公开情况统计表（2008—2018年度）",
    };

    /// <summary>True for the 2019 and 2021 national formats, which share tables 三 and 四.</summary>
    public static bool IsNational(this ReportForm form) => form is not ReportForm.Legacy;
}
