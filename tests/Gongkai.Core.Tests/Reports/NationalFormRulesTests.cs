using Gongkai.Core.Reports;
using static Gongkai.Core.Tests.Reports.SampleFigures;

namespace Gongkai.Core.Tests.Reports;

/// <summary>Each check of tables 三 and 四 (domain §5) fires on bad data, and only there.</summary>
public class NationalFormRulesTests
{
    private static IEnumerable<string> Keys(Finding finding) => finding.Evidence.Select(e => e.Key);

    [Theory]
    [InlineData(ReportForm.Form2021)]
    [InlineData(ReportForm.Form2019)]
    public void A_consistent_report_should_raise_nothing(ReportForm form) => Assert.Empty(National(form).Check(form));

    [Fact]
    public void Received_plus_carried_over_unequal_to_total_plus_carried_forward_should_be_an_error_in_that_column()
    {
        // t3.balance — table 三 header: 「第一项加第二项之和，等于第三项加第四项之和」; row 一 raised in 商业企业 and 总计 alike.
        var figures = National().Shift(T3("received", "commercial"), 1).Shift(T3("received", "total"), 1);
        var findings = figures.Check();
        Assert.All(findings, f => Assert.Equal(("t3.balance", Severity.Error), (f.Rule, f.Severity)));
        Assert.Equal(2, findings.Count);
        Assert.Contains(T3("outcomes.total", "commercial"), Keys(findings[0]));
        Assert.StartsWith("表三「法人或其他组织 商业企业」列", findings[0].Message);
        Assert.StartsWith("表三「总计」列", findings[1].Message);
    }

    [Fact]
    public void A_total_outcome_unequal_to_the_sum_of_rows_one_to_six_should_be_an_error()
    {
        // t3.outcomes_total — （七）总计 = （一）+（二）+ Σ（三）+ Σ（四）+ Σ（五）+ Σ（六）; 四 moved too so 一+二 = 三+四 still holds.
        var figures = National()
            .Shift(T3("outcomes.total", "natural_person"), 1).Shift(T3("outcomes.total", "total"), 1)
            .Shift(T3("carried_forward", "natural_person"), -1).Shift(T3("carried_forward", "total"), -1);
        var findings = figures.Check();
        Assert.Equal(["t3.outcomes_total", "t3.outcomes_total"], findings.Select(f => f.Rule));
        Assert.Contains("（一）至（六）各项之和", findings[0].Message);
        Assert.Contains(T3("outcomes.withheld.state_secret", "natural_person"), Keys(findings[0]));
    }

    [Fact]
    public void A_row_total_unequal_to_the_six_applicant_columns_should_be_an_error()
    {
        // t3.row_total — 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他, rows 一 and 四.
        var figures = National().Shift(T3("received", "total"), 1).Shift(T3("carried_forward", "total"), 1);
        var findings = figures.Check();
        Assert.Equal(["t3.row_total", "t3.row_total"], findings.Select(f => f.Rule));
        Assert.Contains("自然人与法人或其他组织五列之和", findings[0].Message);
    }

    [Fact]
    public void A_table_four_total_unequal_to_its_four_outcomes_should_be_an_error()
    {
        // t4.group_total — 行政诉讼 未经复议直接起诉: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
        var finding = Assert.Single(National().Shift("t4.litigation.direct.total", 2).Check());
        Assert.Equal(("t4.group_total", Severity.Error), (finding.Rule, finding.Severity));
        Assert.StartsWith("表四「行政诉讼 未经复议直接起诉 总计」为10，", finding.Message);
        Assert.Contains("4 + 1 + 1 + 2 = 8", finding.Message);
    }

    [Fact]
    public void This_years_carried_over_should_equal_last_years_carried_forward()
    {
        // t3.carry_over — 本年 二、上年结转 = 上年 四、结转下年度继续办理, column by column.
        var figures = National();
        var lastYear = ReportFigures.From(ReportKeys.Table3Columns.Select(c =>
            KeyValuePair.Create(T3("carried_forward", c), figures[T3("carried_over", c)]!.Value)));
        Assert.Empty(figures.Check(lastYear: lastYear));
        Assert.Empty(figures.Check(lastYear: ReportFigures.Empty));      // no last year: nothing to compare

        var finding = Assert.Single(figures.Check(lastYear: lastYear.Shift(T3("carried_forward", "research"), 3)));
        Assert.Equal(("t3.carry_over", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Equal([false, true], finding.Evidence.Select(e => e.LastYear));
        Assert.Contains("上年报告", finding.Message);
    }

    [Fact]
    public void A_large_share_of_other_handling_should_be_a_warning_for_review()
    {
        // t3.other_share — （六）其他处理 is for 「极少数特殊情况」; 4 of 20 (20%) is flagged, 2 of 20 (10%) is not.
        var figures = ReportFigures.Empty.With(T3("outcomes.total", "total"), 20)
            .With(T3("outcomes.other.correction_overdue", "total"), 2).With(T3("outcomes.other.fee_unpaid", "total"), 1)
            .With(T3("outcomes.other.other", "total"), 1);
        var finding = Assert.Single(figures.Check());
        Assert.Equal(("t3.other_share", Severity.Warning), (finding.Rule, finding.Severity));
        Assert.Contains("20%", finding.Message);
        Assert.Empty(figures.With(T3("outcomes.other.other", "total"), 0).With(T3("outcomes.other.fee_unpaid", "total"), 0).Check());
        var form2019 = ReportFigures.Empty.With(T3("outcomes.total", "total"), 20).With(T3("outcomes.other", "total"), 5);
        Assert.Equal("t3.other_share", Assert.Single(form2019.Check(ReportForm.Form2019)).Rule);
    }

    [Fact]
    public void A_negative_count_should_be_an_error_but_a_2019_yearly_change_may_be_negative()
    {
        // cells.non_negative — every cell is a count or an amount, except 2019 table 二 「本年增/减」.
        var finding = Assert.Single(ReportFigures.Empty.With("t4.reconsideration.upheld", -1).Check());
        Assert.Equal(("cells.non_negative", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Empty(ReportFigures.Empty.With("t2.licensing.change", -3).Check(ReportForm.Form2019));
    }
}
