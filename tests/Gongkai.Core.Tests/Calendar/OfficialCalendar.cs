using Gongkai.Core.Calendar;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>The bundled official calendar 2007–2026, parsed once for all tests.</summary>
public static class OfficialCalendar
{
    public static readonly WorkCalendar Instance = Load();

    private static WorkCalendar Load()
    {
        var (years, problems) = CalendarFile.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cn-workdays.json")));
        Assert.Empty(problems);
        return new WorkCalendar(years);
    }

    public static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
