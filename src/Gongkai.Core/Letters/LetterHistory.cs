using Gongkai.Core.Calendar;

namespace Gongkai.Core.Letters;

/// <summary>One entry of a letter's log as the rules see it.</summary>
public sealed record LetterEvent(LetterEventKind Kind, DateOnly Date)
{
    /// <summary>Working days added by an extension.</summary>
    public int? Days { get; init; }

    public LetterRating? Rating { get; init; }
}

/// <summary>A letter's state and clock, replayed from its log.</summary>
/// <param name="Received">The arrival day (the clock counts from the day after).</param>
/// <param name="ClockStart">The arrival day, or the day it was reopened.</param>
/// <param name="DueOn">Null for invalid and transferred letters, and once answered the due date it had.</param>
public sealed record LetterStatus(LetterState State, DateOnly Received, DateOnly ClockStart, DateOnly? DueOn, int ExtensionDays,
    DateOnly? AnsweredOn, LetterRating? Rating, bool RatingLapsed, bool Reopened, bool Published, DateOnly LastDate)
{
    public bool IsExtended => ExtensionDays > 0;

    /// <summary>Answered within its due date (the statistics' 按期答复).</summary>
    public bool AnsweredOnTime => AnsweredOn is { } a && DueOn is { } d && a <= d;
}

/// <summary>Replays a letter's log and says whether a new step may be added.</summary>
public static class LetterHistory
{
    public static LetterStatus Replay(IEnumerable<LetterEvent> events, WorkCalendar calendar, LetterType type, LetterTimeLimits limits)
    {
        LetterStatus? status = null;
        var limit = limits.For(type);
        foreach (var e in events)
        {
            if (status is null)
            {
                status = new LetterStatus(LetterState.Received, e.Date, e.Date, LetterClock.Due(calendar, e.Date, limit), 0, null, null, false, false, false, e.Date);
                continue;
            }
            var state = LetterTransitions.After(status.State, e.Kind) ?? status.State;
            status = e.Kind switch
            {
                LetterEventKind.Rejected or LetterEventKind.TransferredOut => status with { DueOn = null },
                LetterEventKind.Extended => status with { ExtensionDays = e.Days ?? 0, DueOn = LetterClock.Due(calendar, status.ClockStart, limit + (e.Days ?? 0)) },
                LetterEventKind.Answered => status with { AnsweredOn = e.Date },
                LetterEventKind.Rated => status with { Rating = e.Rating },
                LetterEventKind.RatingLapsed => status with { Rating = LetterRating.Satisfied, RatingLapsed = true },
                LetterEventKind.Reopened => status with
                {
                    Reopened = true, ClockStart = e.Date, AnsweredOn = null, Rating = null, RatingLapsed = false, ExtensionDays = 0,
                    DueOn = LetterClock.Due(calendar, e.Date, limit),
                },
                LetterEventKind.Published => status with { Published = true },
                LetterEventKind.Unpublished => status with { Published = false },
                _ => status,
            };
            status = status with { State = state, LastDate = e.Date > status.LastDate ? e.Date : status.LastDate };
        }
        return status ?? throw new ArgumentException("A letter's log starts with its arrival.", nameof(events));
    }

    /// <summary>Why <paramref name="next"/> may not be added (in Chinese), or null when it may.</summary>
    /// <param name="ratingClosesOn">For a rating or a reopening: the last day of the rating window.</param>
    public static string? Refusal(LetterStatus status, LetterEvent next, LetterType type, LetterTimeLimits limits, DateOnly today,
        DateOnly? ratingClosesOn = null, bool publishConsent = true)
    {
        if (next.Kind == LetterEventKind.Submitted)
            return "来信已经存在。";
        if (LetterTransitions.After(status.State, next.Kind) is null)
            return $"来信当前为“{status.State.ChineseName()}”状态，不能{next.Kind.ChineseName()}。";
        if (next.Date > today)
            return "日期不能晚于今天。";
        if (next.Date < status.LastDate)
            return $"日期不能早于上一步的日期 {status.LastDate:yyyy-MM-dd}。";
        var limit = limits.For(type);
        return next.Kind switch
        {
            LetterEventKind.Extended when status.IsExtended => "每件来信只能延期一次。",
            LetterEventKind.Extended when next.Days is not { } days || days < 1 || days > limit =>
                $"延长的期限应为 1 至 {limit} 个工作日（不超过该类来信的办理时限）。",
            LetterEventKind.Rated when next.Rating is null => "请选择评价：满意、基本满意或不满意。",
            LetterEventKind.Rated when ratingClosesOn is { } closes && next.Date > closes =>
                $"评价期限已于 {closes:yyyy-MM-dd} 届满，逾期未评价视为满意。",
            LetterEventKind.RatingLapsed when ratingClosesOn is { } closes && next.Date <= closes =>
                $"评价期限至 {closes:yyyy-MM-dd} 届满，此前不能按逾期未评价办结。",
            LetterEventKind.Reopened when status.Reopened => "每件来信只能申请再次办理一次。",
            LetterEventKind.Reopened when status.Rating != LetterRating.Unsatisfied || status.RatingLapsed =>
                "只有评价为“不满意”的来信才能申请再次办理。",
            LetterEventKind.Reopened when ratingClosesOn is { } closes && next.Date > closes =>
                $"申请再次办理的期限已于 {closes:yyyy-MM-dd} 届满。",
            LetterEventKind.Published when !publishConsent => "来信人未同意公开，不能选登。",
            LetterEventKind.Published when status.Published => "来信已经公开。",
            LetterEventKind.Unpublished when !status.Published => "来信尚未公开。",
            _ => null,
        };
    }

    /// <summary>How an open letter stands against its due date (即将到期 / 已逾期).</summary>
    public static DueFlag Flag(LetterStatus status, WorkCalendar calendar, DateOnly today) =>
        status.State.IsOpen() ? DueFlags.Of(calendar, status.DueOn, today, LetterClock.DueSoonDays) : DueFlag.None;
}
