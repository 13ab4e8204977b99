using Gongkai.Core.Catalog;

namespace Gongkai.Tests.Catalog;

/// <summary>法定主动公开内容: 《政府信息公开条例》第二十条's fifteen items and where the catalog keeps each.</summary>
public class StatutoryDisclosureTests
{
    [Fact]
    public void Article_20_第二十条_should_list_its_fifteen_items_in_order_with_their_chinese_numerals()
    {
        var items = StatutoryDisclosure.Article20;

        Assert.Equal(Enumerable.Range(1, 15), items.Select(i => i.Number));
        Assert.Equal(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"], items.Select(i => i.Numeral));
        Assert.Equal("行政法规、规章和规范性文件", items[0].Text);
        Assert.Equal("财政预算、决算信息", items[6].Text);
        Assert.Equal("法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息", items[14].Text);
    }

    [Fact]
    public void Every_topic_of_第二十条_should_lead_to_exactly_one_place_and_name_only_real_themes()
    {
        foreach (var item in StatutoryDisclosure.Article20)
        {
            Assert.NotEmpty(item.Topics);
            foreach (var topic in item.Topics)
            {
                var targets = new object?[] { topic.Genre, topic.Theme, topic.Query, topic.Page }.Count(t => t is not null);
                Assert.True(targets == 1, $"（{item.Numeral}）{topic.Label}: {targets} targets");
                if (topic.Theme is { } theme)
                    Assert.True(CatalogTerms.IsTheme(theme), $"（{item.Numeral}）{topic.Label}: {theme} is not a 主题分类");
            }
        }
    }

    [Fact]
    public void A_catalog_item_should_fall_under_the_items_of_第二十条_its_genre_and_theme_name()
    {
        static IEnumerable<string> Of(Genre genre, string theme) => StatutoryDisclosure.ItemsFor(genre, theme).Select(i => i.Numeral);

        Assert.Equal(["一"], Of(Genre.Rule, "综合政务\\其他"));
        Assert.Equal(["一"], Of(Genre.NormativeDocument, "综合政务\\其他"));
        Assert.Equal(["七"], Of(Genre.Notice, "财政、金融、审计\\财政"));
        Assert.Equal(["三"], Of(Genre.Plan, "国民经济管理、国有资产监管\\国有资产监管"));
        Assert.Equal(["一", "十一"], Of(Genre.NormativeDocument, "科技、教育\\教育"));
        // A first-level topic (就业: 劳动、人事、监察) takes its second levels; a prefix that is not a level does not count.
        Assert.Equal(["十一"], Of(Genre.Notice, "劳动、人事、监察\\劳动就业"));
        Assert.Empty(Of(Genre.Notice, "财政、金融、审计\\财政补贴"));
        Assert.Empty(Of(Genre.Announcement, "综合政务\\其他"));
    }
}
