using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Accounts;

/// <summary>
/// Checks a user name and password typed on the sign-in page, before the web app issues the cookie. An unknown name
/// costs the same work as a real one (a password verification by the same hasher, a failure counted) and gets the same
/// answer, so neither the answer nor the time taken tells which names exist. Failures are counted per client address
/// and name (<see cref="SignInThrottle"/>): an address that keeps failing waits longer each time; the account itself is
/// never locked for everyone. A disabled account is named as such only to someone who typed its right password.
/// </summary>
public sealed class CheckStaffSignIn(GongkaiDb db, UserManager<StaffAccount> users, IPasswordHasher<StaffAccount> hasher, TimeProvider clock)
{
    public enum Verdict { Right, Wrong, Wait, Disabled }

    /// <param name="Wait">For <see cref="Verdict.Wait"/>: how long the address must still wait.</param>
    public sealed record Answer(Verdict Verdict, StaffAccount? Account = null, TimeSpan Wait = default);

    private static readonly StaffAccount Nobody = new() { UserName = "nobody" };
    private static string? nobodyHash;

    public async Task<Answer> HandleAsync(string userName, string password, string clientAddress, CancellationToken ct = default)
    {
        var name = Cut(users.NormalizeName(userName.Trim()) ?? "", SignInFailure.MaxUserName);
        var address = Cut(clientAddress, SignInFailure.MaxAddress);
        var now = clock.GetUtcNow().UtcDateTime;
        var record = await db.SignInFailures.AsNoTracking().SingleOrDefaultAsync(f => f.NormalizedUserName == name && f.ClientAddress == address, ct);
        if (record is not null && SignInThrottle.BlockedUntil(record.Failures, record.LastFailureAt, now) is { } until)
            return new(Verdict.Wait, Wait: until - now);

        var account = name.Length == 0 ? null : await users.FindByNameAsync(name);
        bool right;
        if (account is null)
        {
            // The work a real account costs: one verification by the same hasher, against a hash of nothing anyone knows.
            hasher.VerifyHashedPassword(Nobody, nobodyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString()), password);
            right = false;
        }
        else
        {
            right = await users.CheckPasswordAsync(account, password);
        }
        if (!right)
        {
            await CountFailureAsync(name, address, now, ct);
            return new(Verdict.Wrong);
        }
        if (record is not null)
            await db.SignInFailures.Where(f => f.Id == record.Id).ExecuteDeleteAsync(ct);
        return new(account!.DisabledAt is null ? Verdict.Right : Verdict.Disabled, account);
    }

    /// <summary>One more failure for the address and name, in one statement so that concurrent failures on any node all count.</summary>
    private async Task CountFailureAsync(string name, string address, DateTime now, CancellationToken ct)
    {
        var forgotten = now - SignInThrottle.Memory;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SignInFailures.Where(f => f.LastFailureAt < forgotten).ExecuteDeleteAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sign_in_failures ("NormalizedUserName", "ClientAddress", "Failures", "LastFailureAt") VALUES ({name}, {address}, 1, {now})
            ON CONFLICT ("NormalizedUserName", "ClientAddress") DO UPDATE SET "Failures" = sign_in_failures."Failures" + 1, "LastFailureAt" = excluded."LastFailureAt"
            """, ct);
        await transaction.CommitAsync(ct);
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}
