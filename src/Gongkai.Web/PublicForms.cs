using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web;

/// <summary>
/// Rate limits for what the public can send: application submissions, letters, tracking-code look-ups, ratings and
/// audits of published reports, per client address. Reading pages is not limited; a client over the limit gets 429 with Retry-After and a
/// Chinese page (problem details from the API).
/// </summary>
public static class PublicForms
{
    public const string Policy = "public-forms";

    /// <summary>Look-ups by tracking code through the API: every request counts, so codes cannot be guessed in bulk.</summary>
    public const string LookupPolicy = "public-lookups";

    /// <summary>Audits of published reports (/tools/audit, POST /api/v1/audit): CPU work, see <see cref="AuditLimits"/>.</summary>
    public const string AuditPolicy = "public-audits";

    /// <summary>
    /// Letters (/hdjl/write/{mailbox}, POST /api/v1/letters): sending one — the page's <c>Send</c> handler or the API —
    /// counts against <c>RateLimits:LettersPerHour</c> per client address (that many at once, then one more every
    /// hour / that many); the page's other steps
    /// (showing similar answers, 问题已解决) count as public forms.
    /// </summary>
    public const string LetterPolicy = "public-letters";

    /// <summary>The page handlers of the writing page that do not send a letter.</summary>
    private static readonly string[] LetterSteps = ["Check", "Stop"];

    public static void AddPublicFormLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:PublicFormsPerMinute", 10);
        var audits = Math.Max(1, configuration.GetValue("RateLimits:AuditsPerMinute", 10));
        var letters = Math.Max(1, configuration.GetValue("RateLimits:LettersPerHour", 10));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after))
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, http => Reading(http) ? RateLimitPartition.GetNoLimiter("read") : PerMinute(http, permits));
            options.AddPolicy(LookupPolicy, http => PerMinute(http, permits * 3));
            options.AddPolicy(AuditPolicy, http => Reading(http) ? RateLimitPartition.GetNoLimiter("read") : PerMinute(http, audits));
            options.AddPolicy(LetterPolicy, http => Reading(http) ? RateLimitPartition.GetNoLimiter("read")
                : LetterSteps.Contains((string?)http.Request.Query["handler"], StringComparer.OrdinalIgnoreCase) ? PerMinute(http, permits)
                : PerHour(http, letters));
        });
    }

    private static bool Reading(HttpContext http) => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method);

    /// <summary><paramref name="permits"/> at once, then one more every hour / <paramref name="permits"/> (a bucket: it tells Retry-After).</summary>
    private static RateLimitPartition<string> PerHour(HttpContext http, int permits) =>
        RateLimitPartition.GetTokenBucketLimiter("hour:" + Accounts.ClientAddress.Of(http), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromHours(1) / permits,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static RateLimitPartition<string> PerMinute(HttpContext http, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(Accounts.ClientAddress.Of(http),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
