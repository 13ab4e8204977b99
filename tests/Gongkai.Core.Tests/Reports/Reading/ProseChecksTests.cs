using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

/// <summary>The arithmetic of prose: 其中, 合计, percentages, 同比 — rounding allowed for, approximate figures never an error.</summary>
public class ProseChecksTests
{
    private static IReadOnlyList<Finding> Audit(string text) => ReportAudit.Run(ReportReader.Read("某区2019年政府信息公开工作年度报告\n" + text));

    [Fact]
    public void Parts_before_a_total_should_add_up_to_it()
    {
        var finding = Assert.Single(Audit("收到申请的方式：现场申请32件、信函申请232件、网上申请19件，合计280件。"));
        Assert.Equal(("prose.parts_total", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("= 283", finding.Message);
        Assert.Empty(Audit("现场申请32件、信函申请232件、网上申请19件，合计283件。"));
    }

    [Fact]
    public void Sub_units_may_be_fewer_than_the_whole_unless_the_text_says_they_are_all_of_it()
    {
        Assert.Empty(Audit("主动公开政府信息120条，其中，州本级10条，县市5条。"));
        var finding = Assert.Single(Audit("主动公开政府信息200条，其中，州本级50条，县市100条，分别占25%和50%。"));
        Assert.Equal(("prose.parts_of_whole", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("差50", finding.Message);
    }

    [Fact]
    public void Rounded_figures_should_be_allowed_their_rounding()
    {
        // 2.1万 + 1.1万 against 3.3万: each may be 500 off, so 1,000 apart is no disagreement.
        Assert.Empty(Audit("主动公开政府信息3.3万条，其中，区本级2.1万条，街道1.1万条。"));
        Assert.Single(Audit("主动公开政府信息3.0万条，其中，区本级2.1万条，街道1.1万条。"));
    }

    [Fact]
    public void Approximate_figures_should_give_at_most_a_warning()
    {
        var finding = Assert.Single(Audit("主动公开政府信息约1万条，其中，市本级8000条，区县5000条。"));
        Assert.Equal(("prose.parts_of_whole", Severity.Warning), (finding.Rule, finding.Severity));
        Assert.Contains("涉及约数", finding.Message);
        Assert.Empty(Audit("主动公开政府信息1.2万余条，其中，市本级8000条，区县4500条。"));
    }

    [Theory]
    [InlineData("共100件，其中州本级33件，占33%。", null)]
    [InlineData("共300件，其中州本级100件，占33.33%。", null)]
    [InlineData("共300件，其中州本级100件，占33.3%。", null)]
    [InlineData("共100件，其中州本级33件，占33.6%。", "warning")]
    [InlineData("共100件，其中州本级33件，占50%。", "error")]
    [InlineData("共约100件，其中州本级33件，占50%。", "warning")]
    public void A_percentage_should_match_its_parts_within_rounding(string text, string? severity)
    {
        var findings = Audit(text);
        if (severity is null)
            Assert.Empty(findings);
        else
            Assert.Equal(("prose.percent", severity), (Assert.Single(findings).Rule, Finding.SeverityCode(findings[0].Severity)));
    }

    [Theory]
    [InlineData("共收到申请283件，同比去年(242件)增加16.94%。", null)]
    [InlineData("共收到申请90件，比上年(100件)下降10%。", null)]
    [InlineData("共收到申请283件，同比去年(242件)增加17.5%。", "warning")]
    [InlineData("共收到申请90件，比上年(100件)下降12%。", "error")]
    [InlineData("共收到申请90件，比上年(100件)增长10%。", "error")]
    [InlineData("全年成交项目1400项，同比增长36.72%。", null)]
    public void Year_on_year_growth_should_match_the_stated_previous_figure(string text, string? severity)
    {
        var findings = Audit(text);
        if (severity is null)
            Assert.Empty(findings);
        else
            Assert.Equal(("prose.year_on_year", severity), (Assert.Single(findings).Rule, Finding.SeverityCode(findings[0].Severity)));
    }
}
