using Gongkai.Core.Applications;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;
using E = Gongkai.Core.Applications.ApplicationEventKind;

namespace Gongkai.Core.Tests.Applications;

/// <summary>The transition table and the log replay: status and clock come from the events alone.</summary>
public class ApplicationHistoryTests
{
    private static ApplicationEvent Ev(E kind, string date) => new(kind, D(date));

    [Fact]
    public void An_online_application_should_start_its_clock_on_the_day_the_office_confirms_it()
    {
        var submitted = ApplicationHistory.Replay([Ev(E.SubmittedOnline, "2024-09-26")]);
        Assert.Equal((ApplicationState.AwaitingConfirmation, (ClockFacts?)null), (submitted.State, submitted.Clock));

        var confirmed = ApplicationHistory.Replay([Ev(E.SubmittedOnline, "2024-09-26"), Ev(E.Confirmed, "2024-09-27")]);
        Assert.Equal(ApplicationState.InProgress, confirmed.State);
        Assert.Equal(D("2024-10-30"), DeadlineClock.Compute(Instance, confirmed.Clock!, D("2024-09-27")).Due);
    }

    [Fact]
    public void A_consultation_and_a_fee_notice_in_the_log_should_become_pauses_of_the_clock()
    {
        var status = ApplicationHistory.Replay([
            Ev(E.Recorded, "2024-09-20"), Ev(E.ThirdPartyConsulted, "2024-09-25"), Ev(E.ConsultationEnded, "2024-10-10"),
            new(E.Extended, D("2024-10-11")) { Days = 10 },
        ]);
        Assert.Equal(ApplicationState.InProgress, status.State);
        Assert.True(status.IsExtended);
        // 2024-11-01 (see the clock tests) plus 10 working days.
        Assert.Equal(D("2024-11-15"), DeadlineClock.Compute(Instance, status.Clock!, D("2024-10-11")).Due);
    }

    [Fact]
    public void Steps_the_law_allows_once_or_not_in_this_state_should_be_refused()
    {
        var recorded = ApplicationHistory.Replay([Ev(E.Recorded, "2024-03-01")]);
        var today = D("2024-12-31");
        Assert.Contains("不能收到补正", ApplicationHistory.Refusal(recorded, Ev(E.CorrectionReceived, "2024-03-02"), today));
        Assert.Contains("不能早于", ApplicationHistory.Refusal(recorded, Ev(E.CorrectionRequested, "2024-02-28"), today));
        Assert.Contains("不能晚于今天", ApplicationHistory.Refusal(recorded, Ev(E.CorrectionRequested, "2025-01-01"), today));
        Assert.Contains("1 至 20 个工作日", ApplicationHistory.Refusal(recorded, new(E.Extended, D("2024-03-05")) { Days = 21 }, today));
        Assert.Contains("逾期不补正", ApplicationHistory.Refusal(recorded, new(E.Answered, D("2024-03-05")) { Outcome = Outcome.CorrectionOverdue }, today));

        var extended = ApplicationHistory.Replay([Ev(E.Recorded, "2024-03-01"), new(E.Extended, D("2024-03-20")) { Days = 20 }]);
        Assert.Contains("只能延长一次", ApplicationHistory.Refusal(extended, new(E.Extended, D("2024-03-21")) { Days = 5 }, today));

        var paid = ApplicationHistory.Replay([Ev(E.Recorded, "2024-03-01"), new(E.FeeNoticeSent, D("2024-03-04")), Ev(E.FeePaid, "2024-03-06")]);
        Assert.Contains("不得同时适用", ApplicationHistory.Refusal(paid, Ev(E.FeeNoticeSent, "2024-03-07"), today));

        var corrected = ApplicationHistory.Replay([Ev(E.Recorded, "2024-03-01"), Ev(E.CorrectionRequested, "2024-03-05"), Ev(E.CorrectionReceived, "2024-03-20")]);
        Assert.Contains("一次性告知", ApplicationHistory.Refusal(corrected, Ev(E.CorrectionRequested, "2024-03-21"), today));

        var answered = ApplicationHistory.Replay([Ev(E.Recorded, "2024-03-01"), new(E.Answered, D("2024-03-10")) { Outcome = Outcome.Provided }]);
        Assert.Equal((ApplicationState.Answered, Outcome.Provided), (answered.State, answered.Outcome!.Value));
        Assert.NotNull(ApplicationHistory.Refusal(answered, Ev(E.Extended, "2024-03-11"), today));
    }

    [Fact]
    public void The_2008_rules_should_allow_an_extension_of_at_most_15_days()
    {
        var status = ApplicationHistory.Replay([Ev(E.Recorded, "2018-03-01")]);
        Assert.Contains("1 至 15 个工作日", ApplicationHistory.Refusal(status, new(E.Extended, D("2018-03-05")) { Days = 16 }, D("2018-12-31")));
        Assert.Null(ApplicationHistory.Refusal(status, new(E.Extended, D("2018-03-05")) { Days = 15 }, D("2018-12-31")));
    }
}
