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

    [Fact]
    public void Kinds_listed_after_其中_should_not_exceed_the_whole()
    {
        // a14
        var finding = Assert.Single(Audit("市商务局通过政府网站主动公开政务信息114条,其中包括组织机构2条,政策法规及解读4条,规划计划10条,财务信息14条,公告公示26条,工作动态52条,综合信息3条,商务数据信息11条,执法信息3条。"));
        Assert.Equal(("prose.parts_of_whole", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("= 125，超过了所述总数114", finding.Message);
        // Fewer than the whole is fine, unless the list ends in 其他 (c31).
        Assert.Empty(Audit("主动公开政府信息100条,其中工作动态40条,通知公告30条。"));
        Assert.Contains("差499", Assert.Single(Audit("我县通过政府门户网站向社会公开政府信息2361条。其中,政务信息426条、政府文件482条、便民服务和投资类信息429条,其他信息525条。")).Message);
    }

    [Fact]
    public void A_list_of_kinds_after_a_colon_should_take_its_whole_from_the_sentence_before()
    {
        // c07
        var finding = Assert.Single(Audit("(一)主动公开政府信息的数量共192条。\n(二)主动公开政府信息的主要类别情况:党政信息类147条,文件类47条,制度类4条。"));
        Assert.Contains("= 198，超过了所述总数192", finding.Message);
    }

    [Fact]
    public void A_kind_listed_twice_should_be_a_warning()
    {
        // c17
        var finding = Assert.Single(Audit("2015年主动公开政府信息数179条。其中在主动公开的信息中,机构职能类13条;行政职责类3条;规划计划类11条;机构职能类信息13条;业务动态类信息139条。"));
        Assert.Equal(("prose.repeated_part", Severity.Warning), (finding.Rule, finding.Severity));
    }

    [Fact]
    public void A_channel_stated_twice_with_two_numbers_should_be_a_warning()
    {
        // a25
        var finding = Assert.Single(Audit("2022年,我局通过示范区管委会网站审计信息栏目公开信息20条。\n全年通过审计信息专栏公开政府信息16条。"));
        Assert.Equal(("prose.restated", Severity.Warning), (finding.Rule, finding.Severity));
        Assert.Contains("（20条、16条）", finding.Message);
    }

    [Fact]
    public void A_percentage_of_the_overall_whole_should_be_checked_against_it()
    {
        // c05: 36 of the 50 published, not of the 49 of its kind.
        Assert.Empty(Audit("区文委2010年共主动公开政府信息50条。\n在主动公开的信息中,机构职能类信息1条,业务动态类信息49条,占总体的比例为98%,(其中批复文件36条,占总体的72%;业务信息11条,占总体的22%,工作总结2条,占总体的4%)。"));
    }

    [Fact]
    public void A_percentage_rounded_up_beyond_half_its_last_digit_should_be_a_warning()
    {
        // a26: 13 of 1,046 is 1.24%.
        var finding = Assert.Single(Audit("2024年,共收到政府信息公开申请1046件。其中,通过委官方网站提交申请表的862件,占比82.4%;通过信函提交申请的171件,占比16.3%;当面提交13件,占比1.3%。"));
        Assert.Equal(("prose.percent", Severity.Warning), (finding.Rule, finding.Severity));
        Assert.Contains("13占1046的1.24%，而文中写1.3%", finding.Message);
    }

    [Fact]
    public void Legacy_answers_beyond_those_answered_should_be_an_error()
    {
        // c20
        var finding = Assert.Single(Audit("在已经答复的9件申请中,“同意公开”的7件。\n“同意部分公开”1件。\n“不予公开”的1件。\n“信息不存在”的1件。\n“非本机关政府信息”的1件。"));
        Assert.Equal(("prose.parts_of_whole", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("= 11，超过了答复总数（多2）", finding.Message);
    }

    [Fact]
    public void The_first_part_larger_than_its_whole_should_be_an_error_and_a_later_one_a_statement_of_its_own()
    {
        // e09
        var finding = Assert.Single(Audit("二是充分发挥政府门户网站作为我委主动公开信息的主渠道作用,主动公开信息19条,其中向政府网站推送35条,涉及国资监管信息35条。"));
        Assert.Equal(("prose.parts_of_whole", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("「主动公开信息19条,其中向政府网站推送35条」：其中向政府网站推送35，超过了所述总数19（多16）", finding.Message);
        // e09: 108 is what the screens published, not part of the 95.
        Assert.Empty(Audit("三是积极拓宽平台载体,利用委内OA系统将办公网络平台发布信息95条,其中发布规范性文件2件,利用电子屏发布信息108条。"));
    }

    [Fact]
    public void Channels_adding_to_more_than_the_whole_should_be_a_warning()
    {
        // e17: one item may go out on several sites; 「54期97条」 of WeChat is a statement of its own.
        var finding = Assert.Single(Audit("全年报送发布信息23条,其中在市政府门户网站公开发布11条、省政府外事办网站公开发布13条,庆阳市党建网公开发布5条,“学习强国”公开发布2条,“庆阳外事”微信订阅号发布信息54期97条。"));
        Assert.Equal(("prose.parts_of_whole", Severity.Warning), (finding.Rule, finding.Severity));
        Assert.Contains("= 31，超过了所述总数23（多8）", finding.Message);
    }

    [Fact]
    public void A_figure_for_each_of_several_kinds_should_count_once_for_each()
    {
        // e20
        var finding = Assert.Single(Audit("我局2013年主动公开信息20条。其中,规范性文件信息10条,规划计划和完成情况类信息8条,公共资金使用信息、机构调整和人员变动类信息各2条。"));
        Assert.Equal(("prose.parts_of_whole", Severity.Error), (finding.Rule, finding.Severity));
        Assert.Contains("公共资金使用信息2 + 机构调整和人员变动类信息2 = 22，超过了所述总数20（多2）", finding.Message);
    }
}
