namespace Gongkai.Core.Accounts;

/// <summary>
/// How long a client address must wait before it may try an account's password again. Failures are counted per
/// (client address, user name as typed), never per account alone: someone guessing from elsewhere slows only
/// themselves and cannot shut the staff member out (OWASP ASVS 2.2.1 — anti-automation that does not let an attacker
/// lock accounts). The first <see cref="FreeFailures"/> failures cost nothing; each failure from then on doubles the
/// wait, from <see cref="FirstWait"/> up to <see cref="LongestWait"/>. Failures older than <see cref="Memory"/> are
/// forgotten, and a right password from the address clears its count.
/// </summary>
public static class SignInThrottle
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    /// <summary>The wait after the <paramref name="failures"/>-th failure in a row: none, then 1, 2, 4 … 60 minutes.</summary>
    public static TimeSpan WaitAfter(int failures)
    {
        if (failures < FreeFailures)
            return TimeSpan.Zero;
        var doublings = Math.Min(failures - FreeFailures, 16);
        var wait = FirstWait * (1L << doublings);
        return wait < LongestWait ? wait : LongestWait;
    }

    /// <summary>Until when the address must wait, or null when it may try now.</summary>
    public static DateTime? BlockedUntil(int failures, DateTime lastFailure, DateTime now)
    {
        if (lastFailure < now - Memory)
            return null;
        var until = lastFailure + WaitAfter(failures);
        return until > now ? until : null;
    }

    /// <summary>A wait as a person reads it: 「3 分钟」, rounded up to the minute.</summary>
    public static string Describe(TimeSpan wait) => $"{Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes))} 分钟";
}
