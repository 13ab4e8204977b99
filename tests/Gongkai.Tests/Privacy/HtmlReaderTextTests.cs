using Gongkai.App.Privacy;
using Gongkai.Core.Privacy;

namespace Gongkai.Tests.Privacy;

/// <summary>
/// The screen reads an HTML body as its reader sees it (issue 13 §3): markup between digits hides nothing, blocks and
/// table cells are never joined, and attributes are read too. Numbers constructed for their check digits.
/// </summary>
public class HtmlReaderTextTests
{
    private static IReadOnlyList<PersonalDataHit> Screen(string html) => PersonalDataScreen.Find(HtmlReaderText.TextOf(html));

    [Theory]
    [InlineData("<p><b>110105</b>19491231002X</p>", PersonalDataKind.ResidentIdNumber)]
    [InlineData("<p>110105<span></span>19491231002X</p>", PersonalDataKind.ResidentIdNumber)]
    [InlineData("<p>1101<span class=\"x\"><em>05</em></span>1949<a href=\"#\">1231</a>002X</p>", PersonalDataKind.ResidentIdNumber)]
    [InlineData("<p>110105&#8203;19491231&zwj;002X</p>", PersonalDataKind.ResidentIdNumber)]
    [InlineData("<p>110105 19491231 002X</p>", PersonalDataKind.ResidentIdNumber)]
    [InlineData("<p>110105&nbsp;19491231&nbsp;002X</p>", PersonalDataKind.ResidentIdNumber)]
    [InlineData("<p>139<i></i>12345678</p>", PersonalDataKind.MobileNumber)]
    [InlineData("<p>139\n        1234\n        5678</p>", PersonalDataKind.MobileNumber)]   // source indentation shows as one space
    [InlineData("<p>139<wbr>1234<wbr>5678</p>", PersonalDataKind.MobileNumber)]
    [InlineData("<p>139<img src=\"/xxgk/attachments/x\">12345678</p>", PersonalDataKind.MobileNumber)]
    [InlineData("<p>zhang<b>san</b>@example.gov.cn</p>", PersonalDataKind.EmailAddress)]
    public void Markup_inside_a_number_should_not_hide_it(string html, PersonalDataKind kind) =>
        Assert.Equal(kind, Assert.Single(Screen(html)).Kind);

    [Theory]
    [InlineData("<p><abbr title=\"11010519491231002X\">张某</abbr></p>", PersonalDataKind.ResidentIdNumber)]
    [InlineData("<p><img src=\"/xxgk/attachments/x\" alt=\"张某 13912345678\"></p>", PersonalDataKind.MobileNumber)]
    [InlineData("<p><a href=\"tel:139-1234-5678\">联系我们</a></p>", PersonalDataKind.MobileNumber)]
    [InlineData("<p><a href=\"https://example.gov.cn/query?sfz=11010519491231002X\">查询</a></p>", PersonalDataKind.ResidentIdNumber)]
    [InlineData("<p><a href=\"https://example.gov.cn/q?m=%31%33%39%31%32%33%34%35%36%37%38\">查询</a></p>", PersonalDataKind.MobileNumber)]
    [InlineData("<p><a href=\"mailto:zhangsan@example.gov.cn\">来信</a></p>", PersonalDataKind.EmailAddress)]
    [InlineData("<p>正文<!-- 11010519491231002X --></p>", PersonalDataKind.ResidentIdNumber)]
    public void A_number_in_an_attribute_or_comment_should_be_found(string html, PersonalDataKind kind) =>
        Assert.Equal(kind, Assert.Single(Screen(html)).Kind);

    [Theory]
    [InlineData("<p>110105</p><p>19491231002X</p>")]
    [InlineData("<table><tr><td>139</td><td>12345678</td></tr></table>")]
    [InlineData("<table><tr><td>110105</td><td>19491231</td><td>002X</td></tr></table>")]
    [InlineData("<ul><li>139</li><li>1234</li><li>5678</li></ul>")]
    [InlineData("<p>139<br>12345678</p>")]
    [InlineData("<h2>2019</h2><p>0101</p>")]
    [InlineData("<p>自<b>2019</b>年<b>1</b>月<b>1</b>日至<b>2019</b>年<b>12</b>月<b>31</b>日，合计<b>1 234 567.89</b>元。</p>")]
    public void Blocks_cells_and_lines_should_never_be_joined(string html) =>
        Assert.Empty(Screen(html));

    [Fact]
    public void Masking_should_hide_each_hit_where_it_stands_and_keep_the_markup()
    {
        const string html = "<p>身份证号<b>110105</b>19491231002X，<abbr title=\"139 1234 5678\">电话</abbr></p><table><tbody><tr><td>2024</td><td>12</td></tr></tbody></table>";

        Assert.Equal(
            "<p>身份证号<b>110105</b>********002X，<abbr title=\"139 **** 5678\">电话</abbr></p><table><tbody><tr><td>2024</td><td>12</td></tr></tbody></table>",
            HtmlReaderText.Mask(html));
    }

    [Fact]
    public void Masking_an_encoded_address_should_leave_no_number_in_it()
    {
        var masked = HtmlReaderText.Mask("<p><a href=\"https://example.gov.cn/q?m=%31%33%39%31%32%33%34%35%36%37%38\">查询</a></p>");

        Assert.Empty(Screen(masked));
        Assert.Contains("139****5678", masked);
    }

    [Fact]
    public void A_body_without_personal_data_should_come_back_as_it_was()
    {
        const string html = "<p>各区县人民政府：</p><p>电话：0731-12345678</p>";
        Assert.Same(html, HtmlReaderText.Mask(html));
    }
}
