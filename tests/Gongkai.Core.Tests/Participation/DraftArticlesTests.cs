using Gongkai.Core.Participation;

namespace Gongkai.Core.Tests.Participation;

/// <summary>A draft is commented on by article: a line starting 「第X条」 opens one; the title and chapter headings before it are not articles.</summary>
public class DraftArticlesTests
{
    [Fact]
    public void A_draft_should_split_into_its_articles_numbered_as_written()
    {
        var draft = """
            青岚市公园管理办法（征求意见稿）
            第一章 总则
            第一条 为了加强公园管理，制定本办法。
            第二条 本办法适用于本市行政区域内的公园。
            前款所称公园，包括综合公园和专类公园。
            第十二条 违反本办法的，依法处理。
            第108条 本办法自公布之日起施行。
            """;
        var articles = DraftArticles.Of(draft);
        Assert.Equal([1, 2, 12, 108], articles.Select(a => a.Number));
        Assert.Equal("第二条", articles[1].Heading);
        Assert.Contains("前款所称公园", articles[1].Text);
        Assert.DoesNotContain("第一章", string.Concat(articles.Select(a => a.Text)));
    }

    [Theory]
    [InlineData("一百零八", 108)]
    [InlineData("十二", 12)]
    [InlineData("二十", 20)]
    [InlineData("12", 12)]
    public void Article_numbers_should_read_chinese_and_arabic_numerals(string text, int number) =>
        Assert.Equal(number, DraftArticles.Number(text));

    [Fact]
    public void A_draft_without_articles_should_have_none() =>
        Assert.Empty(DraftArticles.Of("关于调整公交线路的方案\n一、调整线路\n二、实施时间"));
}
