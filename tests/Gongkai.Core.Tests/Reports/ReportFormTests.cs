using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Reports;

/// <summary>Which form a report year uses: 国办公开办函〔2021〕30号 from 2021, 〔2019〕60号 for 2019–2020, the 统计表 before.</summary>
public class ReportFormTests
{
    [Theory]
    [InlineData(2008, ReportForm.Legacy)]
    [InlineData(2017, ReportForm.Legacy)]
    [InlineData(2018, ReportForm.Legacy)]
    [InlineData(2019, ReportForm.Form2019)]
    [InlineData(2020, ReportForm.Form2019)]
    [InlineData(2021, ReportForm.Form2021)]
    [InlineData(2025, ReportForm.Form2021)]
    public void A_report_year_should_use_the_form_in_force_for_it(int year, ReportForm form)
    {
        Assert.Equal(form, ReportForms.ForYear(year));
        Assert.Equal(form, ReportLayouts.ForYear(year).Form);
    }

    [Fact]
    public void A_year_before_the_2008_regulation_should_have_no_form() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReportForms.ForYear(2007));

    [Theory]
    [InlineData(ReportForm.Form2021, "2021")]
    [InlineData(ReportForm.Form2019, "2019")]
    [InlineData(ReportForm.Legacy, "legacy")]
    public void A_form_should_round_trip_through_its_json_code(ReportForm form, string code)
    {
        Assert.Equal(code, form.Code());
        Assert.Equal(form, ReportForms.FromCode(code));
    }
}
