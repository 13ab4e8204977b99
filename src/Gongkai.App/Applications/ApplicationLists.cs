using Gongkai.Core.Applications;

namespace Gongkai.App.Applications;

/// <summary>The inbox's choice of applications, shared by the office page and the staff API.</summary>
public static class ApplicationLists
{
    /// <summary>"answered": closed ones; "all": everything; anything else: the open ones.</summary>
    public static IQueryable<Application> Showing(this IQueryable<Application> applications, string? show) => show switch
    {
        "answered" => applications.Where(a => a.State == ApplicationState.Answered),
        "all" => applications,
        _ => applications.Where(a => a.State != ApplicationState.Answered),
    };
}
