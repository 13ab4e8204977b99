using Gongkai.Core.Applications;

namespace Gongkai.Core.Tests.Applications;

/// <summary>The outcome taxonomy against table 三 of 国办公开办函〔2021〕30号: rows （一）–（六） and their sub-rows.</summary>
public class OutcomeTests
{
    [Fact]
    public void Every_outcome_should_feed_one_row_of_table_three_with_the_sub_rows_the_form_has()
    {
        var rows = Outcomes.All.GroupBy(o => o.Category).ToDictionary(g => g.Key, g => g.Select(o => o.Row).Distinct().Count());
        Assert.Equal(22, Enum.GetValues<Outcome>().Length);
        Assert.Equal(1, rows[OutcomeCategory.Disclosed]);          // （一） covers both 已主动公开 and 可以公开
        Assert.Equal(1, rows[OutcomeCategory.PartiallyDisclosed]);  // （二）
        Assert.Equal(8, rows[OutcomeCategory.Withheld]);            // （三）1–8
        Assert.Equal(3, rows[OutcomeCategory.CannotProvide]);       // （四）1–3
        Assert.Equal(5, rows[OutcomeCategory.NotProcessed]);        // （五）1–5
        Assert.Equal(3, rows[OutcomeCategory.Other]);               // （六）1–3
        Assert.Equal(Outcomes.All.Count(), Outcomes.All.Select(o => o.Key).Distinct().Count());
    }

    [Theory]
    [InlineData(Outcome.ThirdPartyRights, "（三）4", "第十五条")]
    [InlineData(Outcome.NeedsCreation, "（四）2", "第三十八条")]
    [InlineData(Outcome.ExcessiveApplications, "（五）4", "第三十五条")]
    [InlineData(Outcome.FeeUnpaid, "（六）2", "109号")]
    public void An_outcome_should_name_its_row_and_article(Outcome outcome, string row, string article)
    {
        Assert.Equal(row, outcome.Info().Row);
        Assert.Contains(article, outcome.Info().Basis);
    }
}
