using Gongkai.Core.Calendar;

namespace Gongkai.Core.Applications;

public enum ClockState
{
    /// <summary>计时中.</summary>
    Running,

    /// <summary>暂停 — consultation or fee notice under way.</summary>
    Paused,

    /// <summary>待补正 — stopped until the corrected application arrives (第三十条).</summary>
    AwaitingCorrection,
}

/// <summary>An application's answer deadline as of a given day.</summary>
/// <param name="Start">The day counting starts after: the receipt date, or the corrected application's date (2019 rules).</param>
/// <param name="Due">The last day to answer; null while it cannot be known (awaiting a correction or a fee payment).</param>
/// <param name="DaysUsed">Working days counted so far (as of the day it was computed).</param>
public sealed record Deadline(DisclosureRegime Regime, ClockState State, DateOnly Start, int Limit, DateOnly? Due, int DaysUsed, PauseReason? PausedFor)
{
    public bool IsOverdue(DateOnly today) => Due is { } due && today > due;

    /// <summary>即将到期 / 已逾期 as the inboxes show them: the rule shared with letters (<see cref="DueFlags"/>).</summary>
    public DueFlag Flag(WorkCalendar calendar, DateOnly today) => DueFlags.Of(calendar, Due, today, ClockRules.DueSoonDays);

    /// <summary>Working days left after today up to the due date (0 on the due date itself), negative when overdue.</summary>
    public int? WorkingDaysLeft(WorkCalendar calendar, DateOnly today) => Due is { } due ? DeadlineClock.WorkingDaysLeft(calendar, today, due) : null;

    /// <summary>即将到期: due within <see cref="ClockRules.DueSoonDays"/> working days and not yet overdue.</summary>
    public bool IsDueSoon(WorkCalendar calendar, DateOnly today) => Flag(calendar, today) == DueFlag.DueSoon;
}

/// <summary>
/// The statutory clock of 依申请公开. 条例第三十三条：「行政机关不能当场答复的，应当自收到申请之日起20个工作日内予以答复；
/// 需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过20个工作日」.
/// The receipt day is not counted (民法典第二百零一条); time for 补正 restarts the clock (第三十条); consultations
/// (第三十二条、第三十四条) and the fee notice (109号) do not count.
/// </summary>
public static class DeadlineClock
{
    /// <summary>The due date with no pauses: the fast path for `gongkai clock due` and the benchmark.</summary>
    public static DateOnly Due(WorkCalendar calendar, DateOnly received, DisclosureRegime? regime = null, bool extended = false)
    {
        var r = regime ?? DisclosureRegimes.For(received);
        return calendar.AddWorkingDays(received, r.TimeLimit() + (extended ? r.MaxExtension() : 0));
    }

    /// <summary>Working days left after today up to the due date (0 on the due date itself), negative when overdue.</summary>
    public static int WorkingDaysLeft(WorkCalendar calendar, DateOnly today, DateOnly due) =>
        today <= due ? calendar.WorkingDaysBetween(today, due) : -calendar.WorkingDaysBetween(due, today);

    /// <summary>即将到期: at most <see cref="ClockRules.DueSoonDays"/> working days left, not yet overdue.</summary>
    public static bool IsDueSoon(int workingDaysLeft) => workingDaysLeft is >= 0 and <= ClockRules.DueSoonDays;

    public static Deadline Compute(WorkCalendar calendar, ClockFacts facts, DateOnly today)
    {
        var regime = facts.EffectiveRegime;
        var limit = regime.TimeLimit() + facts.ExtensionDays;
        if (facts.CorrectionRequested is not null && facts.CorrectionReceived is null)
        {
            var used = Counted(calendar, facts.Received, facts.CorrectionRequested.Value, Intervals(calendar, facts, facts.Received));
            return new Deadline(regime, ClockState.AwaitingCorrection, facts.Received, limit, null, used, null);
        }
        var start = Start(facts);
        var pauses = Intervals(calendar, facts, start);

        DateOnly? due = null;
        var remaining = limit;
        var cursor = start;
        ClockPause? open = null;
        foreach (var (from, until, pause) in pauses)
        {
            var available = calendar.WorkingDaysBetween(cursor, from);
            if (remaining <= available)
            {
                due = calendar.AddWorkingDays(cursor, remaining);
                break;
            }
            remaining -= available;
            if (until is null)
            {
                open = pause;
                break;
            }
            cursor = Max(cursor, until.Value);
        }
        if (due is null && open is null)
            due = calendar.AddWorkingDays(cursor, remaining);

        var current = pauses.FirstOrDefault(p => p.From < today && (p.Until is null || today <= p.Until) && (due is null || p.From < due));
        var state = current.Pause is null ? ClockState.Running : ClockState.Paused;
        var usedSoFar = Counted(calendar, start, due is { } d && d < today ? d : today, pauses);
        return new Deadline(regime, state, start, limit, due, usedSoFar, current.Pause?.Reason);
    }

    /// <summary>The day counting starts after: under the 2019 rules a correction restarts the clock.</summary>
    internal static DateOnly Start(ClockFacts facts) =>
        facts.CorrectionReceived is { } corrected && facts.EffectiveRegime.CorrectionRestartsClock() ? corrected : facts.Received;

    /// <summary>
    /// The pauses as (from, until] intervals after <paramref name="start"/>, merged and in order. A consultation lasts
    /// at most 15 working days (then silence counts as consent); an unpaid fee notice stays open (until null).
    /// </summary>
    internal static List<(DateOnly From, DateOnly? Until, ClockPause Pause)> Intervals(WorkCalendar calendar, ClockFacts facts, DateOnly start)
    {
        var pauses = facts.Pauses.AsEnumerable();
        if (facts.CorrectionRequested is { } asked && !facts.EffectiveRegime.CorrectionRestartsClock())
            pauses = pauses.Append(new ClockPause(PauseReason.Correction2008, asked, facts.CorrectionReceived));
        var intervals = new List<(DateOnly From, DateOnly? Until, ClockPause Pause)>();
        foreach (var pause in pauses.Where(p => p.Reason != PauseReason.FeeNotice || ClockRules.FeeNoticePausesClock).OrderBy(p => p.From))
        {
            var until = pause.Until;
            if (pause.Reason is PauseReason.ThirdPartyConsultation or PauseReason.OtherUnitConsultation)
            {
                var cap = calendar.AddWorkingDays(pause.From, ClockRules.ConsultationDays);
                until = until is { } u && u < cap ? u : cap;
            }
            var from = Max(pause.From, start);
            if (until is { } end && end <= from)
                continue;
            if (intervals.Count > 0 && intervals[^1].Until is { } lastEnd && from <= lastEnd)
            {
                var merged = until is null ? null : (DateOnly?)Max(lastEnd, until.Value);
                intervals[^1] = (intervals[^1].From, merged, intervals[^1].Pause);
                continue;
            }
            if (intervals.Count > 0 && intervals[^1].Until is null)
                continue;
            intervals.Add((from, until, pause));
        }
        return intervals;
    }

    /// <summary>Working days counted in (start, upTo], leaving out the pauses.</summary>
    internal static int Counted(WorkCalendar calendar, DateOnly start, DateOnly upTo, List<(DateOnly From, DateOnly? Until, ClockPause Pause)> pauses)
    {
        var count = calendar.WorkingDaysBetween(start, upTo);
        foreach (var (from, until, _) in pauses)
        {
            if (from >= upTo)
                break;
            var end = until is { } u && u < upTo ? u : upTo;
            count -= calendar.WorkingDaysBetween(Max(from, start), end);
        }
        return Math.Max(count, 0);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
