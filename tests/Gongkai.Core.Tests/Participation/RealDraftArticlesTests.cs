using Gongkai.Core.Participation;

namespace Gongkai.Core.Tests.Participation;

/// <summary>
/// Drafts as publishers put them on the web (Real/README.md) split into the articles the public comments on: every
/// 「第X条」 in order, whatever the spacing, bracketed article titles, chapter headings and tables of contents around them.
/// </summary>
public class RealDraftArticlesTests
{
    private static string Read(string file) =>
        string.Join('\n', File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Participation", "Real", file)).Skip(1));

    [Theory]
    [InlineData("xiamen-credit-draft.txt", 2)]
    [InlineData("hebei-weather-rule.txt", 6)]
    [InlineData("zhanjiang-ads-rule.txt", 4)]
    [InlineData("shenzhen-hearing-rule.txt", 2)]
    public void Every_article_of_a_real_draft_should_be_found_in_order(string file, int count)
    {
        var articles = DraftArticles.Of(Read(file));

        Assert.Equal(Enumerable.Range(1, count), articles.Select(a => a.Number));
        Assert.All(articles, a => Assert.StartsWith(a.Heading, a.Text));
    }

    [Theory]
    [InlineData("xiamen-credit-draft.txt")]
    [InlineData("hebei-weather-rule.txt")]
    [InlineData("shenzhen-hearing-rule.txt")]
    public void A_chapter_heading_should_not_be_read_as_part_of_the_article_before_it(string file)
    {
        var articles = DraftArticles.Of(Read(file) + "\n\n第二章 附  则\n\n第九十九条 本办法自发布之日起施行。");

        Assert.All(articles, a => Assert.DoesNotContain("第二章", a.Text));
        Assert.Equal(99, articles[^1].Number);
    }

    [Fact]
    public void An_article_should_keep_its_later_paragraphs_and_items()
    {
        var hebei = DraftArticles.Of(Read("hebei-weather-rule.txt"));
        Assert.Contains("发展改革、财政、公安", hebei.Single(a => a.Number == 4).Text);

        var zhanjiang = DraftArticles.Of(Read("zhanjiang-ads-rule.txt")).Single(a => a.Number == 3).Text.Split('\n');
        Assert.Equal(["（一）", "（二）", "（三）"], zhanjiang.Skip(1).Select(l => l.Replace('(', '（').Replace(')', '）')[..3]));
    }

    [Fact]
    public void A_bracketed_article_title_should_stay_with_its_article()
    {
        var first = DraftArticles.Of(Read("xiamen-credit-draft.txt"))[0];
        Assert.Equal("第一条", first.Heading);
        Assert.StartsWith("第一条(立法目的)为了规范社会信用管理", first.Text);
    }
}
