using Gongkai.Core.Calendar;

namespace Gongkai.Core.Catalog;

/// <summary>
/// 条例第二十六条：「属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内，及时予以公开」.
/// An item published after the 20th working day after its 成文日期 is late; supervisors see it.
/// </summary>
public static class PublicationDeadline
{
    public const int WorkingDays = 20;

    public static DateOnly LatestOn(WorkCalendar calendar, DateOnly formed) => calendar.AddWorkingDays(formed, WorkingDays);

    public static bool IsLate(WorkCalendar calendar, DateOnly formed, DateOnly published) => published > LatestOn(calendar, formed);

    /// <summary>Working days the publication came after the deadline (0 when on time).</summary>
    public static int DaysLate(WorkCalendar calendar, DateOnly formed, DateOnly published) =>
        Math.Max(0, calendar.WorkingDaysBetween(LatestOn(calendar, formed), published));
}
