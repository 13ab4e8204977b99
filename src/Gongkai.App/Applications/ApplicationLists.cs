using Gongkai.Core.Applications;

namespace Gongkai.App.Applications;

/// <summary>The inbox's choice of applications and their order, shared by the office page and the staff API.</summary>
public static class ApplicationLists
{
    /// <summary>"answered": closed ones; "all": everything; anything else: the open ones.</summary>
    public static IQueryable<Application> Showing(this IQueryable<Application> applications, string? show) => show switch
    {
        "answered" => applications.Where(a => a.State == ApplicationState.Answered),
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
}
