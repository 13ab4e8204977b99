namespace Gongkai.App;

/// <summary>Dates in the law are Beijing dates (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static DateOnly Today(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime.ChinaDate();

    /// <summary>A UTC time (as stored) on Beijing's clock.</summary>
    public static DateTime InChina(this DateTime utc) => utc.AddHours(8);

    /// <summary>A Beijing time (typed on a form, given to the API) as UTC to store; a time already in UTC stays.</summary>
    public static DateTime FromChina(this DateTime chinaTime) =>
        DateTime.SpecifyKind(chinaTime.Kind == DateTimeKind.Utc ? chinaTime : chinaTime.AddHours(-8), DateTimeKind.Utc);

    /// <summary>The UTC instant of an hour of a Beijing day.</summary>
    public static DateTime AtChinaHour(this DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0)).FromChina();

    /// <summary>The Beijing date of a UTC time (as stored).</summary>
    public static DateOnly ChinaDate(this DateTime utc) => DateOnly.FromDateTime(utc.InChina());
}
