namespace Gongkai.Core.Calendar;

/// <summary>How an open record stands against its due date, for inboxes and supervision pages.</summary>
public enum DueFlag
{
    /// <summary>No due date, or more than the warning period left.</summary>
    None,

    /// <summary>即将到期 — due within the warning period (in working days), not yet past.</summary>
    DueSoon,

    /// <summary>已逾期 — the due date has passed.</summary>
    Overdue,
}

public static class DueFlags
{
    /// <summary>
    /// The flag of an open record due on <paramref name="due"/>: overdue from the day after it, due soon when
    /// <paramref name="soonDays"/> working days or fewer are left. Shared by applications and letters.
    /// </summary>
    public static DueFlag Of(WorkCalendar calendar, DateOnly? due, DateOnly today, int soonDays)
    {
        if (due is not { } d)
            return DueFlag.None;
        if (today > d)
            return DueFlag.Overdue;
        return calendar.WorkingDaysBetween(today, d) <= soonDays ? DueFlag.DueSoon : DueFlag.None;
    }

    public static string ChineseName(this DueFlag flag) => flag switch
    {
        DueFlag.DueSoon => "即将到期",
        DueFlag.Overdue => "已逾期",
        _ => "",
    };
}
