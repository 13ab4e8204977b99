namespace Gongkai.Tests.Data;

/// <summary>A clock a test can set: "today" in Beijing is whatever the test says.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset now = DateTimeOffset.UtcNow;

    public override DateTimeOffset GetUtcNow() => now;

    /// <summary>Sets Beijing's date to <paramref name="day"/> (10:00 local time).</summary>
    public void SetToday(DateOnly day) => now = new DateTimeOffset(day.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero);

    /// <summary>Sets the clock to an instant, for the hours around midnight in Beijing.</summary>
    public void Set(DateTimeOffset instant) => now = instant;

    /// <summary>Moves the clock on (a wait served, a timeout passed).</summary>
    public void Advance(TimeSpan by) => now += by;
}
