using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

/// <summary>The ways a table comes flattened, each in a few lines.</summary>
public class TableLayoutTests
{
    private const string Title = "某区人民政府2021年政府信息公开工作年度报告\n";

    private const string Header = "自然人\t法人或其他组织\t总计\n\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\n";

    [Fact]
    public void A_label_split_from_its_numbers_should_take_the_next_row_of_numbers()
    {
        var read = ReportReader.Read(Title + Header + "一、本年新收政府信息公开申请数量\n10 2 0 0 1 0 13\n（一）予以公开\n8 2 0 0 1 0 11");
        Assert.Equal(10, read.Figures["t3.received.natural_person"]!.Value.Value);
        Assert.Equal(13, read.Figures["t3.received.total"]!.Value.Value);
        Assert.Equal(11, read.Figures["t3.outcomes.disclosed.total"]!.Value.Value);
    }

    [Theory]
    [InlineData("（一）予以公开")]
    [InlineData("(一)予以公开")]
    [InlineData("一、予以公开")]
    [InlineData("1.予以公开")]
    [InlineData("1、予以公开")]
    [InlineData("（一） 予 以 公 开")]
    public void Row_labels_should_match_whatever_their_numbering_and_spacing(string label)
    {
        var read = ReportReader.Read(Title + Header + $"{label}\t8\t2\t0\t0\t1\t0\t11");
        Assert.Equal(11, read.Figures["t3.outcomes.disclosed.total"]!.Value.Value);
    }

    [Fact]
    public void A_row_of_one_number_should_be_the_total_only_in_a_table_without_applicant_columns()
    {
        var simple = ReportReader.Read(Title + "申请人情况\t总计\n一、本年新收政府信息公开申请数量\t13");
        Assert.Equal(13, simple.Figures["t3.received.total"]!.Value.Value);
        Assert.Single(simple.Figures.Keys);

        var full = ReportReader.Read(Title + "自然人\n商业企业\n一、本年新收政府信息公开申请数量\n13\n二、上年结转政府信息公开申请数量\n1\n2\n三、本年度办理结果");
        Assert.Empty(full.Figures.Keys);
        Assert.Equal(2, full.Notes.Count);
    }

    [Fact]
    public void Figures_written_in_chinese_numerals_inside_a_table_should_be_read()
    {
        var read = ReportReader.Read(Title + "| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n" +
            "| 一、本年新收政府信息公开申请数量 | 十二 | 三 | 零 | 〇 | 零 | 零 | 十五 |\n| (一)予以公开 | 一百零五 | 两 | 零 | 零 | 零 | 零 | 一百零七 |");
        Assert.Equal(12, read.Figures["t3.received.natural_person"]!.Value.Value);
        Assert.Equal(15, read.Figures["t3.received.total"]!.Value.Value);
        Assert.Equal(0, read.Figures["t3.received.public_welfare"]!.Value.Value);
        Assert.Equal(107, read.Figures["t3.outcomes.disclosed.total"]!.Value.Value);
        Assert.Equal("一百零五", read.WrittenAs("t3.outcomes.disclosed.natural_person"));
    }

    [Fact]
    public void A_change_printed_with_a_doubled_minus_should_be_negative()
    {
        // Corpus e19: 「行政处罚 | 253 | --253 | 0 |」 a cell a line, the 2019 form's 本年增/减.
        var read = ReportReader.Read("某区某局2019年政府信息公开工作年度报告\n第二十条第(六)项 |\n信息内容 |\n上一年项目数量 |\n本年增/减 |\n处理决定数量 |\n行政处罚 |\n253 |\n--253 |\n0 |\n行政强制 |\n0 |\n0 |\n0 |");
        Assert.Equal(-253, read.Figures["t2.penalties.change"]!.Value.Value);
        Assert.Equal(0, read.Figures["t2.penalties.decisions"]!.Value.Value);
    }

    [Fact]
    public void A_text_cut_off_inside_a_row_should_give_that_rows_first_cells()
    {
        // Corpus a08: the excerpt stops after two cells of 「3.危及“三安全一稳定”」.
        var read = ReportReader.Read(Title + "申请人情况\n自然人\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计\n" +
            "一、本年新收政府信息公开申请数量\n3\n1\n0\n0\n0\n0\n4\n二、上年结转政府信息公开申请数量\n1\n2");
        Assert.Equal(1, read.Figures["t3.carried_over.natural_person"]!.Value.Value);
        Assert.Equal(2, read.Figures["t3.carried_over.commercial"]!.Value.Value);
        Assert.False(read.Figures.Has("t3.carried_over.total"));
    }

    [Fact]
    public void A_2021_report_printing_a_section_of_table_2_with_the_2019_columns_should_read_it_under_the_2019_keys()
    {
        // Corpus a08: 第二十条第(一)项 with 「本年新制作数量」…, the other sections with 「本年处理决定数量」.
        var read = ReportReader.Read("某区教育局2021年政府信息公开工作年度报告\n第二十条第(一)项\n信息内容\n本年新\n制作数量\n本年新\n公开数量\n对外公开总数量\n" +
            "规章\n0\n0\n0\n规范性文件\n2\n2\n9\n第二十条第(五)项\n信息内容\n本年处理决定数量\n行政许可\n5\n" +
            "第二十条第(八)项\n信息内容\n本年收费金额(单位:万元)\n行政事业性收费\n0\n三、收到和处理政府信息公开申请情况\n本年制发件数");
        Assert.Equal(ReportForm.Form2021, read.Form);
        Assert.Equal(9, read.Figures["t2.normative_documents.total_public"]!.Value.Value);
        Assert.Equal(5, read.Figures["t2.licensing.decisions"]!.Value.Value);
        Assert.False(read.Figures.Has("t2.normative_documents.issued"));
    }

    [Fact]
    public void Raw_html_with_numbering_in_its_own_cell_should_read()
    {
        const string html = "<p>某区人民政府2021年政府信息公开工作年度报告</p><table>" +
            "<tr><td colspan=\"2\">本列数据的勾稽关系</td><td>自然人</td><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>总计</td></tr>" +
            "<tr><td rowspan=\"9\">三、本年度办理结果</td><td>（三）不予公开</td><td>1.属于国家秘密</td><td>/</td><td>-</td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>1</td></tr>" +
            "<tr><td>（一）</td><td>予以公开</td><td>5</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>5</td></tr></table>";
        var read = ReportReader.Read(html);
        Assert.Equal(0, read.Figures["t3.outcomes.withheld.state_secret.natural_person"]!.Value.Value);
        Assert.False(read.Figures.Has("t3.outcomes.withheld.state_secret.research"));
        Assert.Equal(1, read.Figures["t3.outcomes.withheld.state_secret.total"]!.Value.Value);
        Assert.Equal(5, read.Figures["t3.outcomes.disclosed.total"]!.Value.Value);
    }

    [Fact]
    public void Labels_should_decide_the_form_when_they_disagree_with_the_year_and_say_so()
    {
        var read = ReportReader.Read("某局2021年政府信息公开工作年度报告\n第二十条第（一）项\n信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量\n规章 | 1 | 1 | 20\n复议后起诉");
        Assert.Equal(ReportForm.Form2019, read.Form);
        Assert.Equal(20, read.Figures["t2.rules.total_public"]!.Value.Value);
        Assert.Contains(read.Notes, n => n.Contains("按表格标签读取", StringComparison.Ordinal));
    }

    [Fact]
    public void Legacy_rows_should_read_past_their_unit_and_of_which_prefix()
    {
        var read = ReportReader.Read("某县2015年政府信息公开工作年度报告\n统计指标|单位|统计数\n七、依申请公开信息收取的费用|万元|1.5\n其中：主动公开规范性文件数|件|-\n四、行政复议数量\n3");
        Assert.Equal(ReportForm.Legacy, read.Form);
        Assert.Equal(1.5m, read.Figures["legacy.fees"]!.Value.Value);
        Assert.Equal(0, read.Figures["legacy.proactive.normative_documents"]!.Value.Value);
        Assert.Equal(3, read.Figures["legacy.reconsideration"]!.Value.Value);
    }

    [Fact]
    public void A_text_without_year_or_tables_should_read_as_the_2021_form_and_say_it_guessed()
    {
        var read = ReportReader.Read("本机关今年共收到申请约30件。");
        Assert.Equal((ReportForm.Form2021, null, null), (read.Form, read.Unit, read.Year));
        Assert.Equal(new Figure(30, Approximate: true), read.Figures["applications.received"]);
        Assert.Single(read.Notes);
    }
}
