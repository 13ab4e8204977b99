using Gongkai.Core.Accounts;

namespace Gongkai.Core.Tests.Accounts;

public class SignInThrottleTests
{
    private static readonly DateTime Last = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(4, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 4)]
    [InlineData(10, 32)]
    [InlineData(11, 60)]
    [InlineData(1000, 60)]
    public void Each_failure_past_the_free_ones_should_double_the_wait_up_to_an_hour(int failures, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), SignInThrottle.WaitAfter(failures));

    [Fact]
    public void An_address_should_wait_until_the_wait_is_over_and_then_may_try_again()
    {
        Assert.Equal(Last.AddMinutes(2), SignInThrottle.BlockedUntil(6, Last, Last.AddSeconds(30)));
        Assert.Null(SignInThrottle.BlockedUntil(6, Last, Last.AddMinutes(2)));
        Assert.Null(SignInThrottle.BlockedUntil(4, Last, Last));
    }

    [Fact]
    public void Failures_older_than_a_day_should_be_forgotten()
    {
        Assert.Null(SignInThrottle.BlockedUntil(50, Last, Last.AddDays(1).AddSeconds(1)));
        Assert.Equal(Last.AddHours(1), SignInThrottle.BlockedUntil(50, Last, Last.AddMinutes(59)));
    }

    [Theory]
    [InlineData(0.2, "1 分钟")]
    [InlineData(59, "1 分钟")]
    [InlineData(61, "2 分钟")]
    [InlineData(3600, "60 分钟")]
    public void A_wait_should_read_in_whole_minutes_rounded_up(double seconds, string text) =>
        Assert.Equal(text, SignInThrottle.Describe(TimeSpan.FromSeconds(seconds)));
}
