using Gongkai.Core.Catalog;

namespace Gongkai.Tests.Catalog;

/// <summary>Reading layout of a document's text: line breaks inside Chinese text, and the right-aligned signature and date.</summary>
public class OfficialTextLayoutTests
{
    // Short excerpts of published government documents, paragraph by paragraph as the portals show them (the cover
    // notice of a 印发 document: addressees, the sending sentence, the organ(s), the date, then the document itself).

    /// <summary>东阳市人民政府办公室, 2023-03-21, http://www.dongyang.gov.cn/art/2023/3/21/art_1229692327_59603057.html</summary>
    private static readonly string[] Dongyang =
    [
        "各镇、乡人民政府，各街道办事处，市政府各部门：",
        "《东阳市促进残疾人就业行动实施方案（2023—2025年）》已经市政府同意，现印发你们，请结合实际认真贯彻落实。",
        "东阳市人民政府办公室",
        "2023年3月13日",
        "（此件公开发布）",
        "东阳市促进残疾人就业行动实施方案（2023—2025年）",
    ];

    /// <summary>北京市人民政府办公厅, 京政办发〔2016〕26号, as reprinted at https://0798ci.com/policy/70942.html</summary>
    private static readonly string[] Beijing =
    [
        "各区人民政府，市政府各委、办、局，各市属机构：",
        "《北京市2016年政务公开工作要点》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。",
        "北京市人民政府办公厅",
        "2016年5月28日",
        "2016年是全面建成小康社会决胜阶段的开局之年，也是推进结构性改革的攻坚之年。",
    ];

    /// <summary>岳办发〔2017〕2号 (two issuing organs), https://pingjiang.gov.cn/35048/40718/40820/40821/content_1202379.html</summary>
    private static readonly string[] Yueyang =
    [
        "《关于全面推进政务公开工作的实施意见》已经市委、市人民政府同意，现印发给你们，请结合实际认真贯彻执行。",
        "中共岳阳市委办公室",
        "岳阳市人民政府办公室",
        "2017年1月10日",
        "关于全面推进政务公开工作的实施意见",
        "一、把握总体要求，明确工作目标",
    ];

    [Fact]
    public void The_organ_and_date_of_a_published_notice_should_be_its_closing_lines()
    {
        Assert.Equal([2, 3], OfficialTextLayout.ClosingLines(Dongyang));
        // A paragraph that opens with a year is text, not a date line.
        Assert.Equal([2, 3], OfficialTextLayout.ClosingLines(Beijing));
        // A joint document: both organs above the date.
        Assert.Equal([1, 2, 3], OfficialTextLayout.ClosingLines(Yueyang));
    }

    [Fact]
    public void The_addressee_of_a_published_notice_should_be_its_first_line_only()
    {
        Assert.Equal(0, OfficialTextLayout.Addressee(Dongyang));
        Assert.Equal(0, OfficialTextLayout.Addressee(Beijing));
        // Yueyang's excerpt opens with the sending sentence: a full stop, no addressee.
        Assert.Equal(-1, OfficialTextLayout.Addressee(Yueyang));
        Assert.Equal(-1, OfficialTextLayout.Addressee(["为进一步做好有关工作，现就有关事项通知如下：", "各区县人民政府："]));
        Assert.Equal(-1, OfficialTextLayout.Addressee([]));
    }

    [Fact]
    public void A_text_without_a_date_line_should_have_no_closing_lines()
    {
        Assert.Empty(OfficialTextLayout.ClosingLines(["关于全面推进政务公开工作的实施意见", "一、把握总体要求，明确工作目标", "青岚市人民政府"]));
        Assert.Empty(OfficialTextLayout.ClosingLines([]));
    }

    [Theory]
    [InlineData("2024年5月6日", true)]
    [InlineData(" 2024年12月31日 ", true)]
    [InlineData("二〇二四年五月六日", true)]
    [InlineData("二〇二四年十二月三十一日", true)]
    [InlineData("２０２４年５月６日", true)]
    [InlineData("（2024年5月6日）", true)]
    [InlineData("2024年5月6日起施行。", false)]
    [InlineData("2016年是全面建成小康社会决胜阶段的开局之年", false)]
    [InlineData("2024年5月", false)]
    public void A_date_line_should_be_a_date_alone(string paragraph, bool isDate) =>
        Assert.Equal(isDate, OfficialTextLayout.IsDateLine(paragraph));

    [Theory]
    [InlineData("青岚市映月区望湖街道办事处", true)]
    [InlineData("鹿鸣县石门乡人民政府", true)]
    [InlineData("青岚市生态环境局", true)]
    [InlineData("一、把握总体要求，明确工作目标", false)]
    [InlineData("（此件公开发布）", false)]
    [InlineData("特此公告。", false)]
    [InlineData("关于全面推进政务公开工作的实施意见", false)]
    public void An_organ_line_should_be_a_name_alone(string paragraph, bool isOrgan) =>
        Assert.Equal(isOrgan, OfficialTextLayout.IsOrganLine(paragraph));

    [Theory]
    [InlineData("保障公民获取政府信息。\n公民、法人", "保障公民获取政府信息。公民、法人")]
    [InlineData("行政机关应当\r\n  主动公开", "行政机关应当主动公开")]
    [InlineData("《条例》\n第二十条", "《条例》第二十条")]
    [InlineData("“五公开”\n要求", "“五公开”要求")]
    // A paragraph break (a blank line) is kept; next to Latin letters or digits a break is a space and stays one.
    [InlineData("第一段。\n\n第二段。", "第一段。\n\n第二段。")]
    [InlineData("共 24 个\n单位", "共 24 个单位")]
    [InlineData("共计\n24 个", "共计\n24 个")]
    [InlineData("see the\nrules", "see the\nrules")]
    public void A_line_break_inside_chinese_text_should_be_removed(string text, string expected) =>
        Assert.Equal(expected, OfficialTextLayout.JoinLineBreaks(text));

    [Theory]
    [InlineData("政府信息。 公民", "政府信息。公民")]
    [InlineData("安排。\n\n 鹿鸣县", "安排。鹿鸣县")]
    [InlineData("共计 24 个", "共计 24 个")]
    [InlineData("see the rules", "see the rules")]
    public void Spaces_inside_chinese_text_run_together_should_be_removed(string text, string expected) =>
        Assert.Equal(expected, OfficialTextLayout.JoinSpacesInsideChinese(text));
}
