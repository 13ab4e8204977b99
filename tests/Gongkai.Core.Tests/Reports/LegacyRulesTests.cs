using Gongkai.Core.Reports;
using static Gongkai.Core.Tests.Reports.SampleFigures;

namespace Gongkai.Core.Tests.Reports;

/// <summary>Each check of the legacy 统计表 (domain §5) fires on bad data, and only there.</summary>
public class LegacyRulesTests
{
    private static string L(string row) => ReportKeys.LegacyCell(row);

    private static Finding Only(ReportFigures figures)
    {
        var finding = Assert.Single(figures.Check(ReportForm.Legacy));
        Assert.Equal(Severity.Error, finding.Severity);
        return finding;
    }

    [Fact]
    public void A_consistent_legacy_table_should_raise_nothing() => Assert.Empty(Legacy().Check(ReportForm.Legacy));

    [Fact]
    public void A_proactive_total_below_the_sum_over_channels_should_be_allowed_but_above_it_an_error()
    {
        // legacy.proactive.channels — 「不同渠道和方式公开相同的信息列为1条」: 900 ≤ 1130 is fine; 1200 > 1130 is not.
        Assert.True(Legacy()[L("proactive.total")]!.Value.Value < 1130);
        var finding = Only(Legacy().With(L("proactive.total"), 1200));
        Assert.Equal("legacy.proactive.channels", finding.Rule);
        Assert.Contains("50 + 880 + 100 + 90 + 10 = 1130", finding.Message);
    }

    [Fact]
    public void A_channel_above_the_proactive_total_should_be_an_error()
    {
        // legacy.proactive.channels — every item on the website is in the total, so 政府网站 ≤ 主动公开政府信息数.
        var finding = Only(Legacy().With(L("proactive.by_channel.website"), 901));
        Assert.Equal("legacy.proactive.channels", finding.Rule);
        Assert.StartsWith("统计表「（二）通过不同渠道和方式公开政府信息的情况 2、政府网站公开政府信息数」为901", finding.Message);
    }

    [Theory]
    [InlineData("proactive.normative_documents", 901)]                      // 其中：主动公开规范性文件数 ≤ 主动公开政府信息数
    [InlineData("response.by_channel.press_conferences.by_leaders", 6)]     // 其中：主要负责同志参加 ≤ 新闻发布会总次数
    [InlineData("response.by_channel.interviews.by_leaders", 5)]            // 其中：主要负责同志参加 ≤ 在线访谈次数
    public void An_of_which_row_above_its_total_should_be_an_error(string row, int value) =>
        Assert.Equal("legacy.of_which", Only(Legacy().With(L(row), value)).Rule);

    [Theory]
    [InlineData("applications.received.online", "legacy.applications.received")]   // 收到申请数 = 当面 + 传真 + 网络 + 信函
    [InlineData("applications.closed.extended", "legacy.applications.closed")]     // 办结 = 按时 + 延期
    [InlineData("applications.answers.not_exist", "legacy.applications.answers")]  // 申请答复数 = 1–8
    [InlineData("reconsideration.corrected", "legacy.reconsideration")]           // 行政复议 = 维持 + 纠错 + 其他
    [InlineData("litigation.other", "legacy.litigation")]                         // 行政诉讼 = 维持 + 纠错 + 其他
    [InlineData("capacity.staff.part_time", "legacy.staff")]                      // 工作人员 = 专职 + 兼职
    public void Parts_that_do_not_sum_to_their_total_should_be_an_error(string part, string rule) =>
        Assert.Equal(rule, Only(Legacy().Shift(L(part), 1)).Rule);

    [Fact]
    public void Refusal_reasons_not_summing_to_the_refusals_should_be_a_warning_and_one_above_them_an_error()
    {
        // legacy.applications.refused — 不同意公开 其中各情形: one answer may rest on several grounds.
        var sum = Assert.Single(Legacy().Shift(L("applications.answers.refused.privacy"), -1).Check(ReportForm.Legacy));
        Assert.Equal(("legacy.applications.refused", Severity.Warning), (sum.Rule, sum.Severity));
        var above = Only(Legacy().With(L("applications.answers.refused.privacy"), 5));
        Assert.Equal("legacy.applications.refused", above.Rule);
    }

    [Fact]
    public void Table_three_rules_should_not_run_on_a_legacy_report() =>
        Assert.DoesNotContain(ReportChecks.Rules.Where(r => r.AppliesTo(ReportForm.Legacy)), r => r.Id.StartsWith("t3.", StringComparison.Ordinal));
}
