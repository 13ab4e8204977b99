namespace Gongkai.App;

/// <summary>Dates in the law are Beijing dates (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static DateOnly Today(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime.ChinaDate();

    /// <summary>A UTC time (as stored) on Beijing's clock.</summary>
    public static DateTime InChina(this DateTime utc) => utc.AddHours(8);

    /// <summary>The Beijing date of a UTC time (as stored).</summary>
    public static DateOnly ChinaDate(this DateTime utc) => DateOnly.FromDateTime(utc.InChina());
}
