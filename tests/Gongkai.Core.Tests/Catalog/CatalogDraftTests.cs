using Gongkai.Core.Catalog;

namespace Gongkai.Core.Tests.Catalog;

/// <summary>The catalog metadata of the 实施指引: 内容概述 ≤ 100 字, 有效性 for 规章 and 规范性文件, 解读 linked to a policy.</summary>
public class CatalogDraftTests
{
    private static readonly DateOnly Today = new(2024, 6, 1);

    private static CatalogDraft Valid() => new()
    {
        Title = "青岚市人民政府关于印发某某管理办法的通知",
        FormedOn = new(2024, 5, 20),
        Theme = "综合政务\\其他",
        Genre = Genre.Notice,
        DocumentNumber = "青政发〔2024〕12号",
        Summary = "印发某某管理办法。",
    };

    [Fact]
    public void A_complete_notice_should_have_no_problems() => Assert.Empty(Valid().Problems(Today));

    [Fact]
    public void A_normative_document_without_effective_date_and_a_long_summary_should_be_refused()
    {
        var problems = (Valid() with { Genre = Genre.NormativeDocument, Summary = new string('字', 101), Theme = "不存在的分类" }).Problems(Today);
        Assert.Equal(["Summary", "Theme", "EffectiveOn"], problems.Select(p => p.Field));
    }

    [Fact]
    public void An_interpretation_should_name_its_policy_and_dates_should_be_in_order()
    {
        Assert.Equal(["InterpretsIndexNumber"], (Valid() with { Genre = Genre.Interpretation }).Problems(Today).Select(p => p.Field));
        var repealedFirst = Valid() with { Genre = Genre.Rule, EffectiveOn = new(2024, 6, 1), RepealedOn = new(2024, 5, 1) };
        Assert.Equal(["RepealedOn"], repealedFirst.Problems(Today).Select(p => p.Field));
        Assert.Equal(["FormedOn"], (Valid() with { FormedOn = new(2024, 6, 2) }).Problems(Today).Select(p => p.Field));
    }
}
