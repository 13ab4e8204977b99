using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Gongkai.Web;

/// <summary>
/// The token in a receipt's address (/ysqgk/receipt?t=…, /hdjl/receipt?t=…): the record's id, protected with ASP.NET Core
/// data protection (the keys the nodes share, see SeveralNodes) for one kind of receipt, and valid for
/// <c>Receipts:LifetimeHours</c> (default 4) by the app's clock. After a form is sent, the browser is redirected to the
/// receipt with a token (post-redirect-get), so a reload or a bookmark within the lifetime shows the same receipt; the
/// raw id or tracking code never appears in a URL. A tampered, foreign or expired token opens nothing.
/// </summary>
public sealed class ReceiptToken(IDataProtectionProvider provider, TimeProvider clock, IConfiguration configuration)
{
    public const string Application = "application";
    public const string Letter = "letter";

    public TimeSpan Lifetime { get; } = TimeSpan.FromHours(Math.Clamp(configuration.GetValue("Receipts:LifetimeHours", 4.0), 0.1, 72));

    public string Protect(string kind, Guid id)
    {
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        return Protector(kind).Protect($"{id:N}|{expires.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The id the token was made for, or null when it is not a valid token of this kind or has expired.</summary>
    public Guid? Unprotect(string kind, string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
            return null;
        string payload;
        try
        {
            payload = Protector(kind).Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|');
        return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            && clock.GetUtcNow().ToUnixTimeSeconds() < expires ? id : null;
    }

    private IDataProtector Protector(string kind) => provider.CreateProtector("Gongkai.Receipt", kind);
}

public static class ReceiptTokenRegistration
{
    public static IServiceCollection AddReceiptTokens(this IServiceCollection services) => services.AddSingleton<ReceiptToken>();
}
