namespace Gongkai.App;

/// <summary>Dates in the law are Beijing dates (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(8));
}
