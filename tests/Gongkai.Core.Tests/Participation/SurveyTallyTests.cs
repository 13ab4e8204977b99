using Gongkai.Core.Participation;

namespace Gongkai.Core.Tests.Participation;

/// <summary>调查结果 (issue 15: results published as counts): each option's count, and its share of those who answered the question.</summary>
public class SurveyTallyTests
{
    [Fact]
    public void A_single_choice_question_should_count_each_option_and_give_shares_to_one_decimal()
    {
        var tally = ChoiceTally.Of(3, [[0], [0], [1], []]);
        Assert.Equal(3, tally.Respondents);   // the response without a choice did not answer the question
        Assert.Equal([2, 1, 0], tally.Counts);
        Assert.Equal(66.7m, tally.Percent(0));
        Assert.Equal(33.3m, tally.Percent(1));
        Assert.Equal(0m, tally.Percent(2));
    }

    [Fact]
    public void A_multiple_choice_question_should_count_each_respondent_once_per_option_with_shares_over_a_hundred_in_sum()
    {
        var tally = ChoiceTally.Of(2, [[0, 1], [1, 1], [1, 5]]);
        Assert.Equal(3, tally.Respondents);
        Assert.Equal([1, 3], tally.Counts);   // an option chosen twice in one answer counts once; one that does not exist not at all
        Assert.Equal(33.3m, tally.Percent(0));
        Assert.Equal(100m, tally.Percent(1));   // of those who answered: the shares add up to more than 100%
    }

    [Fact]
    public void A_share_should_round_half_away_from_zero_and_be_nought_when_nobody_answered()
    {
        Assert.Equal(12.5m, SurveyTally.Percent(1, 8));
        Assert.Equal(0.1m, SurveyTally.Percent(1, 2000));   // 0.05 rounds up
        Assert.Equal(0m, SurveyTally.Percent(0, 0));
    }
}
