using Gongkai.Core.Calendar;
using Gongkai.Core.Letters;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Letters;

/// <summary>A letter's log replayed into its state and clock, and the steps the transition table and the rules refuse.</summary>
public class LetterHistoryTests
{
    private static readonly LetterTimeLimits Limits = LetterTimeLimits.Default;

    private static LetterEvent E(LetterEventKind kind, string date, int? days = null, LetterRating? rating = null) =>
        new(kind, D(date)) { Days = days, Rating = rating };

    private static LetterStatus Replay(LetterType type, params LetterEvent[] events) => LetterHistory.Replay(events, Instance, type, Limits);

    [Fact]
    public void An_invalid_letter_should_have_no_due_date_and_not_count_as_valid()
    {
        var status = Replay(LetterType.Consultation, E(LetterEventKind.Submitted, "2024-09-30"), E(LetterEventKind.Rejected, "2024-10-08"));
        Assert.Equal(LetterState.Invalid, status.State);
        Assert.Null(status.DueOn);
        Assert.False(status.State.IsValid());
        Assert.False(status.State.IsOpen());
    }

    [Fact]
    public void An_extension_should_add_at_most_the_types_limit_once()
    {
        var accepted = Replay(LetterType.Suggestion, E(LetterEventKind.Submitted, "2024-09-27"), E(LetterEventKind.Accepted, "2024-09-29"));
        Assert.Equal(D("2024-10-21"), accepted.DueOn);
        Assert.NotNull(LetterHistory.Refusal(accepted, E(LetterEventKind.Extended, "2024-10-08", days: 14), LetterType.Suggestion, Limits, D("2024-10-08")));
        Assert.Null(LetterHistory.Refusal(accepted, E(LetterEventKind.Extended, "2024-10-08", days: 13), LetterType.Suggestion, Limits, D("2024-10-08")));

        // 13 more working days after 10-21: 10-22 … 11-07.
        var extended = Replay(LetterType.Suggestion, E(LetterEventKind.Submitted, "2024-09-27"), E(LetterEventKind.Accepted, "2024-09-29"),
            E(LetterEventKind.Extended, "2024-10-08", days: 13));
        Assert.Equal(D("2024-11-07"), extended.DueOn);
        Assert.Equal("每件来信只能延期一次。",
            LetterHistory.Refusal(extended, E(LetterEventKind.Extended, "2024-10-09", days: 1), LetterType.Suggestion, Limits, D("2024-10-09")));
    }

    [Fact]
    public void An_answer_should_only_go_out_after_review_and_count_as_on_time_by_its_due_date()
    {
        var submitted = Replay(LetterType.Consultation, E(LetterEventKind.Submitted, "2024-09-30"), E(LetterEventKind.Accepted, "2024-10-08"),
            E(LetterEventKind.AnswerSubmitted, "2024-10-10"));
        Assert.Equal(LetterState.AwaitingReview, submitted.State);
        Assert.NotNull(LetterHistory.Refusal(submitted, E(LetterEventKind.Rated, "2024-10-10", rating: LetterRating.Satisfied), LetterType.Consultation, Limits, D("2024-10-10")));

        var onTime = Replay(LetterType.Consultation, E(LetterEventKind.Submitted, "2024-09-30"), E(LetterEventKind.Accepted, "2024-10-08"),
            E(LetterEventKind.AnswerSubmitted, "2024-10-10"), E(LetterEventKind.Answered, "2024-10-10"));
        Assert.True(onTime.AnsweredOnTime);
        var late = Replay(LetterType.Consultation, E(LetterEventKind.Submitted, "2024-09-30"), E(LetterEventKind.Accepted, "2024-10-08"),
            E(LetterEventKind.AnswerSubmitted, "2024-10-11"), E(LetterEventKind.Answered, "2024-10-11"));
        Assert.False(late.AnsweredOnTime);
        Assert.Equal(LetterState.Answered, late.State);
    }

    [Fact]
    public void A_rating_window_ending_in_silence_should_count_as_satisfied()
    {
        var answered = Replay(LetterType.Consultation, E(LetterEventKind.Submitted, "2024-09-26"), E(LetterEventKind.Accepted, "2024-09-26"),
            E(LetterEventKind.AnswerSubmitted, "2024-09-27"), E(LetterEventKind.Answered, "2024-09-27"));
        var closes = LetterClock.RatingClosesOn(Instance, D("2024-09-27"), 20);
        // On the last day of the window the writer may still rate, and silence is not yet satisfaction.
        Assert.Null(LetterHistory.Refusal(answered, E(LetterEventKind.Rated, "2024-10-30", rating: LetterRating.Unsatisfied), LetterType.Consultation, Limits, D("2024-10-30"), closes));
        Assert.NotNull(LetterHistory.Refusal(answered, E(LetterEventKind.RatingLapsed, "2024-10-30"), LetterType.Consultation, Limits, D("2024-10-30"), closes));
        // The day after, the rating is refused and the lapse is recorded as satisfied.
        Assert.NotNull(LetterHistory.Refusal(answered, E(LetterEventKind.Rated, "2024-10-31", rating: LetterRating.Satisfied), LetterType.Consultation, Limits, D("2024-10-31"), closes));
        Assert.Null(LetterHistory.Refusal(answered, E(LetterEventKind.RatingLapsed, "2024-10-31"), LetterType.Consultation, Limits, D("2024-10-31"), closes));
        var lapsed = Replay(LetterType.Consultation, E(LetterEventKind.Submitted, "2024-09-26"), E(LetterEventKind.Accepted, "2024-09-26"),
            E(LetterEventKind.AnswerSubmitted, "2024-09-27"), E(LetterEventKind.Answered, "2024-09-27"), E(LetterEventKind.RatingLapsed, "2024-10-31"));
        Assert.Equal((LetterState.Closed, LetterRating.Satisfied, true), (lapsed.State, lapsed.Rating!.Value, lapsed.RatingLapsed));
        // Silence gives no right to have it handled again.
        Assert.NotNull(LetterHistory.Refusal(lapsed, E(LetterEventKind.Reopened, "2024-10-31"), LetterType.Consultation, Limits, D("2024-10-31"), closes));
    }

    [Fact]
    public void An_unsatisfied_writer_should_have_the_letter_handled_again_once_with_a_new_due_date()
    {
        var unsatisfied = Replay(LetterType.Consultation, E(LetterEventKind.Submitted, "2024-09-26"), E(LetterEventKind.Accepted, "2024-09-26"),
            E(LetterEventKind.AnswerSubmitted, "2024-09-27"), E(LetterEventKind.Answered, "2024-09-27"), E(LetterEventKind.Rated, "2024-09-30", rating: LetterRating.Unsatisfied));
        Assert.Null(LetterHistory.Refusal(unsatisfied, E(LetterEventKind.Reopened, "2024-09-30"), LetterType.Consultation, Limits, D("2024-09-30"), D("2024-10-30")));
        var reopened = Replay(LetterType.Consultation, E(LetterEventKind.Submitted, "2024-09-26"), E(LetterEventKind.Accepted, "2024-09-26"),
            E(LetterEventKind.AnswerSubmitted, "2024-09-27"), E(LetterEventKind.Answered, "2024-09-27"), E(LetterEventKind.Rated, "2024-09-30", rating: LetterRating.Unsatisfied),
            E(LetterEventKind.Reopened, "2024-09-30"));
        Assert.Equal((LetterState.InProgress, D("2024-10-10"), (DateOnly?)null), (reopened.State, reopened.DueOn!.Value, reopened.AnsweredOn));
        var again = Replay(LetterType.Consultation, E(LetterEventKind.Submitted, "2024-09-26"), E(LetterEventKind.Accepted, "2024-09-26"),
            E(LetterEventKind.AnswerSubmitted, "2024-09-27"), E(LetterEventKind.Answered, "2024-09-27"), E(LetterEventKind.Rated, "2024-09-30", rating: LetterRating.Unsatisfied),
            E(LetterEventKind.Reopened, "2024-09-30"), E(LetterEventKind.AnswerSubmitted, "2024-10-08"), E(LetterEventKind.Answered, "2024-10-08"),
            E(LetterEventKind.Rated, "2024-10-09", rating: LetterRating.Unsatisfied));
        Assert.Equal("每件来信只能申请再次办理一次。",
            LetterHistory.Refusal(again, E(LetterEventKind.Reopened, "2024-10-09"), LetterType.Consultation, Limits, D("2024-10-09"), D("2024-11-05")));
    }

    [Fact]
    public void Publishing_should_need_the_writers_consent()
    {
        var answered = Replay(LetterType.Suggestion, E(LetterEventKind.Submitted, "2024-09-26"), E(LetterEventKind.Accepted, "2024-09-26"),
            E(LetterEventKind.AnswerSubmitted, "2024-09-27"), E(LetterEventKind.Answered, "2024-09-27"));
        Assert.Equal("来信人未同意公开，不能选登。",
            LetterHistory.Refusal(answered, E(LetterEventKind.Published, "2024-09-30"), LetterType.Suggestion, Limits, D("2024-09-30"), publishConsent: false));
        Assert.Null(LetterHistory.Refusal(answered, E(LetterEventKind.Published, "2024-09-30"), LetterType.Suggestion, Limits, D("2024-09-30")));
    }

    [Fact]
    public void Every_step_outside_the_transition_table_should_be_refused()
    {
        var received = Replay(LetterType.Other, E(LetterEventKind.Submitted, "2024-09-26"));
        foreach (var kind in Enum.GetValues<LetterEventKind>().Where(k => k != LetterEventKind.Submitted))
        {
            var allowed = LetterTransitions.Allowed(LetterState.Received).Contains(kind);
            var refusal = LetterHistory.Refusal(received, E(kind, "2024-09-27", days: 1, rating: LetterRating.Satisfied), LetterType.Other, Limits, D("2024-09-27"));
            Assert.True(allowed == (refusal is null), $"{kind}: {refusal}");
        }
    }

    [Fact]
    public void Open_letters_should_be_flagged_due_soon_on_their_last_working_day_and_overdue_after_it()
    {
        var status = Replay(LetterType.Consultation, E(LetterEventKind.Submitted, "2024-09-30"));
        Assert.Equal(DueFlag.None, LetterHistory.Flag(status, Instance, D("2024-10-07")));
        Assert.Equal(DueFlag.DueSoon, LetterHistory.Flag(status, Instance, D("2024-10-09")));
        Assert.Equal(DueFlag.DueSoon, LetterHistory.Flag(status, Instance, D("2024-10-10")));
        Assert.Equal(DueFlag.Overdue, LetterHistory.Flag(status, Instance, D("2024-10-11")));
    }
}
