using Gongkai.Core.Applications;

namespace Gongkai.Core.Tests.Applications;

/// <summary>《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）: both progressive scales.</summary>
public class ProcessingFeeTests
{
    [Theory]
    [InlineData(1, 0)]
    [InlineData(10, 0)]     // 10件以下（含10件）不收费
    [InlineData(11, 100)]   // 11—30件的部分每件100元
    [InlineData(30, 100)]
    [InlineData(31, 200)]   // 30件以上每增加一档（10件）提高100元/件
    [InlineData(40, 200)]
    [InlineData(41, 300)]
    [InlineData(55, 400)]
    public void Per_application_should_charge_the_nth_application_of_a_month_by_its_band(int nth, int fee) =>
        Assert.Equal(fee, ProcessingFee.PerApplication(nth));

    [Theory]
    [InlineData(0, 0)]
    [InlineData(30, 0)]       // 30页以下（含30页）不收费
    [InlineData(31, 10)]      // 31—100页的部分每页10元
    [InlineData(100, 700)]
    [InlineData(150, 1700)]   // 700 + 50 × 20
    [InlineData(200, 2700)]   // 700 + 100 × 20
    [InlineData(250, 4700)]   // 2700 + 50 × 40
    public void Per_page_should_charge_each_band_only_for_the_pages_inside_it(int pages, int fee) =>
        Assert.Equal(fee, ProcessingFee.PerPage(pages));
}
