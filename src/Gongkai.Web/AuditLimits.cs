using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web;

/// <summary>
/// What the public audit (/tools/audit, POST /api/v1/audit) may cost the portal (issue 13, finding 1): reading a report
/// is CPU work anyone may ask for without signing in.
/// <list type="bullet">
/// <item>Size: at most <c>Audit:MaxBytes</c> (5 MB; a published report is tens of kilobytes) per request, plus room for
/// the form around it; a longer body is refused with 413 before it is read (<see cref="RequestBodies"/>).</item>
/// <item>Rate: <c>RateLimits:AuditsPerMinute</c> per client address (<see cref="PublicForms.AuditPolicy"/>); more is 429
/// with Retry-After.</item>
/// <item>Concurrency: <c>Audit:MaxConcurrent</c> audits at a time (1: the audit never takes more than one of the
/// portal's cores) and <c>Audit:QueueLimit</c> waiting for their turn, oldest first; a request that finds the queue
/// full is 503 with Retry-After. A body is read before it queues, so a slow upload never holds a turn.</item>
/// </list>
/// </summary>
public sealed class AuditLimits : IDisposable
{
    /// <summary>Room for the multipart framing, the anti-forgery token and the form's other fields around the report.</summary>
    public const long FormOverhead = 64 * 1024;

    /// <summary>What a client refused for a full queue is told to wait, in seconds.</summary>
    public const int RetryAfterSeconds = 10;

    private readonly ConcurrencyLimiter turns;

    public AuditLimits(IConfiguration configuration)
    {
        MaxBytes = Math.Max(1, configuration.GetValue("Audit:MaxBytes", 5L * 1024 * 1024));
        turns = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Math.Max(1, configuration.GetValue("Audit:MaxConcurrent", 1)),
            QueueLimit = Math.Max(0, configuration.GetValue("Audit:QueueLimit", 8)),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The largest report (a file or the text) in one request.</summary>
    public long MaxBytes { get; }

    /// <summary>The largest request body: <see cref="MaxBytes"/> and the form around it.</summary>
    public long MaxRequestBytes => MaxBytes + FormOverhead;

    public string TooLarge => $"提交的报告超过 {RequestBodies.Megabytes(MaxBytes)}，不像一份年度报告（年度报告的文字通常只有几十 KB）。";

    public const string Busy = "审读请求较多，正在排队的已满，请稍后再试。";

    /// <summary>
    /// Waits for this request's turn to audit; the lease is not acquired when the queue is full (dispose it either way).
    /// </summary>
    public ValueTask<RateLimitLease> WaitForTurnAsync(CancellationToken ct) => turns.AcquireAsync(1, ct);

    /// <summary>Audits running and waiting now (tests and diagnostics).</summary>
    public RateLimiterStatistics Statistics => turns.GetStatistics()!;

    public void Dispose() => turns.Dispose();
}

public static class AuditLimitsSetup
{
    /// <summary>The limits, and the request size limit on both audit routes (the page's through a page convention).</summary>
    public static void AddAuditLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => new AuditLimits(configuration));
        services.AddOptions<RazorPagesOptions>().Configure<AuditLimits>((o, limits) => o.Conventions.AddPageApplicationModelConvention("/Tools/Audit",
            model => model.EndpointMetadata.Add(new RequestSizeLimitAttribute(limits.MaxRequestBytes))));
    }

    /// <summary>503 with Retry-After: the audit queue is full.</summary>
    public static void RefuseBusy(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = AuditLimits.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
