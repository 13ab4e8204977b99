using Gongkai.Core.Catalog;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>How the catalog search reads what people type: words, quoted phrases, 文号 and 索引号.</summary>
public class SearchQueryTests
{
    [Fact]
    public void Words_and_a_quoted_phrase_should_all_be_required()
    {
        var (query, problem) = SearchQuery.Parse("老旧小区　改造 「资金安排」");
        Assert.Null(problem);
        Assert.Equal(["老旧小区", "改造"], query!.Terms);
        Assert.Equal(["资金安排"], query.Phrases);
    }

    [Theory]
    [InlineData("长政发〔2014〕9号", null, "长政发〔2014〕9号")]
    [InlineData("青政办发[2024]31号", null, "青政办发〔2024〕31号")]
    [InlineData("014416330/2018-04736", "014416330/2018-04736", null)]
    [InlineData("０１４４１６３３０/２０１８-０４７３６", "014416330/2018-04736", null)]   // full-width digits typed on a phone
    public void Document_and_index_numbers_should_be_looked_up_as_such(string typed, string? indexNumber, string? documentNumber)
    {
        var (query, _) = SearchQuery.Parse(typed);
        Assert.Equal((indexNumber, documentNumber), (query!.IndexNumber, query.DocumentNumber));
        Assert.Empty(query.Terms);
    }

    [Theory]
    [InlineData("", "请输入检索词")]
    [InlineData("— 。", "请输入检索词")]
    [InlineData("一一 二二 三三 四四 五五 六六 七七 八八 九九 十十 百百", "不能超过 10 个")]
    public void Queries_that_cannot_run_should_say_why(string typed, string reason) =>
        Assert.Contains(reason, SearchQuery.Parse(typed).Problem);

    [Fact]
    public void A_single_character_should_be_a_word_to_search()
    {
        var (query, problem) = SearchQuery.Parse("房 a");
        Assert.Null(problem);
        Assert.Equal(["房", "a"], query!.Terms);
    }
}
