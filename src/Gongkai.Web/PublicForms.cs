using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web;

/// <summary>
/// Rate limits for what the public can send: application submissions and tracking-code look-ups, per client address.
/// Reading pages is not limited; a client over the limit gets 429 and a Chinese page.
/// </summary>
public static class PublicForms
{
    public const string Policy = "public-forms";

    /// <summary>Look-ups by tracking code through the API: every request counts, so codes cannot be guessed in bulk.</summary>
    public const string LookupPolicy = "public-lookups";

    public static void AddPublicFormLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("RateLimits:PublicFormsPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.AddPolicy(LookupPolicy, http => RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits * 3, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
    }
}
