using Gongkai.App.Catalog;

namespace Gongkai.Tests.Catalog;

/// <summary>A stored body as the item page shows it: no stray spaces from line breaks, the signature and date marked.</summary>
public class CatalogBodyReadingTests
{
    [Fact]
    public void A_body_should_lose_its_line_breaks_inside_chinese_text_and_mark_its_closing_lines()
    {
        var stored = "<p>各区县人民政府，市政府各部门：</p><p>为保障公民获取政府信息。\n公民、法人可以申请。</p><p>青岚市人民政府办公室</p><p>2024年5月6日</p><p>（此件公开发布）</p>";

        var shown = CatalogBodyHtml.ForReading(stored);

        Assert.Equal("<p class=\"addressee\">各区县人民政府，市政府各部门：</p><p>为保障公民获取政府信息。公民、法人可以申请。</p><p class=\"closing\">青岚市人民政府办公室</p>"
            + "<p class=\"closing\">2024年5月6日</p><p>（此件公开发布）</p>", shown);
    }

    [Fact]
    public void Preformatted_text_and_a_class_already_there_should_be_kept()
    {
        var shown = CatalogBodyHtml.ForReading("<pre>第一行\n第二行</pre><p class=\"align-right\">青岚市财政局</p><p>2024年5月6日</p>");

        Assert.Equal("<pre>第一行\n第二行</pre><p class=\"align-right closing\">青岚市财政局</p><p class=\"closing\">2024年5月6日</p>", shown);
    }
}
