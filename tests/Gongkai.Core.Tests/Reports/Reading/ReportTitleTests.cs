using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

/// <summary>
/// The unit and year a report states for itself (issue 18), on openings taken from the corpus of real reports (the ID
/// after each case names it).
/// </summary>
public class ReportTitleTests
{
    [Theory]
    [InlineData("长沙市生态环境局2024年政府信息公开工作年度报告\n本报告按照…", "长沙市生态环境局", 2024)]          // a10
    [InlineData("2022年上海市政府信息公开工作年度报告\n字号:", "上海市", 2022)]                              // a02
    [InlineData("2013年壶镇镇人民政府信息公开年度报告\n索引号:", "壶镇镇人民政府", 2013)]                     // c07: 「政府」 shared by name and title
    [InlineData("高平市人民政府办公室\n2022年政府信息公开工作年度报告\n一、总体情况", "高平市人民政府办公室", 2022)]
    [InlineData("宿州市人民政府2016年\n政府信息公开工作年度报告\n宿州市人民政府办公室", "宿州市人民政府", 2016)]  // wrapped over two lines
    [InlineData("Page 9 - 威海市文登人民政府办公室2022年政府信息公开工作年度报告\nP. 9", "威海市文登人民政府办公室", 2022)] // d02: a PDF page
    [InlineData("根据《条例》,现向社会公布2021年石家庄市教育局政府信息公开工作年度报告。", "石家庄市教育局", 2021)]   // a05
    [InlineData("根据《条例》的要求,绍兴市越城区东湖街道特编制2023年政府信息公开年度报告。", "绍兴市越城区东湖街道", 2023)] // b30
    [InlineData("本年报是根据《条例》要求,由温州空港新区管委会编制的2017年度政府信息公开年度报告。", "温州空港新区管委会", 2017)] // c23
    [InlineData("根据《条例》规定,《2020年度如东县水务局信息公开工作年度报告》已经研究同意,现予公开", "如东县水务局", 2020)] // a19
    [InlineData("一、总体情况\n2020年,抚远市生态环境局认真贯彻落实《条例》", "抚远市生态环境局", 2020)]          // a09: the opening's subject
    [InlineData("中文名 | 武隆县人民政府2011年政府信息公开年度报告 | 发布单位 | 武隆县人民政府 |", "武隆县人民政府", 2011)] // c31
    [InlineData("自治区人民政府办公厅2022\n\n政府信息公开工作年度报告", "自治区人民政府办公厅", 2022)]                   // e06: no 「年」, wrapped
    [InlineData("西藏自治区审计厅2025年政务信息\n\n公开工作开展年度报告", "西藏自治区审计厅", 2025)]                        // e08
    [InlineData("道县文广新局2013年度信息公开工作\n年度报告\n一、主动公开政府信息的情况:", "道县文广新局", 2013)]            // e21
    [InlineData("本报告是根据《条例》要求,由北京市信访办编制的2014年度政府信息公开年度报告。", "北京市信访办", 2014)]          // e23
    [InlineData("首页 > 政务公开 > 政府信息公开年报 > 2021 > 街道办事处政府信息公开工作年度报告\n2021年迎宾路街道政府信息公开工作年度报告", "迎宾路街道", 2021)] // b10: a breadcrumb is no title
    public void The_unit_and_year_should_be_read_as_the_report_states_them(string opening, string unit, int year)
    {
        var read = ReportReader.Read(opening);
        Assert.Equal((unit, year), (read.Unit, read.Year));
    }

    [Theory]
    [InlineData("根据《条例》,现将我办2022年度政府信息公开情况报告如下:\n一、总体情况\n2022年,我办认真贯彻执行")]    // 「我办」 names no unit
    [InlineData("根据《条例》和省、市有关要求,365体育直播,365体育备用网址自然资源和规划局编制了2021年政府信息公开年度报告。")] // a13: a mirror's spam
    public void A_report_that_names_no_unit_should_have_none(string opening) =>
        Assert.Null(ReportReader.Read(opening).Unit);

    [Theory]
    [InlineData("廣州市人民政府\n2013年3月\n本年度報告中所列數據的統計期限為2012年1月1日起至2012年12月31日止。", 2012)] // c14: the date line is not the year
    [InlineData("Page 9 - 2020年报_审计局\nP. 9\n四、结转下年度继续办理 0 0 0 0 0 0 0", 2020)]             // b01: 「年报」
    [InlineData("本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。", 2020)]
    public void The_year_without_a_title_should_come_from_the_period_or_the_first_year_that_is_not_a_date(string opening, int year) =>
        Assert.Equal(year, ReportReader.Read(opening).Year);
}
