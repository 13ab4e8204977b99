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

    /// <summary>
    /// The tables a read report's figures fill: the form's, except a section of table 二 the report printed with the other
    /// national form's columns (a 2021 report's 第二十条第（一）项 with 「本年新制作数量」), which is that form's section.
    /// </summary>
    public static ReportLayout AsRead(ReportForm form, ReportFigures figures)
    {
        var layout = For(form);
        if (!form.IsNational())
            return layout;
        var other = For(form == ReportForm.Form2021 ? ReportForm.Form2019 : ReportForm.Form2021);
        bool Holds(ReportTable table) => table.Cells.Any(c => figures.Has(c.Key));
        var tables = layout.Tables.Select(table =>
            table.KeyPrefix == ReportKeys.Table2 && !Holds(table) && other.Tables.FirstOrDefault(o => o.Id == table.Id) is { } section && Holds(section)
                ? section : table).ToList();
        return tables.SequenceEqual(layout.Tables) ? layout : new ReportLayout(form, tables);
    }

    private static ReportLayout National(ReportForm form) =>
        new(form, [.. Table2Layout.For(form), Table3Layout.For(form), Table4Layout.Table]);
}
