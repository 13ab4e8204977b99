using Gongkai.Core.Applications;
using Gongkai.Core.Calendar;

namespace Gongkai.App.Applications;

/// <summary>The inbox narrowed to open applications by due date (工作台 and 督办 link here): 即将到期 or 已逾期.</summary>
public enum ApplicationDue
{
    /// <summary>即将到期: due today or within <see cref="ClockRules.DueSoonDays"/> working days (<see cref="DeadlineClock.IsDueSoon"/>).</summary>
    Soon,
    /// <summary>已逾期: the due date has passed.</summary>
    Overdue,
}

/// <summary>The inbox's choice of applications and their order, shared by the office page and the staff API.</summary>
public static class ApplicationLists
{
    /// <summary>"answered": closed ones; "all": everything; "unconfirmed": online ones awaiting confirmation of receipt; anything else: the open ones.</summary>
    public static IQueryable<Application> Showing(this IQueryable<Application> applications, string? show) => show switch
    {
        "answered" => applications.Where(a => a.State == ApplicationState.Answered),
        "unconfirmed" => applications.Where(a => a.State == ApplicationState.AwaitingConfirmation),
        "all" => applications,
        _ => applications.Where(a => a.State != ApplicationState.Answered),
    };

    /// <summary>
    /// What needs action first: online applications whose receipt the office has not confirmed (第三十一条: their clock
    /// starts only then), oldest submission first; then those with a due date, the nearest first; then those without
    /// one (a clock stopped for 补正), newest first.
    /// </summary>
    public static IOrderedQueryable<Application> InInboxOrder(this IQueryable<Application> applications) => applications
        .OrderBy(a => a.State == ApplicationState.AwaitingConfirmation ? 0 : a.DueOn == null ? 2 : 1)
        .ThenBy(a => a.DueOn)
        .ThenBy(a => a.State == ApplicationState.AwaitingConfirmation ? a.CreatedAt : (DateTime?)null)
        .ThenByDescending(a => a.CreatedAt);

    /// <summary>"soon" or "overdue" (any case), else null.</summary>
    public static ApplicationDue? ParseDue(string? due) =>
        Enum.TryParse<ApplicationDue>(due, true, out var d) && Enum.IsDefined(d) ? d : null;

    /// <summary>
    /// The open ones of <paramref name="applications"/> due soon or overdue as of <paramref name="today"/>: a range on
    /// <c>DueOn</c> (the (UnitId, State, DueOn) index), the same days <see cref="DueFlags.Of"/> flags in the inbox.
    /// </summary>
    public static IQueryable<Application> DueWithin(this IQueryable<Application> applications, ApplicationDue due, WorkCalendar calendar, DateOnly today)
    {
        var open = applications.Where(a => a.State != ApplicationState.Answered);
        if (due == ApplicationDue.Overdue)
            return open.Where(a => a.DueOn < today);
        var soonUntil = calendar.AddWorkingDays(today, ClockRules.DueSoonDays + 1);
        return open.Where(a => a.DueOn >= today && a.DueOn < soonUntil);
    }
}
