using Gongkai.Core.Calendar;

namespace Gongkai.Core.Letters;

/// <summary>
/// The time limits of letters, in working days after the arrival day (local practice, so configuration:
/// <c>Letters:TimeLimits:&lt;type&gt;</c>). Defaults follow a typical 12345 rule and 辽宁's rule for website errors:
/// 咨询/求助 3, 建议/投诉/其他 13, 找错 3 (../shared/domain/interaction-and-sites.md §1).
/// </summary>
public sealed record LetterTimeLimits(IReadOnlyDictionary<LetterType, int> Days)
{
    public static readonly LetterTimeLimits Default = new(new Dictionary<LetterType, int>
    {
        [LetterType.Consultation] = 3,
        [LetterType.HelpRequest] = 3,
        [LetterType.Suggestion] = 13,
        [LetterType.Complaint] = 13,
        [LetterType.Other] = 13,
        [LetterType.SiteError] = 3,
    });

    public int For(LetterType type) => Days.TryGetValue(type, out var days) ? days : Default.Days[type];
}

/// <summary>The clock rules of letters; pure functions over the official calendar.</summary>
public static class LetterClock
{
    /// <summary>Letters due within this many working days are flagged 即将到期.</summary>
    public const int DueSoonDays = 1;

    /// <summary>
    /// The 3-month veto (国办秘函〔2019〕19号, 单项否决「互动回应差」): a valid message unanswered for more than 3 months.
    /// Calendar months from the arrival day: a letter of 15 March is past the veto from 16 June.
    /// </summary>
    public const int VetoMonths = 3;

    /// <summary>Letters this many calendar days or fewer from the veto are flagged as approaching it.</summary>
    public const int VetoWarningDays = 15;

    /// <summary>
    /// The due date: the <paramref name="days"/>-th working day after <paramref name="start"/> (the arrival day, or the
    /// day it was reopened), which itself is not counted; weekends, holidays and 调休 follow the official calendar.
    /// </summary>
    public static DateOnly Due(WorkCalendar calendar, DateOnly start, int days) => calendar.AddWorkingDays(start, days);

    /// <summary>The last day before the veto: arrival plus 3 calendar months.</summary>
    public static DateOnly VetoDay(DateOnly received) => received.AddMonths(VetoMonths);

    /// <summary>Whether an unanswered valid letter is past the veto on <paramref name="today"/>.</summary>
    public static bool IsPastVeto(DateOnly received, DateOnly today) => today > VetoDay(received);

    /// <summary>Whether an unanswered valid letter is within <see cref="VetoWarningDays"/> of the veto (and not past it).</summary>
    public static bool IsNearVeto(DateOnly received, DateOnly today) =>
        !IsPastVeto(received, today) && VetoDay(received).DayNumber - today.DayNumber <= VetoWarningDays;

    /// <summary>
    /// The last day the writer may rate the answer: <paramref name="windowDays"/> working days after the answer day
    /// (default 20, 铜陵's rule; configuration <c>Letters:RatingWindowDays</c>). Silence after it counts as satisfied.
    /// </summary>
    public static DateOnly RatingClosesOn(WorkCalendar calendar, DateOnly answeredOn, int windowDays) => calendar.AddWorkingDays(answeredOn, windowDays);

    /// <summary>Working days from arrival to answer, for the average the statistics publish (the arrival day not counted).</summary>
    public static int WorkingDaysToAnswer(WorkCalendar calendar, DateOnly received, DateOnly answered) => calendar.WorkingDaysBetween(received, answered);
}
