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
/// full is 503 with Retry-After. A body is read before it queues, so a slow upload never holds a turn; the OCR of a
/// scanned PDF (<c>Audit:Ocr:*</c>, <see cref="App.Reports.Audit.ScannedPdf"/>) runs inside the turn.</item>
/// </list>
/// </summary>
public sealed class AuditLimits : IDisposable
{
    /// <summary>Room for the multipart framing, the anti-forgery token and the form's other fields around the report.</summary>
    public const long FormOverhead = 64 * 1024;

    /// <summary>What a client refused for a full queue is told to wait, in seconds.</summary>
    public const int RetryAfterSeconds = 10;

    private readonly ConcurrencyLimiter turns;
    private readonly int permits;

    public AuditLimits(IConfiguration configuration)
    {
        MaxBytes = Math.Max(1, configuration.GetValue("Audit:MaxBytes", 5L * 1024 * 1024));
        permits = Math.Max(1, configuration.GetValue("Audit:MaxConcurrent", 1));
        turns = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = permits,
            QueueLimit = Math.Max(0, configuration.GetValue("Audit:QueueLimit", 8)),
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>The largest report (a file or the text) in one request.</summary>
    public long MaxBytes { get; }

    /// <summary>The largest request body: <see cref="MaxBytes"/> and the form around it.</summary>
    public long MaxRequestBytes => MaxBytes + FormOverhead;

    /// <summary>
    /// The audit routes' own limits for the server and the form reader: a body up to <see cref="MaxRequestBytes"/>, and
    /// a pasted text as long (a form value is otherwise cut at 4 MB).
    /// </summary>
    public object[] EndpointMetadata =>
    [
        new RequestSizeLimitAttribute(MaxRequestBytes),
        new RequestFormLimitsAttribute { MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = (int)Math.Min(int.MaxValue, MaxRequestBytes) },
    ];

    public string TooLarge => $"提交的报告超过 {RequestBodies.Megabytes(MaxBytes)}，不像一份年度报告（年度报告的文字通常只有几十 KB）。";

    public const string Busy = "审读请求较多，正在排队的已满，请稍后再试。";

    /// <summary>
    /// Waits for this request's turn to audit; the turn is not given (<see cref="AuditTurn.IsAcquired"/> false) when the
    /// queue is full. Dispose it either way.
    /// </summary>
    public async ValueTask<AuditTurn> WaitForTurnAsync(CancellationToken ct) => new(this, await turns.AcquireAsync(1, ct));

    /// <summary>Audits running and waiting now (tests and diagnostics).</summary>
    public RateLimiterStatistics Statistics => turns.GetStatistics()!;

    /// <summary>
    /// After the last audit of a burst, the memory it took goes back to the system: the portal's GC collects when the
    /// portal allocates, so an idle portal would keep a burst's hundreds of megabytes for hours (bench/audit-burst.sh).
    /// Once the audits are done (a second after the last), if the heap has grown by <see cref="Growth"/> since the last
    /// time: one compacting collection, off the requests, at most every ten seconds.
    /// </summary>
    private void Ended()
    {
        if (!Idle || Interlocked.Exchange(ref collecting, 1) == 1)
            return;
        var wait = Math.Max(1_000, Interlocked.Read(ref lastCollection) + 10_000 - Environment.TickCount64);
        _ = Task.Run(async () =>
        {
            do
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
                wait = 1_000;
            }
            while (!Idle);
            if (GC.GetGCMemoryInfo().TotalCommittedBytes > Interlocked.Read(ref committed) + Growth)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                Interlocked.Exchange(ref committed, GC.GetGCMemoryInfo().TotalCommittedBytes);
                Interlocked.Exchange(ref lastCollection, Environment.TickCount64);
            }
            Volatile.Write(ref collecting, 0);
        });
    }

    /// <summary>How much the heap grows before an audit's memory is given back (a few large reports; tens of small ones never).</summary>
    private const long Growth = 32 * 1024 * 1024;

    private bool Idle => Statistics is { CurrentQueuedCount: 0 } statistics && statistics.CurrentAvailablePermits == permits;

    /// <summary>1 while a collection waits for the audits to end.</summary>
    private int collecting;

    private long lastCollection = Environment.TickCount64 - 10_000;

    /// <summary>The heap's committed bytes after the last collection here (at first: when the portal started).</summary>
    private long committed = GC.GetGCMemoryInfo().TotalCommittedBytes;

    /// <summary>One audit's turn: ends when disposed.</summary>
    public sealed class AuditTurn(AuditLimits limits, RateLimitLease lease) : IDisposable
    {
        public bool IsAcquired => lease.IsAcquired;

        public void Dispose()
        {
            lease.Dispose();
            if (IsAcquired)
                limits.Ended();
        }
    }

    public void Dispose() => turns.Dispose();
}

public static class AuditLimitsSetup
{
    /// <summary>The limits, and the body limits on both audit routes (the page's through a page convention, the API's where it is mapped).</summary>
    public static void AddAuditLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => new AuditLimits(configuration));
        services.AddOptions<RazorPagesOptions>().Configure<AuditLimits>((o, limits) => o.Conventions.AddPageApplicationModelConvention("/Tools/Audit",
            model => limits.EndpointMetadata.ToList().ForEach(model.EndpointMetadata.Add)));
    }

    /// <summary>503 with Retry-After: the audit queue is full.</summary>
    public static void RefuseBusy(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = AuditLimits.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
