using Gongkai.Core.Letters;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Letters;

/// <summary>
/// The letters' clock (../shared/domain/interaction-and-sites.md §1, local practice with configurable defaults: 咨询/求助 3,
/// 建议/投诉/其他 13, 找错 3 working days after the arrival day, which is not counted), hand-counted on the official calendar.
/// </summary>
public class LetterClockTests
{
    private static DateOnly Due(LetterType type, string received) =>
        LetterClock.Due(Instance, D(received), LetterTimeLimits.Default.For(type));

    [Theory]
    // Arrives the day before National Day 2024 (10-01..07 off): 10-08, 10-09, 10-10.
    [InlineData(LetterType.Consultation, "2024-09-30", "2024-10-10")]
    // Arrives on the 调休 Saturday 2024-10-12 (a working day, but the arrival day is never counted): 10-14, 15, 16.
    [InlineData(LetterType.HelpRequest, "2024-10-12", "2024-10-16")]
    // The 调休 Saturday counts when it falls inside the period: 10-11, 10-12 (Sat), 10-14.
    [InlineData(LetterType.Consultation, "2024-10-10", "2024-10-14")]
    // 13 working days over National Day 2024, both make-up days counted (9-29 Sun, 10-12 Sat).
    [InlineData(LetterType.Suggestion, "2024-09-27", "2024-10-21")]
    [InlineData(LetterType.Complaint, "2024-09-27", "2024-10-21")]
    // 找错 over Spring Festival 2026: 02-14 (Sat) a make-up day, 02-15..23 off: 02-14, 02-24, 02-25.
    [InlineData(LetterType.SiteError, "2026-02-13", "2026-02-25")]
    // Arrives on a Sunday: counting starts Monday.
    [InlineData(LetterType.Consultation, "2024-11-17", "2024-11-20")]
    public void A_letter_should_be_due_on_the_Nth_working_day_after_the_day_it_arrived(LetterType type, string received, string due) =>
        Assert.Equal(D(due), Due(type, received));

    [Theory]
    // Calendar months from arrival: past the veto from the day after the same date three months on.
    [InlineData("2024-03-15", "2024-06-15", false)]
    [InlineData("2024-03-15", "2024-06-16", true)]
    // Month ends: 11-30 + 3 months is 02-28 (2025 is not a leap year).
    [InlineData("2024-11-30", "2025-02-28", false)]
    [InlineData("2024-11-30", "2025-03-01", true)]
    public void A_valid_letter_unanswered_for_more_than_three_months_should_be_past_the_veto(string received, string today, bool past) =>
        Assert.Equal(past, LetterClock.IsPastVeto(D(received), D(today)));

    [Fact]
    public void A_letter_within_fifteen_days_of_the_veto_should_be_flagged_as_approaching_it()
    {
        Assert.False(LetterClock.IsNearVeto(D("2024-03-15"), D("2024-05-30")));
        Assert.True(LetterClock.IsNearVeto(D("2024-03-15"), D("2024-05-31")));
        Assert.False(LetterClock.IsNearVeto(D("2024-03-15"), D("2024-06-16")));
    }

    [Fact]
    public void The_rating_window_should_close_twenty_working_days_after_the_answer()
    {
        // Same count as a 20-day application clock from 2024-09-27 (DeadlineClockTests): 2024-10-30.
        Assert.Equal(D("2024-10-30"), LetterClock.RatingClosesOn(Instance, D("2024-09-27"), 20));
    }

    [Fact]
    public void Working_days_to_answer_should_not_count_the_arrival_day_nor_holidays()
    {
        Assert.Equal(3, LetterClock.WorkingDaysToAnswer(Instance, D("2024-09-30"), D("2024-10-10")));
        Assert.Equal(0, LetterClock.WorkingDaysToAnswer(Instance, D("2024-09-30"), D("2024-09-30")));
    }

    [Fact]
    public void Time_limits_should_default_to_the_local_practice_in_the_domain_notes()
    {
        var limits = LetterTimeLimits.Default;
        Assert.Equal((3, 3, 13, 13, 13, 3), (limits.For(LetterType.Consultation), limits.For(LetterType.HelpRequest), limits.For(LetterType.Suggestion),
            limits.For(LetterType.Complaint), limits.For(LetterType.Other), limits.For(LetterType.SiteError)));
    }
}
