using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

public class ReportTextTests
{
    [Theory]
    [InlineData("報(bào)告", "报告")]
    [InlineData("报（bào）告", "报告")]
    [InlineData("申(shen1)請", "申请")]
    [InlineData("政府資訊公開", "政府信息公开")]
    [InlineData("行政複議和行政訴訟", "行政复议和行政诉讼")]
    [InlineData("總數１２３條", "总数123条")]
    [InlineData("（一）予以公开", "(一)予以公开")]
    [InlineData("予以\u200b公开\uFEFF", "予以公开")]
    [InlineData("共&nbsp;&nbsp;15件", "共 15件")]
    [InlineData("申请人情況", "申请人情况")]
    [InlineData("移动APP(APP)", "移动APP(APP)")]
    [InlineData("机关处理", "机关处理")]
    public void Normalize_should_give_simplified_ascii_digits_without_noise(string raw, string expected) =>
        Assert.Equal(expected, ReportText.Normalize(raw));

    [Fact]
    public void Normalize_should_keep_lines_and_tabs_and_mark_space_only_lines_as_blank_cells()
    {
        Assert.Equal("规章\t5\t\t12\n \n一 二", ReportText.Normalize("规章 \t5\t\t12\r\n \u3000 \r\n一   二  "));
        Assert.Equal("", ReportText.Normalize(null));
    }

    [Fact]
    public void Html_should_become_a_line_per_row_and_a_tab_per_cell()
    {
        const string html = "<table><tr><td><p>（一）</p><p>予以公开</p></td><td>80</td><td>&nbsp;</td></tr>" +
            "<tr><th>规章</th><td>2</td></tr></table><script>var s = '<td>9</td>';</script><!-- <td>7</td> -->";
        var lines = ReportText.Normalize(html).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["\t(一) 予以公开\t80\t", "\t规章\t2"], lines);
    }

    [Fact]
    public void The_traditional_table_should_cover_the_report_vocabulary()
    {
        Assert.True(TraditionalChinese.Count > 400);
        Assert.Equal("政府信息公开工作年度报告申请数条总处复议诉讼结开机关", ReportText.Normalize("政府資訊公開工作年度報告申請數條總處複議訴訟結開機關"));
    }

    [Theory]
    [InlineData("全 年 新 收 政 府 信 息 公 开 申 请 9 件", "全年新收政府信息公开申请 9 件")]   // a PDF's justified line
    [InlineData("行政复议 行政诉讼", "行政复议 行政诉讼")]                                        // two headers stay apart
    [InlineData("主动公开政府信息数 条 5230", "主动公开政府信息数 条 5230")]                      // a label, its unit, its figure
    public void Letter_spaced_chinese_should_be_joined_and_nothing_else(string text, string normalized) =>
        Assert.Equal(normalized, ReportText.Normalize(text));
}
