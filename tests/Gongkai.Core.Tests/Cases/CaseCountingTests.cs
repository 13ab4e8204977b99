using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Cases;

/// <summary>Table 四's counting rules: 国办公开办函〔2016〕201号 (who counts a suit) and the year-end rule (when, and as what).</summary>
public class CaseCountingTests
{
    [Theory]
    [InlineData(CaseParty.AnsweringUnit, CaseKind.Reconsideration, false, true)]
    [InlineData(CaseParty.AnsweringUnit, CaseKind.DirectSuit, false, true)]
    [InlineData(CaseParty.AnsweringUnit, CaseKind.SuitAfterReconsideration, true, true)]
    [InlineData(CaseParty.AnsweringUnit, CaseKind.SuitAfterReconsideration, false, true)]
    [InlineData(CaseParty.ReconsiderationBody, CaseKind.SuitAfterReconsideration, true, false)]
    [InlineData(CaseParty.ReconsiderationBody, CaseKind.SuitAfterReconsideration, false, true)]
    public void Rule_201_a_co_defendant_reconsideration_body_should_not_count_the_suit_only_the_original_unit(
        CaseParty party, CaseKind kind, bool coDefendant, bool counts) =>
        Assert.Equal(counts, CaseCounting.CountsFor(party, kind, coDefendant));

    [Fact]
    public void Year_end_rule_a_case_filed_and_decided_in_the_year_should_count_with_its_result()
    {
        Assert.Equal(CaseResult.Corrected, CaseCounting.StateAtYearEnd(D("2024-03-04"), D("2024-12-31"), CaseResult.Corrected, 2024));
        Assert.Equal(CaseResult.Upheld, CaseCounting.StateAtYearEnd(D("2024-01-01"), D("2024-01-01"), CaseResult.Upheld, 2024));
    }

    [Fact]
    public void Year_end_rule_a_case_open_on_31_december_should_count_as_pending_then_with_its_result_in_the_year_it_is_decided()
    {
        // Filed 2023-11-20, decided 2024-02-06: 尚未审结 in the 2023 report, 结果维持 in the 2024 report.
        Assert.Equal(CaseResult.Pending, CaseCounting.StateAtYearEnd(D("2023-11-20"), D("2024-02-06"), CaseResult.Upheld, 2023));
        Assert.Equal(CaseResult.Upheld, CaseCounting.StateAtYearEnd(D("2023-11-20"), D("2024-02-06"), CaseResult.Upheld, 2024));
        Assert.Null(CaseCounting.StateAtYearEnd(D("2023-11-20"), D("2024-02-06"), CaseResult.Upheld, 2025));
        Assert.Null(CaseCounting.StateAtYearEnd(D("2023-11-20"), D("2024-02-06"), CaseResult.Upheld, 2022));
    }

    [Fact]
    public void Year_end_rule_a_case_open_across_several_year_ends_should_count_as_pending_in_each_of_them()
    {
        Assert.Equal(CaseResult.Pending, CaseCounting.StateAtYearEnd(D("2022-12-31"), null, CaseResult.Pending, 2022));
        Assert.Equal(CaseResult.Pending, CaseCounting.StateAtYearEnd(D("2022-12-31"), null, CaseResult.Pending, 2023));
        Assert.Equal(CaseResult.Pending, CaseCounting.StateAtYearEnd(D("2022-12-31"), D("2025-01-02"), CaseResult.Other, 2024));
        Assert.Equal(CaseResult.Other, CaseCounting.StateAtYearEnd(D("2022-12-31"), D("2025-01-02"), CaseResult.Other, 2025));
    }

    [Fact]
    public void Year_end_rule_a_case_filed_after_31_december_should_not_count_in_that_year()
    {
        Assert.Null(CaseCounting.StateAtYearEnd(D("2025-01-01"), null, CaseResult.Pending, 2024));
        Assert.Equal((D("2024-01-01"), D("2024-12-31")), ReportForms.YearBounds(2024));
    }
}
