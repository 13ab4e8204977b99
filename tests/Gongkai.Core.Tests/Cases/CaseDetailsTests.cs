using Gongkai.Core.Cases;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Cases;

/// <summary>What a recorded case must hold (domain §4): number, reviewing body or court, dates in order, a result once decided.</summary>
public class CaseDetailsTests
{
    private static readonly DateOnly Today = D("2024-06-01");

    private static CaseDetails Valid() => new()
    {
        Kind = CaseKind.DirectSuit,
        CaseNumber = "（2024）青0102行初45号",
        ReviewingBody = "青岚市映月区人民法院",
        FiledOn = D("2024-03-04"),
    };

    private static IEnumerable<string> Fields(CaseDetails details) => details.Problems(Today).Select(p => p.Field);

    [Fact]
    public void A_pending_suit_and_a_decided_one_should_have_no_problems()
    {
        Assert.Empty(Valid().Problems(Today));
        Assert.Empty((Valid() with { DecidedOn = D("2024-05-20"), Result = CaseResult.Corrected }).Problems(Today));
    }

    [Fact]
    public void A_decision_before_the_filing_should_be_refused_in_chinese()
    {
        var problems = (Valid() with { DecidedOn = D("2024-03-01"), Result = CaseResult.Upheld }).Problems(Today);
        Assert.Equal(("DecidedOn", "审结日期不能早于立案日期。"), Assert.Single(problems));
    }

    [Fact]
    public void A_suit_without_court_or_number_should_name_both_fields()
    {
        var problems = (Valid() with { ReviewingBody = " ", CaseNumber = "" }).Problems(Today);
        Assert.Equal(["CaseNumber", "ReviewingBody"], problems.Select(p => p.Field));
        Assert.Contains("请填写受理法院", problems[1].Message);
        Assert.Contains("请填写行政复议机关", (Valid() with { Kind = CaseKind.Reconsideration, ReviewingBody = "" }).Problems(Today).Single().Message);
    }

    [Fact]
    public void A_result_needs_a_decision_date_and_a_decision_date_needs_a_result()
    {
        Assert.Equal(["DecidedOn"], Fields(Valid() with { Result = CaseResult.Upheld }));
        Assert.Equal(["Result"], Fields(Valid() with { DecidedOn = D("2024-05-20") }));
        Assert.Equal(["DecidedOn"], Fields(Valid() with { DecidedOn = D("2024-06-02"), Result = CaseResult.Other }));
        Assert.Equal(["FiledOn"], Fields(Valid() with { FiledOn = null }));
        Assert.Equal(["FiledOn"], Fields(Valid() with { FiledOn = D("2008-04-30") }));
    }

    [Fact]
    public void Rule_201_only_a_suit_after_reconsideration_has_a_reconsideration_body_as_defendant_or_co_defendant()
    {
        Assert.Equal(["Party", "ReconsiderationBodyIsCoDefendant"],
            Fields(Valid() with { Party = CaseParty.ReconsiderationBody, ReconsiderationBodyIsCoDefendant = true }));
        Assert.Empty(Fields(Valid() with { Kind = CaseKind.SuitAfterReconsideration, Party = CaseParty.ReconsiderationBody, ReconsiderationBodyIsCoDefendant = true }));
    }
}
