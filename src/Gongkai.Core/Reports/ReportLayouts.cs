namespace Gongkai.Core.Reports;

/// <summary>The tables of each form as data, so a page, a DOCX or an extractor can reproduce them exactly.</summary>
public static class ReportLayouts
{
    public static ReportLayout Form2021 { get; } = National(ReportForm.Form2021);

    public static ReportLayout Form2019 { get; } = National(ReportForm.Form2019);

    public static ReportLayout Legacy { get; } = new(ReportForm.Legacy, [LegacyLayout.Table]);

    public static ReportLayout For(ReportForm form) => form switch
    {
        ReportForm.Form2021 => Form2021,
        ReportForm.Form2019 => Form2019,
        _ => Legacy,
    };

    public static ReportLayout ForYear(int year) => For(ReportForms.ForYear(year));

    private static ReportLayout National(ReportForm form) =>
        new(form, [.. Table2Layout.For(form), Table3Layout.For(form), Table4Layout.Table]);
}
