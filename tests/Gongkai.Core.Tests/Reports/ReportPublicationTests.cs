using System.Globalization;
using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Reports;

/// <summary>A report for a year may be published once the year has ended (条例第四十九条: 「上一年度」的年度报告), on Beijing dates.</summary>
public class ReportPublicationTests
{
    [Theory]
    [InlineData(2026, "2026-12-07", false)]   // issue 12: December of the report year, the statistics incomplete
    [InlineData(2026, "2026-12-31", false)]   // the last day of the year still counts applications
    [InlineData(2026, "2027-01-01", true)]    // the year has ended
    [InlineData(2026, "2027-03-31", true)]
    [InlineData(2024, "2026-12-07", true)]    // a past year's report, late or republished
    [InlineData(2027, "2026-12-07", false)]   // a year not yet begun
    public void A_report_should_be_publishable_only_after_its_year_has_ended(int year, string today, bool allowed)
    {
        var tooEarly = ReportDeadline.TooEarly(year, DateOnly.Parse(today, CultureInfo.InvariantCulture));
        Assert.Equal(allowed, tooEarly is null);
        if (!allowed)
            Assert.Equal($"{year}年度尚未结束，统计数据不完整，不能公开该年度的年度报告；{year + 1}年1月1日起可以公开（条例第四十九条：公布上一年度的年度报告）。", tooEarly);
    }

    [Fact]
    public void Publication_should_open_on_the_first_of_january_after_the_report_year() =>
        Assert.Equal(new DateOnly(2027, 1, 1), ReportDeadline.OpensOn(2026));
}
