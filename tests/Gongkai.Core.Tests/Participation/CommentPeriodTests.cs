using Gongkai.Core.Participation;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Participation;

/// <summary>
/// The minimum comment period by kind (../shared/domain/interaction-and-sites.md §2), counted from the day after the
/// opening day to the closing day inclusive, working days on the official calendar (调休 included).
/// </summary>
public class CommentPeriodTests
{
    private static string? Refusal(SolicitationKind kind, bool business, string opens, string closes, string? reason = null) =>
        CommentPeriod.Refusal(Instance, kind, business, D(opens), D(closes), reason);

    [Fact]
    public void A_rule_should_be_open_for_at_least_30_days_by_article_15_of_the_Regulations_on_Procedures_for_Formulating_Rules()
    {
        // 《规章制定程序条例》第十五条: 1 March to 31 March is 30 days after the opening day; to 30 March is 29.
        Assert.Null(Refusal(SolicitationKind.Rule, false, "2026-03-01", "2026-03-31"));
        var refusal = Refusal(SolicitationKind.Rule, false, "2026-03-01", "2026-03-30");
        Assert.NotNull(refusal);
        Assert.Contains("《规章制定程序条例》第十五条", refusal);
        Assert.Contains("30 日", refusal);
        Assert.Contains("2026-03-31", refusal);   // the earliest closing day
    }

    [Fact]
    public void A_major_decision_should_be_open_for_at_least_30_days_by_article_14_of_the_Interim_Regulations_on_Major_Administrative_Decisions()
    {
        // 《重大行政决策程序暂行条例》第十四条: 30 days, across a month end.
        Assert.Null(Refusal(SolicitationKind.MajorDecision, false, "2026-01-20", "2026-02-19"));
        var refusal = Refusal(SolicitationKind.MajorDecision, false, "2026-01-20", "2026-02-18");
        Assert.Contains("《重大行政决策程序暂行条例》第十四条", refusal);
        Assert.Contains("30 日", refusal);
    }

    [Fact]
    public void A_normative_document_should_be_open_for_at_least_7_working_days_counted_on_the_official_calendar()
    {
        // 国办发〔2018〕37号. Opened Friday 2024-09-27: 9-29 (调休 Sunday) 1, 9-30 2, National Day off, 10-08..10-11 3–6,
        // 10-12 (调休 Saturday) 7 — closing on 10-12 is enough, on 10-11 it is one working day short.
        Assert.Null(Refusal(SolicitationKind.NormativeDocument, false, "2024-09-27", "2024-10-12"));
        var refusal = Refusal(SolicitationKind.NormativeDocument, false, "2024-09-27", "2024-10-11");
        Assert.Contains("7 个工作日", refusal);
        Assert.Contains("国办发〔2018〕37号", refusal);
        Assert.Equal(D("2024-10-12"), CommentPeriod.EarliestClose(Instance, CommentPeriod.Minimum(SolicitationKind.NormativeDocument, false), D("2024-09-27")));
    }

    [Fact]
    public void A_normative_document_closely_concerning_businesses_should_be_open_for_30_days_by_article_62_of_the_Regulations_on_Optimizing_the_Business_Environment()
    {
        // 《优化营商环境条例》第六十二条: 7 working days is not enough when the draft closely concerns market entities.
        var refusal = Refusal(SolicitationKind.NormativeDocument, true, "2024-09-27", "2024-10-12");
        Assert.Contains("《优化营商环境条例》第六十二条", refusal);
        Assert.Contains("30 日", refusal);
        Assert.Null(Refusal(SolicitationKind.NormativeDocument, true, "2024-09-27", "2024-10-27"));
    }

    [Fact]
    public void A_short_period_should_be_allowed_with_a_recorded_reason_by_article_14_of_the_Interim_Regulations_on_Major_Administrative_Decisions()
    {
        Assert.Null(Refusal(SolicitationKind.Rule, false, "2026-03-01", "2026-03-08", "防汛应急需要，须在汛期前施行。"));
        Assert.NotNull(Refusal(SolicitationKind.Rule, false, "2026-03-01", "2026-03-08", "   "));
        Assert.True(CommentPeriod.IsShort(Instance, SolicitationKind.Rule, false, D("2026-03-01"), D("2026-03-08")));
    }

    [Fact]
    public void Other_drafts_should_have_no_minimum_but_must_close_after_they_open()
    {
        Assert.Null(Refusal(SolicitationKind.Other, false, "2026-03-01", "2026-03-02"));
        Assert.Equal("截止日期应晚于开始日期。", Refusal(SolicitationKind.Other, false, "2026-03-01", "2026-03-01"));
    }
}
