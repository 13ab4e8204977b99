using Gongkai.Core.Catalog;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>《政府信息公开目录系统实施指引（试行）》: 索引号 = 前段码/后段码, and the variants real sites use.</summary>
public class IndexNumberFormatTests
{
    private static readonly DateOnly March2018 = new(2018, 3, 5);

    [Fact]
    public void The_default_should_be_organisation_code_slash_year_dash_five_digit_serial()
    {
        // The example quoted in domain/README.md §2.
        Assert.Equal("014416330/2018-04736", IndexNumberFormat.Default.Format("014416330", March2018, 4736));
        Assert.Equal(2018, IndexNumberFormat.Default.Period(March2018));
    }

    [Fact]
    public void A_deployment_should_choose_year_and_month_a_longer_serial_and_the_organisation_code_inside_a_credit_code()
    {
        var format = new IndexNumberFormat { YearForm = IndexYearForm.YearMonth, SerialWidth = 7, OrganisationCodeFromCreditCode = true };
        Assert.Equal("MB9900005/201803-0000012", format.Format("11990100MB99000056", March2018, 12));
        Assert.Equal(201803, format.Period(March2018));
    }

    [Fact]
    public void An_imported_number_in_this_format_should_give_back_its_period_and_serial_and_any_other_none()
    {
        var format = new IndexNumberFormat { YearForm = IndexYearForm.YearMonth, SerialWidth = 7, OrganisationCodeFromCreditCode = true };
        Assert.Equal((201803, 12), format.Read("11990100MB99000056", format.Format("11990100MB99000056", March2018, 12)));
        Assert.Equal((2018, 4736), IndexNumberFormat.Default.Read("014416330", "014416330/2018-04736"));
        Assert.Null(IndexNumberFormat.Default.Read("014416330", "014416331/2018-04736"));   // another unit's
        Assert.Null(IndexNumberFormat.Default.Read("014416330", "014416330/201803-04736"));  // another format's period
        Assert.Null(IndexNumberFormat.Default.Read("014416330", "014416330/2018-1234567"));  // wider than the serial
        Assert.Null(IndexNumberFormat.Default.Read("014416330", "014416330/2018-00000"));
    }

    [Fact]
    public void A_serial_past_its_width_should_refuse_rather_than_reuse_a_number()
    {
        var format = new IndexNumberFormat { SerialWidth = 3 };
        Assert.Equal("014416330/2018-999", format.Format("014416330", March2018, 999));
        Assert.Throws<InvalidOperationException>(() => format.Format("014416330", March2018, 1000));
        Assert.NotNull(new IndexNumberFormat { SerialWidth = 2 }.Problem());
        Assert.NotNull(new IndexNumberFormat { PrefixSeparator = "A" }.Problem());
    }

    [Theory]
    [InlineData("014416330/2018-04736", true)]
    [InlineData("01424668-5/2021-00063", true)]   // a real site's form with the hyphenated code
    [InlineData("11430100MB1G12345X/202103_0000012", true)]
    [InlineData("长政发〔2014〕9号", false)]
    public void Imported_numbers_should_be_recognised_by_shape(string text, bool looksRight) =>
        Assert.Equal(looksRight, IndexNumberFormat.LooksLikeIndexNumber(text));
}
