using Gongkai.App.Data;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.Backup;

/// <summary>
/// The part of the configuration a backup keeps: Gongkai's own sections (README, "Configuration") and the database
/// it points at — never a password, a key or the environment at large.
/// </summary>
public static class PublicConfiguration
{
    private static readonly string[] Sections = ["Database", "Catalog", "Search", "RateLimits", "Demo", "ForwardedHeaders", "Logging"];
    private static readonly string[] SecretWords = ["password", "pwd", "secret", "key", "token", "certificate"];

    public static SortedDictionary<string, string?> Of(IConfiguration configuration, DatabaseSettings settings)
    {
        var kept = new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["ConnectionStrings:Gongkai"] = settings.Describe(),
        };
        foreach (var section in Sections)
        {
            foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
            {
                if (value is not null && !IsSecret(key))
                    kept[key] = value;
            }
        }
        return kept;
    }

    /// <summary>A key whose last part names a secret (a password, an API key, a certificate…).</summary>
    private static bool IsSecret(string key)
    {
        var name = key[(key.LastIndexOf(':') + 1)..].ToLowerInvariant();
        return SecretWords.Any(w => name.Contains(w, StringComparison.Ordinal));
    }
}
