using AngleSharp.Html.Parser;
using Gongkai.App.Search;

namespace Gongkai.Tests.Search;

/// <summary>
/// Search snippets (issue 13, finding 11): the words are marked in the text as it is, then encoded, so a query with
/// 「mark」, markup, an entity or quotes never breaks the snippet's HTML.
/// </summary>
public class SnippetTests
{
    [Theory]
    [InlineData("Use mark here, MARK there", new[] { "mark" }, "Use <mark>mark</mark> here, <mark>MARK</mark> there")]
    [InlineData("mark the market", new[] { "mark", "ark" }, "<mark>mark</mark> the <mark>mark</mark>et")]
    [InlineData("标签 <mark> 不是标记", new[] { "<mark>" }, "标签 <mark>&lt;mark&gt;</mark> 不是标记")]
    [InlineData("a <mark> b mark", new[] { "<mark>", "mark" }, "a <mark>&lt;mark&gt;</mark> b <mark>mark</mark>")]
    [InlineData("A&B 公司 &amp; 合作", new[] { "amp" }, "A&amp;B 公司 &amp;<mark>amp</mark>; 合作")]
    [InlineData("他写了 &amp; 符号", new[] { "&amp;" }, "他写了 <mark>&amp;amp;</mark> 符号")]
    [InlineData("他说\"公开\"和'透明'", new[] { "\"公开\"", "quot" }, "他说<mark>&quot;公开&quot;</mark>和&#39;透明&#39;")]
    [InlineData("x < y 且 lt 不是 &lt;", new[] { "lt", "gt" }, "x &lt; y 且 <mark>lt</mark> 不是 &amp;<mark>lt</mark>;")]
    public void Words_should_be_marked_in_the_text_and_never_in_its_markup(string text, string[] words, string expected)
    {
        var snippet = CatalogSearch.Snippet(text, words);
        Assert.Equal(expected, snippet);
        // As a browser reads it: the text unchanged, and each mark holds a word.
        var html = new HtmlParser().ParseFragment(snippet, new HtmlParser().ParseDocument("").Body!);
        Assert.Equal(text, string.Concat(html.Select(n => n.TextContent)));
        Assert.All(html.OfType<AngleSharp.Dom.IElement>(), e =>
        {
            Assert.Equal("MARK", e.TagName);
            Assert.Contains(words, w => e.TextContent.Contains(w, StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public void A_long_text_should_be_cut_around_the_first_match_with_ellipses()
    {
        var text = new string('甲', 100) + "mark" + new string('乙', 200);
        var snippet = CatalogSearch.Snippet(text, ["mark"]);
        Assert.Equal("…" + new string('甲', 40) + "<mark>mark</mark>" + new string('乙', 76) + "…", snippet);
    }

    [Fact]
    public void Paragraphs_run_together_in_a_snippet_should_not_leave_a_space_inside_chinese_text()
    {
        // A body's paragraphs become one line of text: 「安排。」 and 「鹿鸣县」 were two paragraphs (issue 17, Reading).
        var snippet = CatalogSearch.Snippet("做好资金安排。 \n 鹿鸣县 2026 年安排 300 万元", ["鹿鸣县"]);
        Assert.Equal("做好资金安排。<mark>鹿鸣县</mark> 2026 年安排 300 万元", snippet);
    }
}
