using Gongkai.Core.Calendar;
using static Gongkai.Core.Tests.Calendar.OfficialCalendar;

namespace Gongkai.Core.Tests.Calendar;

/// <summary>The working-day calendar against the State Council's holiday notices (cn-workdays.json).</summary>
public class WorkCalendarTests
{
    [Theory]
    [InlineData("2024-10-01", DayKind.Holiday)]       // 国庆节
    [InlineData("2024-10-08", DayKind.Workday)]
    [InlineData("2024-09-29", DayKind.MakeUpWorkday)] // 调休：星期日上班
    [InlineData("2024-10-12", DayKind.MakeUpWorkday)] // 调休：星期六上班
    [InlineData("2024-10-13", DayKind.Weekend)]
    [InlineData("2024-02-16", DayKind.Holiday)]       // 春节（星期五）
    [InlineData("2024-02-18", DayKind.MakeUpWorkday)]
    [InlineData("2025-10-08", DayKind.Holiday)]       // 2025 年国庆中秋连休 8 天
    [InlineData("2026-01-02", DayKind.Holiday)]
    [InlineData("2026-01-04", DayKind.MakeUpWorkday)]
    [InlineData("2030-01-01", DayKind.Workday)]       // unpublished year: Monday–Friday only
    public void Days_should_be_classified_as_the_official_notices_say(string day, DayKind kind) =>
        Assert.Equal(kind, Instance.Classify(D(day)));

    [Theory]
    [InlineData("2024-09-27", 1, "2024-09-29")]  // the next working day is a make-up Sunday
    [InlineData("2024-09-30", 1, "2024-10-08")]  // over the National Day week
    [InlineData("2024-10-30", 0, "2024-10-30")]
    [InlineData("2026-12-31", 1, "2027-01-01")]  // past the last published year: Monday–Friday
    [InlineData("2006-12-29", 1, "2007-01-04")]  // from before the first published year, walked day by day, over 元旦 2007-01-01..03
    public void Adding_working_days_should_skip_holidays_and_count_make_up_days(string start, int n, string expected) =>
        Assert.Equal(D(expected), Instance.AddWorkingDays(D(start), n));

    [Fact]
    public void Working_days_between_should_count_after_the_first_day_up_to_the_second()
    {
        Assert.Equal(2, Instance.WorkingDaysBetween(D("2024-09-27"), D("2024-09-30")));
        Assert.Equal(0, Instance.WorkingDaysBetween(D("2024-09-30"), D("2024-10-07")));
        Assert.Equal(0, Instance.WorkingDaysBetween(D("2024-10-07"), D("2024-09-30")));
    }

    [Fact]
    public void A_make_up_day_on_a_weekday_or_a_date_in_the_wrong_year_should_be_refused_on_import()
    {
        var (years, problems) = CalendarFile.Parse("""{"years": {"2027": {"holidays": ["2027-01-01", "2026-12-31", "2027-13-01"], "workdays": ["2027-01-04"]}}}""");
        Assert.Empty(years);
        Assert.Contains(problems, p => p.Contains("2026-12-31 不属于该年"));
        Assert.Contains(problems, p => p.Contains("“2027-13-01”不是 YYYY-MM-DD"));
        Assert.Contains(problems, p => p.Contains("2027-01-04 不是周六或周日"));
        Assert.NotEmpty(CalendarFile.Parse("not json").Problems);
    }
}
