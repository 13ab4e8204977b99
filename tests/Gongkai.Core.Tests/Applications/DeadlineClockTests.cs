using Gongkai.Core.Applications;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Applications;

/// <summary>
/// 条例第三十三条 (20 working days, one extension of up to 20), 第三十条 (补正 restarts the clock), 第三十二条、第三十四条
/// (consultations do not count), 2008年《条例》第二十四条 (15 + 15), with real dates hand-counted on the official calendar.
/// </summary>
public class DeadlineClockTests
{
    private static readonly DateOnly Later = D("2030-01-01");

    [Theory]
    // 第三十三条, National Day 2024: 9-29 (Sun) and 10-12 (Sat) are make-up days, 10-01..07 off.
    [InlineData("2024-09-27", "2024-10-30")]
    // Spring Festival 2024: 02-10..17 off, 02-18 (Sun) a make-up day.
    [InlineData("2024-02-08", "2024-03-13")]
    // Spring Festival 2026: 02-14 (Sat) and 02-28 (Sat) make-up days, 02-15..23 off.
    [InlineData("2026-02-13", "2026-03-19")]
    // Year end: 2026-01-01..03 off, 01-04 (Sun) a make-up day.
    [InlineData("2025-12-31", "2026-01-29")]
    // The first day of the 2019 rules: 20 days, over 端午 2019-06-07.
    [InlineData("2019-05-15", "2019-06-13")]
    // The last day of the 2008 rules (第二十四条): 15 days.
    [InlineData("2019-05-14", "2019-06-04")]
    // 2008 rules over the 2019 New Year: 12-29 (Sat) a make-up day, 12-30..01-01 off.
    [InlineData("2018-12-28", "2019-01-21")]
    public void The_due_date_should_be_the_last_working_day_of_the_time_limit_after_receipt(string received, string due)
    {
        Assert.Equal(D(due), DeadlineClock.Due(Instance, D(received)));
        Assert.Equal(D(due), DeadlineClock.Compute(Instance, new ClockFacts(D(received)), D(received)).Due);
    }

    [Fact]
    public void An_extension_of_20_working_days_should_follow_the_first_20()
    {
        Assert.Equal(D("2024-11-27"), DeadlineClock.Due(Instance, D("2024-09-27"), extended: true));
        var deadline = DeadlineClock.Compute(Instance, new ClockFacts(D("2024-09-27")) { ExtensionDays = 20 }, D("2024-10-31"));
        Assert.Equal((40, D("2024-11-27"), 21), (deadline.Limit, deadline.Due!.Value, deadline.DaysUsed));
    }

    [Fact]
    public void A_correction_should_stop_the_clock_and_the_corrected_application_should_restart_it()
    {
        var asked = new ClockFacts(D("2024-03-01")) { CorrectionRequested = D("2024-03-05") };
        var waiting = DeadlineClock.Compute(Instance, asked, D("2024-03-15"));
        Assert.Equal((ClockState.AwaitingCorrection, (DateOnly?)null, 2), (waiting.State, waiting.Due, waiting.DaysUsed));

        // 第三十条: counted afresh from 2024-03-20, over 清明 04-04..06 with 04-07 (Sun) a make-up day.
        var restarted = DeadlineClock.Compute(Instance, asked with { CorrectionReceived = D("2024-03-20") }, D("2024-03-20"));
        Assert.Equal((D("2024-03-20"), D("2024-04-18")), (restarted.Start, restarted.Due!.Value));
    }

    [Fact]
    public void Under_the_2008_rules_the_time_awaiting_a_correction_should_not_count()
    {
        var facts = new ClockFacts(D("2018-03-01")) { CorrectionRequested = D("2018-03-05"), CorrectionReceived = D("2018-03-12") };
        var deadline = DeadlineClock.Compute(Instance, facts, D("2018-03-12"));
        Assert.Equal((DisclosureRegime.Rules2008, D("2018-03-01"), D("2018-03-29")), (deadline.Regime, deadline.Start, deadline.Due!.Value));
    }

    [Fact]
    public void A_third_party_consultation_spanning_national_day_should_not_count()
    {
        // 第三十二条: 3 days counted (09-23..25), paused after 09-25 until the reply on 10-10, then 17 more.
        var facts = new ClockFacts(D("2024-09-20")) { Pauses = [new(PauseReason.ThirdPartyConsultation, D("2024-09-25"), D("2024-10-10"))] };
        Assert.Equal(D("2024-11-01"), DeadlineClock.Compute(Instance, facts, Later).Due);
    }

    [Fact]
    public void Another_units_silence_should_end_the_pause_after_15_working_days()
    {
        // 第三十四条: no reply, so the pause ends on the 15th working day after 09-25 (2024-10-21).
        var facts = new ClockFacts(D("2024-09-20")) { Pauses = [new(PauseReason.OtherUnitConsultation, D("2024-09-25"), null)] };
        var during = DeadlineClock.Compute(Instance, facts, D("2024-10-15"));
        Assert.Equal((ClockState.Paused, PauseReason.OtherUnitConsultation), (during.State, during.PausedFor!.Value));
        Assert.Equal(D("2024-11-13"), during.Due);
        Assert.Equal(ClockState.Running, DeadlineClock.Compute(Instance, facts, D("2024-10-22")).State);
    }

    [Fact]
    public void An_unpaid_fee_notice_should_hold_the_due_date_open_and_payment_should_resume_the_clock()
    {
        var notice = new ClockPause(PauseReason.FeeNotice, D("2024-09-25"), null);
        var unpaid = DeadlineClock.Compute(Instance, new ClockFacts(D("2024-09-20")) { Pauses = [notice] }, D("2024-10-10"));
        Assert.Equal((ClockState.Paused, (DateOnly?)null, 3), (unpaid.State, unpaid.Due, unpaid.DaysUsed));

        var paid = DeadlineClock.Compute(Instance, new ClockFacts(D("2024-09-20")) { Pauses = [notice with { Until = D("2024-10-10") }] }, Later);
        Assert.Equal(D("2024-11-01"), paid.Due);
    }

    [Fact]
    public void A_pause_begun_after_the_due_date_should_not_revive_an_overdue_application()
    {
        var facts = new ClockFacts(D("2024-09-27")) { Pauses = [new(PauseReason.ThirdPartyConsultation, D("2024-11-05"), D("2024-11-20"))] };
        var deadline = DeadlineClock.Compute(Instance, facts, D("2024-11-06"));
        Assert.Equal(D("2024-10-30"), deadline.Due);
        Assert.True(deadline.IsOverdue(D("2024-11-06")));
        Assert.Equal(-5, deadline.WorkingDaysLeft(Instance, D("2024-11-06")));
    }

    [Fact]
    public void Due_soon_should_mean_within_five_working_days()
    {
        var deadline = DeadlineClock.Compute(Instance, new ClockFacts(D("2024-09-27")), D("2024-10-23"));
        Assert.Equal(5, deadline.WorkingDaysLeft(Instance, D("2024-10-23")));
        Assert.True(deadline.IsDueSoon(Instance, D("2024-10-23")));
        Assert.False(deadline.IsDueSoon(Instance, D("2024-10-22")));
        Assert.False(deadline.IsDueSoon(Instance, D("2024-10-31")));
    }
}
