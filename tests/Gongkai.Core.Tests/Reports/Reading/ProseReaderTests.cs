using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

/// <summary>The figures prose states, in the ways real reports write them (sentences from issue 18's corpus, report ID named).</summary>
public class ProseReaderTests
{
    private static Dictionary<string, decimal> Prose(string text) =>
        ReportReader.Read("某单位2022年政府信息公开工作年度报告\n" + text).Figures.Values
            .Where(v => ReaderScore.Group(v.Key) == "正文").ToDictionary(v => v.Key, v => v.Value.Value);

    [Theory]
    [InlineData("2020年,未收到政府信息公开申请。", "applications.received")] // c01
    [InlineData("2015年我街道无依申请公开政府信息。", "applications.received")] // c16
    [InlineData("我乡并未接收到一例依申请公开请求。", "applications.received")] // b25
    [InlineData("我局未发生依申请公开政府信息方面的行政复议。", "reconsideration.total")] // a24
    [InlineData("未收取任何政府信息公开费用。", "fees")] // b08
    [InlineData("本年度我镇没有因政府信息公开而产生的收费。", "fees")] // c06
    public void A_zero_stated_in_words_should_be_read_as_zero(string sentence, string key) =>
        Assert.Equal(new Dictionary<string, decimal> { [key] = 0 }, Prose(sentence));

    [Fact]
    public void No_appeals_should_be_zero_for_both_and_nothing_else()
    {
        // b02
        Assert.Equal(new Dictionary<string, decimal> { ["reconsideration.total"] = 0, ["litigation.total"] = 0 },
            Prose("没有因政府信息公开申请行政复议、提起行政诉讼和申诉的情况发生。"));
        // c04: a 行政复议申请 is not an application for information.
        Assert.Equal(new Dictionary<string, decimal> { ["reconsideration.total"] = 0 }, Prose("没有收到有关政府信息公开行政复议申请。"));
        // A table label is no statement.
        Assert.Empty(Prose("未经复议直接起诉 复议后起诉"));
    }

    [Theory]
    [InlineData("2022年,我委通过门户网站、微信公众号、微博等渠道公开各类信息1200余条。", "proactive.total", 1200)] // a03
    [InlineData("2021年通过门户网站主动公开政府信息1268条。", "proactive.by_channel.website", 1268)] // a13
    [InlineData("依托义乌商务微信公众号平台,发布工作动态及各类政务信息360条。", "proactive.by_channel.wechat", 360)] // a14
    [InlineData("通过“高淳发布”新浪微博发布各类信息6012条。", "proactive.by_channel.weibo", 6012)] // a22
    [InlineData("全省政府公报刊登政府规章和规范性文件等信息0.24万条。", "proactive.by_channel.gazette", 2400)] // a12
    [InlineData("我委通过门户网站主动公开2628条信息。", "proactive.by_channel.website", 2628)] // a30
    [InlineData("一年来主动公开信息共有40条。", "proactive.total", 40)] // a08
    [InlineData("全年通过新区官网政务信息平台等渠道共发布各类信息四十余条。", "proactive.total", 40)] // b32
    [InlineData("通过《银川市人民政府公报》、政府网站和政务新媒体以及各类新闻、报纸、广播及宣传栏、电子屏、查询机等媒介,主动公开政府信息20余万条。", "proactive.total", 200000)] // e01
    public void What_was_published_should_be_read_by_its_channel(string sentence, string key, decimal value) =>
        Assert.Equal(new Dictionary<string, decimal> { [key] = value }, Prose(sentence));

    [Fact]
    public void Two_channels_together_without_the_website_should_be_no_figure()
    {
        // a11: 微信 and 微博 together cannot be split, and are not all channels.
        Assert.Empty(Prose("通过官方微信、微博平台公开政府信息2809条。"));
    }

    [Fact]
    public void A_part_after_其中_should_be_a_channel_or_nothing()
    {
        // a22: what the website published, of which some was 主动公开 — not the year's total.
        Assert.Equal(new Dictionary<string, decimal> { ["proactive.by_channel.website"] = 4583 },
            Prose("全区各板块、各部门通过“高淳区人民政府门户网站”发布信息4583条,其中主动公开各类政府信息2107条。"));
        // c28
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["proactive.total"] = 2873, ["proactive.by_channel.website"] = 1600, ["proactive.by_channel.wechat"] = 450, ["proactive.by_channel.other"] = 453,
        }, Prose("我乡主动公开政府信息2873条, 其中,通过政府网站公开政府信息1600条;利用微信公众号公开政府信息450条;利用宣传车公开栏等方式公开各类政府信息453条。"));
    }

    [Fact]
    public void A_site_by_its_name_should_be_the_website_and_the_total_stated_apart()
    {
        // e16: 「兰州市人民政府网」 is a website; 「 14万余条」 (a space before it) the whole.
        Assert.Equal(new Dictionary<string, decimal> { ["proactive.by_channel.website"] = 2415, ["proactive.total"] = 140000 },
            Prose("2020年,兰州市通过兰州市人民政府网主动公开政府信息2415条,指导全市公开信息 14万余条。"));
    }

    [Fact]
    public void A_number_whose_measure_word_was_lost_should_still_end_the_words_of_the_next()
    {
        // e06: a mirror dropped 「条」 after 1363; 「新疆政府网微信公众号」 is the site's WeChat account.
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["proactive.by_channel.website"] = 5110, ["proactive.by_channel.wechat"] = 1363, ["proactive.by_channel.weibo"] = 1155,
        }, Prose("2022年,自治区人民政府门户网站发布各类信息5110条,其中发布自治区政府文件21条,财政预决算信息68重点领域、重大民生信息410新疆政府网微信公众号推送信息1363微博发布信息1155条。"));
        // c20: 「微博微信」 are two channels, together no figure.
        Assert.Empty(Prose("微博微信公开信息2148条。"));
    }

    [Fact]
    public void A_count_of_issues_before_a_count_of_items_should_share_its_words()
    {
        // e17
        Assert.Equal(new Dictionary<string, decimal> { ["proactive.by_channel.wechat"] = 97 }, Prose("“庆阳外事”微信订阅号发布信息54期97条。"));
    }

    [Fact]
    public void A_clause_that_is_only_a_total_should_rest_on_the_clause_before()
    {
        // e20: 「或」 names the same place two ways.
        Assert.Equal(new Dictionary<string, decimal> { ["proactive.by_channel.website"] = 20 }, Prose("公开的形式主要是在信息公开专栏或信息公开网站发布信息,共20条。"));
        // c03: two sites with 「和」 are not one channel.
        Assert.Equal(new Dictionary<string, decimal> { ["proactive.total"] = 27 }, Prose("我办及时、准确的在市政府入口网站和法制办网站进行了主动公开信息27条。"));
    }

    [Fact]
    public void A_part_of_the_whole_should_not_be_read_as_the_whole()
    {
        // e18: only the cases of a fault are denied.
        Assert.Empty(Prose("未出现因答复不当引起的行政复议、行政诉讼等情况。"));
        // e12: one kind of what the site published is not the site's count.
        Assert.Empty(Prose("2023年,在高平市人民政府门户网站政府信息公开专栏发布政务动态类信息133条。"));
        // e10: the lower governments' figure, and that of an office the text names as a part.
        Assert.Equal(new Dictionary<string, decimal> { ["proactive.by_channel.website"] = 13749 },
            Prose("截至2010年12月31日,通过市人民政府门户网站主动公开信息共13749条,其中市政府办公室公开10170条。各县(市、区)公开信息15170条。\n"
                + "市政府办公室截止2010年12月31日共受理依申请公开政府信息4件。"));
    }

    [Fact]
    public void A_figure_up_to_a_date_should_give_way_to_the_years()
    {
        // a20
        Assert.Equal(new Dictionary<string, decimal> { ["proactive.total"] = 470 },
            Prose("截至2020年12月31日,我局累计主动公开政府信息13866条。本年度主动公开政府信息470条。"));
    }

    [Theory]
    [InlineData("2022年,我局共收到公民、法人和其他组织通过各种渠道提出的政府信息公开申请共15件。", 15)] // a01
    [InlineData("2022年,区政府办公室共收到8份政府信息公开申请。", 8)] // a21
    [InlineData("2014年,我局收到12起政府信息依申请公开。", 12)] // c12
    [InlineData("2022年我区收到政府信息公开申请1,全年无投诉。", 1)] // b18
    [InlineData("受理答复政府信息公开申请28件,其中,行政复议1件、行政诉讼0件。", 28)] // e01
    [InlineData("2022年,共受理答覆政府信息公開申請12件,其中行政複議2件、行政訴訟1件。", 12)] // e02
    public void Applications_received_should_be_read_however_written(string sentence, decimal value) =>
        Assert.Equal(value, Prose(sentence)["applications.received"]);

    [Fact]
    public void Applications_that_include_last_years_should_not_be_the_years_received()
    {
        // b29
        Assert.Equal(new Dictionary<string, decimal> { ["applications.carried_over"] = 2 },
            Prose("2022年,我局共计办理政府信息公开申请数量74个(含结转办理2021年政府信息公开数量2个)。"));
    }

    [Fact]
    public void Received_and_closed_or_answered_in_one_phrase_should_give_both()
    {
        // b11, b17
        Assert.Equal(23, Prose("年内受理并办结依申请公开23件。")["applications.closed"]);
        Assert.Equal(19, Prose("管委会受理并按时回复政府信息依申请公开事项19项。")["applications.answers.total"]);
        // changsha-2018: cases of appeal closed are not applications closed.
        Assert.False(Prose("因政府信息公开引起的行政诉讼(复议)案件共39件,目前已办结32件。").ContainsKey("applications.closed"));
    }

    [Fact]
    public void Legacy_wording_should_read_the_answers()
    {
        // c20
        var read = Prose("在已经答复的9件申请中,“同意公开”的7件。\n“不予公开”的1件。\n“信息不存在”的1件。\n“非本机关政府信息”的1件。");
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["applications.answers.total"] = 9, ["applications.answers.agreed"] = 7, ["applications.answers.refused"] = 1,
            ["applications.answers.not_exist"] = 1, ["applications.answers.not_this_agency"] = 1,
        }, read);
    }

    [Fact]
    public void Legacy_prose_in_the_statistics_tables_words_should_read_the_applications_and_answers()
    {
        // e20: 「申请数为2」 is received; an answer counted in 「条」 after 「答复」, and by its reason.
        Assert.Equal(new Dictionary<string, decimal>
        {
            ["applications.received"] = 2, ["applications.by_channel.in_person"] = 2, ["applications.answers.agreed"] = 1, ["applications.answers.not_exist"] = 1,
        }, Prose("政府信息公开申请数为2,当面申请数为2条。同意公开答复1条,由于信息不存在否决公开答复1条。"));
        // b29: what was handled, with last year's, is not what was received.
        Assert.False(Prose("2022年,我局共计办理政府信息公开申请数量74个(含结转办理2021年政府信息公开数量2个)。").ContainsKey("applications.received"));
    }

    [Fact]
    public void Answers_followed_by_a_word_on_appeals_should_still_be_answers()
    {
        // e23
        Assert.Equal(13, Prose("2014年1月1日至12月31日,主动公开政府信息20条,受理政府信息公开申请13件,答复13件,未收到针对我办政府信息公开的行政复议。")["applications.answers.total"]);
    }

    [Fact]
    public void A_combined_outcome_should_not_be_split()
    {
        // a22
        Assert.Equal(new Dictionary<string, decimal> { ["applications.outcomes.withheld"] = 32 }, Prose("其中予以公开或部分公开59件、占45.3%;不予公开32件、占24.6%。"));
    }
}
