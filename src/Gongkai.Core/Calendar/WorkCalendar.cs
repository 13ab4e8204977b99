namespace Gongkai.Core.Calendar;

/// <summary>One year of the State Council's holiday arrangement (国务院办公厅关于部分节假日安排的通知).</summary>
/// <param name="Holidays">Days off, including weekend days that fall inside a holiday.</param>
/// <param name="Workdays">Weekend days made working days (调休上班).</param>
public sealed record CalendarYear(int Year, IReadOnlyCollection<DateOnly> Holidays, IReadOnlyCollection<DateOnly> Workdays);

/// <summary>How a day counts in the working-day calendar.</summary>
public enum DayKind
{
    /// <summary>工作日 — Monday to Friday, not a holiday.</summary>
    Workday,

    /// <summary>调休上班 — a Saturday or Sunday made a working day.</summary>
    MakeUpWorkday,

    /// <summary>周末 — Saturday or Sunday.</summary>
    Weekend,

    /// <summary>法定节假日 — an official holiday (or a weekday given off around one).</summary>
    Holiday,
}

/// <summary>
/// China's official working-day calendar. 「工作日」 in the 条例 are Monday–Friday except official holidays, plus the
/// weekend days the State Council makes working days. A year without a published arrangement counts Monday–Friday
/// only (<see cref="IsPublished"/> says which years are official). Counting is O(1): every day from
/// <see cref="First"/> to <see cref="Last"/> carries the number of working days up to it.
/// </summary>
public sealed class WorkCalendar
{
    private readonly HashSet<DateOnly> holidays = [];
    private readonly HashSet<DateOnly> workdays = [];
    private readonly HashSet<int> published;
    private readonly int firstDay;
    private readonly int[] workingDaysUpTo;   // per day since First: working days in [First, day]
    private readonly int[] workingDayNumbers; // the k-th working day since First, as a day number

    public WorkCalendar(IEnumerable<CalendarYear> years)
    {
        var list = years.ToList();
        published = [.. list.Select(y => y.Year)];
        foreach (var year in list)
        {
            holidays.UnionWith(year.Holidays);
            workdays.UnionWith(year.Workdays);
        }
        var firstYear = list.Count == 0 ? 2000 : Math.Min(2000, list.Min(y => y.Year));
        var lastYear = (list.Count == 0 ? DateTime.Today.Year : list.Max(y => y.Year)) + 10;
        First = new DateOnly(firstYear, 1, 1);
        Last = new DateOnly(lastYear, 12, 31);
        firstDay = First.DayNumber;
        var length = Last.DayNumber - firstDay + 1;
        workingDaysUpTo = new int[length];
        var numbers = new List<int>(length * 5 / 7);
        var count = 0;
        for (var i = 0; i < length; i++)
        {
            var day = DateOnly.FromDayNumber(firstDay + i);
            if (Classify(day) is DayKind.Workday or DayKind.MakeUpWorkday)
            {
                count++;
                numbers.Add(firstDay + i);
            }
            workingDaysUpTo[i] = count;
        }
        workingDayNumbers = [.. numbers];
    }

    /// <summary>The first and last day counted in O(1); outside them counting walks day by day.</summary>
    public DateOnly First { get; }
    public DateOnly Last { get; }

    public IReadOnlyCollection<int> PublishedYears => published;

    /// <summary>Whether the year's official arrangement is loaded (otherwise Monday–Friday is assumed).</summary>
    public bool IsPublished(int year) => published.Contains(year);

    public DayKind Classify(DateOnly day)
    {
        if (holidays.Contains(day))
            return DayKind.Holiday;
        var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        if (weekend)
            return workdays.Contains(day) ? DayKind.MakeUpWorkday : DayKind.Weekend;
        return DayKind.Workday;
    }

    public bool IsWorkingDay(DateOnly day) => Classify(day) is DayKind.Workday or DayKind.MakeUpWorkday;

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="start"/>; the start day itself is not counted
    /// (民法典第二百零一条：「开始的当日不计入，自下一日开始计算」). With n = 0, the start day itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var i = start.DayNumber - firstDay;
        if (i >= 0 && i < workingDaysUpTo.Length)
        {
            var k = workingDaysUpTo[i] + n - 1;
            if (n == 0)
                return start;
            if (k < workingDayNumbers.Length)
                return DateOnly.FromDayNumber(workingDayNumbers[k]);
        }
        var day = start;
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
                counted++;
        }
        return day;
    }

    /// <summary>Working days in (<paramref name="after"/>, <paramref name="upTo"/>]: after the first day, up to and including the second.</summary>
    public int WorkingDaysBetween(DateOnly after, DateOnly upTo)
    {
        if (upTo <= after)
            return 0;
        int a = after.DayNumber - firstDay, b = upTo.DayNumber - firstDay;
        if (a >= 0 && b < workingDaysUpTo.Length)
            return workingDaysUpTo[b] - workingDaysUpTo[a];
        var count = 0;
        for (var day = after.AddDays(1); day <= upTo; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
                count++;
        }
        return count;
    }
}
