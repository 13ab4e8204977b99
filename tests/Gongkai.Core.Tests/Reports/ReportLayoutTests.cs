using Gongkai.Core.Applications;
using Gongkai.Core.Reports;

namespace Gongkai.Core.Tests.Reports;

/// <summary>The layouts against the national forms as domain §5 quotes them: labels, numbering, nesting, keys.</summary>
public class ReportLayoutTests
{
    private static ReportTable Table3(ReportForm form) => ReportLayouts.For(form).Table(ReportKeys.Table3);

    [Fact]
    public void Table_three_of_2021_should_print_every_row_label_of_the_national_form_in_order()
    {
        // Domain §5, table 三 rows of 国办公开办函〔2021〕30号.
        string[] expected =
        [
            "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "三、本年度办理结果",
            "（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "（三）不予公开", "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
            "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
            "（四）无法提供", "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
            "（五）不予处理", "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
            "5.要求行政机关确认或重新出具已获取信息",
            "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
            "（七）总计", "四、结转下年度继续办理",
        ];
        Assert.Equal(expected, Table3(ReportForm.Form2021).AllRows.Select(r => r.Label));
    }

    [Fact]
    public void Table_three_should_nest_withheld_under_its_heading_and_other_only_in_2021()
    {
        var withheld = Table3(ReportForm.Form2021).Row("outcomes.withheld");
        Assert.False(withheld.HasCells);                        // （三）不予公开 spans its sub-rows 1–8
        Assert.Equal(8, withheld.Children.Count);
        Assert.Equal("t3.outcomes.withheld.state_secret.natural_person", ReportKeys.Table3Cell(withheld.Children[0].Key, "natural_person"));
        Assert.Equal(3, Table3(ReportForm.Form2021).Row("outcomes.other").Children.Count);  // 2021 （六）1–3
        var other2019 = Table3(ReportForm.Form2019).Row("outcomes.other");                 // 2019 （六）其他处理 is one row
        Assert.True(other2019.HasCells);
        Assert.Empty(other2019.Children);
        Assert.Equal(25, Table3(ReportForm.Form2021).AllRows.Count(r => r.HasCells));  // 一 二 （一）（二） 8 + 3 + 5 + 3 （七） 四
        Assert.Equal(23, Table3(ReportForm.Form2019).AllRows.Count(r => r.HasCells));  // 一 二 （一）（二） 8 + 3 + 5 + 1 （七） 四
    }

    [Fact]
    public void Table_three_columns_should_group_the_five_organisations_under_one_header()
    {
        var table = Table3(ReportForm.Form2021);
        Assert.Equal("申请人情况", table.ColumnCaption);
        Assert.Equal(["自然人", "法人或其他组织", "总计"], table.Columns.Select(c => c.Label));
        Assert.Equal(["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"], table.Columns[1].Children.Select(c => c.Label));
        Assert.Equal(ReportKeys.Table3Columns, table.LeafColumns.Select(c => c.Key));
        Assert.Contains("第一项加第二项之和，等于第三项加第四项之和", table.Corner);
    }

    [Fact]
    public void Every_outcome_and_applicant_kind_should_land_in_a_cell_of_both_national_forms()
    {
        foreach (var form in new[] { ReportForm.Form2021, ReportForm.Form2019 })
        {
            var layout = ReportLayouts.For(form);
            foreach (var outcome in Enum.GetValues<Outcome>())
                foreach (var kind in Enum.GetValues<ApplicantKind>())
                    Assert.NotNull(layout.Cell(ReportKeys.Table3Cell(outcome.Table3Row(form), kind.Column())));
        }
        Assert.Equal("outcomes.disclosed", Outcome.AlreadyPublic.Table3Row(ReportForm.Form2021));  // both count in （一）
        Assert.Equal("outcomes.disclosed", Outcome.Provided.Table3Row(ReportForm.Form2021));
        Assert.Equal("outcomes.withheld.third_party_rights", Outcome.ThirdPartyRights.Table3Row(ReportForm.Form2021));
        Assert.Equal("outcomes.other.fee_unpaid", Outcome.FeeUnpaid.Table3Row(ReportForm.Form2021));
        Assert.Equal("outcomes.other", Outcome.FeeUnpaid.Table3Row(ReportForm.Form2019));
    }

    [Fact]
    public void Table_two_should_ask_the_2021_questions_in_2021_and_the_2019_ones_before()
    {
        // Domain §5: 2021 （一）项 本年制发件数 · 本年废止件数 · 现行有效件数; 2019 本年新制作数量 · 本年新公开数量 · 对外公开总数量.
        var t2021 = ReportLayouts.Form2021.Tables.Where(t => t.KeyPrefix == ReportKeys.Table2).ToList();
        Assert.Equal(["第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项"], t2021.Select(t => t.Caption));
        Assert.Equal(["本年制发件数", "本年废止件数", "现行有效件数"], t2021[0].Columns.Select(c => c.Label));
        Assert.Equal(["规章", "行政规范性文件"], t2021[0].Rows.Select(r => r.Label));
        Assert.Equal(["行政处罚", "行政强制"], t2021[2].Rows.Select(r => r.Label));
        Assert.Equal("本年收费金额（单位：万元）", t2021[3].Columns.Single().Label);
        Assert.All(t2021, t => Assert.Equal("信息内容", t.Corner));

        var t2019 = ReportLayouts.Form2019.Tables.Where(t => t.KeyPrefix == ReportKeys.Table2).ToList();
        Assert.Equal(5, t2019.Count);                                                     // plus （九）项 政府集中采购
        Assert.Equal(["本年新制作数量", "本年新公开数量", "对外公开总数量"], t2019[0].Columns.Select(c => c.Label));
        Assert.Equal(["规章", "规范性文件"], t2019[0].Rows.Select(r => r.Label));
        Assert.Equal(["行政许可", "其他对外管理服务事项"], t2019[1].Rows.Select(r => r.Label));
        Assert.Equal(["上一年项目数量", "本年增/减", "处理决定数量"], t2019[1].Columns.Select(c => c.Label));
        Assert.Equal(["采购项目数量", "采购总金额"], t2019[4].Columns.Select(c => c.Label));
        Assert.NotNull(ReportLayouts.Form2021.Cell("t2.rules.in_force"));
        Assert.NotNull(ReportLayouts.Form2019.Cell("t2.licensing.change"));
    }

    [Fact]
    public void Table_four_should_have_fifteen_cells_in_three_groups()
    {
        var cells = ReportLayouts.Form2021.Table(ReportKeys.Table4).Cells.Select(c => c.Key).ToList();
        Assert.Equal(15, cells.Count);
        Assert.Equal("t4.reconsideration.upheld", cells[0]);
        Assert.Equal("t4.litigation.after_reconsideration.total", cells[^1]);
        Assert.Equal(
            ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
            ReportLayouts.Form2021.Table(ReportKeys.Table4).Columns[1].Children[0].Children.Select(c => c.Label));
    }

    [Fact]
    public void The_legacy_table_should_have_blocks_one_to_nine_with_units()
    {
        var table = ReportLayouts.Legacy.Tables.Single();
        Assert.Equal(
            ["一、主动公开情况", "二、回应解读情况", "三、依申请公开情况", "四、行政复议数量", "五、行政诉讼数量", "六、举报投诉数量",
             "七、依申请公开信息收取的费用", "八、机构建设和保障经费情况", "九、政府信息公开会议和培训情况"],
            table.Rows.Select(r => r.Label));
        Assert.True(table.Row("reconsideration").HasCells);        // 四、行政复议数量 holds the total and has （一）–（三）
        Assert.Equal(6, table.Row("applications.answers.refused").Children.Count);
        Assert.Equal("万元", table.Row("capacity.budget").Unit);
        Assert.Equal("人次", table.Row("training.trainees").Unit);
        Assert.Equal(58, ReportLayouts.Legacy.Cells.Count());
    }

    [Fact]
    public void A_message_should_name_a_cell_by_its_printed_labels()
    {
        Assert.Equal("表三「（三）不予公开 4.保护第三方合法权益」「法人或其他组织 商业企业」",
            ReportLayouts.Form2021.Describe("t3.outcomes.withheld.third_party_rights.commercial"));
        Assert.Equal("表四「行政诉讼 复议后起诉 尚未审结」", ReportLayouts.Form2021.Describe("t4.litigation.after_reconsideration.pending"));
        Assert.Equal("表二「行政许可」「本年处理决定数量」", ReportLayouts.Form2021.Describe("t2.licensing.decisions"));
        Assert.Equal("统计表「四、行政复议数量」", ReportLayouts.Legacy.Describe("legacy.reconsideration"));
        Assert.Equal("applications.received", ReportLayouts.Legacy.Describe("applications.received"));
    }
}
