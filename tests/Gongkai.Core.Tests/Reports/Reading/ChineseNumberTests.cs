using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

public class ChineseNumberTests
{
    [Theory]
    [InlineData("283", 283, false)]
    [InlineData("1,234", 1234, false)]
    [InlineData("12,345,678.5", 12345678.5, false)]
    [InlineData("14万余", 140000, true)]
    [InlineData("14万余条", 140000, true)]
    [InlineData("20余万条", 200000, true)] // e01
    [InlineData("3多亿", 300000000, true)]
    [InlineData("142.2万", 1422000, false)]
    [InlineData("142.2万条", 1422000, false)]
    [InlineData("近200万元", 200, true)]
    [InlineData("约30件", 30, true)]
    [InlineData("30件左右", 30, true)]
    [InlineData("5600多个", 5600, true)]
    [InlineData("7.5万余人次", 75000, true)]
    [InlineData("三百二十一", 321, false)]
    [InlineData("两千零五", 2005, false)]
    [InlineData("十二", 12, false)]
    [InlineData("一万二千", 12000, false)]
    [InlineData("十四万余条", 140000, true)]
    [InlineData("一亿二千万", 120000000, false)]
    [InlineData("二〇一七", 2017, false)]
    [InlineData("１２３", 123, false)]
    [InlineData("3.5亿", 350000000, false)]
    public void Stated_numbers_should_read_with_value_and_approximate_flag(string text, double value, bool approximate)
    {
        var number = ChineseNumber.Parse(text);
        Assert.NotNull(number);
        Assert.Equal((decimal)value, number.Value.Value);
        Assert.Equal(approximate, number.Value.Approximate);
    }

    [Fact]
    public void The_step_should_be_the_last_stated_digit_so_rounding_can_be_allowed_for()
    {
        Assert.Equal(1000m, ChineseNumber.Parse("142.2万")!.Value.Step);
        Assert.Equal(1m, ChineseNumber.Parse("283")!.Value.Step);
        Assert.Equal(0.01m, ChineseNumber.Parse("65.25")!.Value.Step);
        Assert.Equal("万元", ChineseNumber.Parse("近200万元")!.Value.Unit);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("2018年3月15日")]
    [InlineData("1,23")]
    [InlineData("1.2.3")]
    [InlineData("0743-8233025")]
    [InlineData("99999999999999999999999999999999")]
    [InlineData("79228162514264337593543950335万")]
    [InlineData("9999999999999999999999999999.99999亿")]
    [InlineData("亿亿亿亿亿亿")]
    [InlineData("九千九百九十九亿亿亿亿")]
    [InlineData("余")]
    public void Anything_else_should_give_null_and_never_throw(string text) =>
        Assert.Null(ChineseNumber.Parse(text));

    [Theory]
    [InlineData(978000, 1000, "97.8万")]       // 「97.8万条」: a report that writes 万 is answered in 万
    [InlineData(30000, 1000, "3万")]
    [InlineData(1452000, 1000, "145.2万")]
    [InlineData(1600, 1, "1600")]              // written out: as written
    [InlineData(248071, 1, "248071")]
    [InlineData(320000000, 10000000, "3.2亿")]
    public void A_value_should_be_shown_as_a_report_of_that_precision_writes_it(decimal value, decimal step, string shown) =>
        Assert.Equal(shown, ChineseNumber.Show(value, step));
}
