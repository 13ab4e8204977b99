using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.App.Accounts;

/// <summary>
/// Failed sign-ins from one client address for one user name as typed (the name need not be an account: unknown
/// names are counted the same way, so the answers do not tell which names exist). Kept in the database, so every web
/// node counts the same failures. See <see cref="Core.Accounts.SignInThrottle"/>.
/// </summary>
public class SignInFailure
{
    public long Id { get; set; }

    /// <summary>The user name as Identity normalizes it (upper case).</summary>
    public string NormalizedUserName { get; set; } = "";

    /// <summary>The client's address (an IPv6 client by its /64 network), after the configured proxies.</summary>
    public string ClientAddress { get; set; } = "";

    public int Failures { get; set; }
    public DateTime LastFailureAt { get; set; }

    public const int MaxUserName = 256, MaxAddress = 64;
}

internal sealed class SignInFailureConfiguration : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> f)
    {
        f.ToTable("sign_in_failures");
        f.HasIndex(x => new { x.NormalizedUserName, x.ClientAddress }).IsUnique();
        f.HasIndex(x => x.LastFailureAt);
        f.Property(x => x.NormalizedUserName).HasMaxLength(SignInFailure.MaxUserName);
        f.Property(x => x.ClientAddress).HasMaxLength(SignInFailure.MaxAddress);
    }
}
