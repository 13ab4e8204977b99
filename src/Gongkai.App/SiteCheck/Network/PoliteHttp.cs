using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using Gongkai.Core.SiteCheck;

namespace Gongkai.App.SiteCheck.Network;

/// <summary>Whether a request is a visitor's (the homepage probe: robots.txt does not apply) or a crawler's (links, columns, feeds: it does).</summary>
public enum RequestKind
{
    Visit,
    Crawl,
}

/// <summary>
/// What one request brought back: the address it ended at after redirects, the status, the body (at most
/// <see cref="PoliteHttp.MaxBodyBytes"/>) — or why it failed, in Chinese (「15 秒内未打开」「HTTP 503」「无法连接」).
/// </summary>
public sealed record WebResponse(Uri Url, int? Status, string ContentType, byte[] Body, bool Truncated, int Milliseconds, string Error, bool TimedOut, bool Disallowed)
{
    public bool Ok => Error.Length == 0 && Status is >= 200 and < 300;

    /// <summary>The body as text: the charset of the Content-Type, else of the page's &lt;meta&gt;, else UTF-8 (GBK and GB2312 included).</summary>
    public string Text => WebText.Decode(Body, ContentType);
}

/// <summary>
/// Every request the site check sends goes through here (one per process): one <see cref="HttpClient"/> with the
/// User-Agent of <see cref="SiteCheckSettings.UserAgent"/> (it names Gongkai); one request at a time to a host (host and
/// port), each starting at least <see cref="SiteCheckSettings.PerHostInterval"/> (or the host's Crawl-delay, if longer, up to
/// 30 s) after the one before ended, whoever sends them and from whatever run; each redirect hop (at most <see cref="MaxRedirects"/>) is a request of its own
/// and waits its turn. A crawler's request first reads the host's robots.txt (once an hour per host; only a 2xx answer
/// restricts) and is not sent when robots.txt disallows it. Bodies are read up to <see cref="MaxBodyBytes"/>.
/// </summary>
public sealed class PoliteHttp : IDisposable
{
    public const int MaxBodyBytes = 2 * 1024 * 1024;
    public const int MaxRedirects = 5;
    private static readonly TimeSpan RobotsMaxAge = TimeSpan.FromHours(1);
    private static readonly TimeSpan RobotsTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan MaxCrawlDelay = TimeSpan.FromSeconds(30);

    private readonly HttpClient client;
    private readonly SiteCheckSettings settings;
    private readonly ConcurrentDictionary<string, HostGate> gates = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Lazy<Task<(RobotsTxt Robots, long At)>>> robots = new(StringComparer.OrdinalIgnoreCase);

    public PoliteHttp(SiteCheckSettings settings)
    {
        this.settings = settings;
        client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            UseCookies = false,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.Clear();
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", HeaderSafe(settings.UserAgent));
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "zh-CN,zh;q=0.9");
    }

    public string UserAgent => settings.UserAgent;

    /// <summary>A header value may hold only ASCII: other characters are left out (「Gongkai (政府网站自查)」 → 「Gongkai」).</summary>
    public static string HeaderSafe(string value)
    {
        var ascii = new string([.. value.Where(c => c is >= ' ' and <= '~')]);
        ascii = System.Text.RegularExpressions.Regex.Replace(ascii, @"\(\s*[;,]?\s*\)", "");
        ascii = System.Text.RegularExpressions.Regex.Replace(ascii, @"\(\s*[;,]\s*", "(");
        return System.Text.RegularExpressions.Regex.Replace(ascii, @"\s{2,}", " ").Trim();
    }

    /// <summary>GET <paramref name="url"/>, following redirects; <paramref name="timeout"/> counts the time spent on the network, not waiting for a host's turn.</summary>
    public Task<WebResponse> GetAsync(Uri url, RequestKind kind, TimeSpan timeout, CancellationToken ct = default) =>
        SendAsync(HttpMethod.Get, url, kind, timeout, ct);

    /// <summary>HEAD <paramref name="url"/>, or GET when the server does not allow HEAD (405, 501).</summary>
    public async Task<WebResponse> HeadOrGetAsync(Uri url, RequestKind kind, TimeSpan timeout, CancellationToken ct = default)
    {
        var head = await SendAsync(HttpMethod.Head, url, kind, timeout, ct);
        return head.Status is 405 or 501 ? await SendAsync(HttpMethod.Get, url, kind, timeout, ct) : head;
    }

    /// <summary>Whether the host's robots.txt lets the check read <paramref name="url"/> (reads robots.txt if it has not this hour).</summary>
    public async Task<bool> MayCrawlAsync(Uri url, CancellationToken ct = default)
    {
        var rules = await RobotsAsync(url, ct);
        return rules.IsAllowed(url.PathAndQuery, settings.UserAgent);
    }

    private async Task<WebResponse> SendAsync(HttpMethod method, Uri url, RequestKind kind, TimeSpan timeout, CancellationToken ct)
    {
        var current = url;
        var network = TimeSpan.Zero;
        for (var hop = 0; ; hop++)
        {
            if (current.Scheme is not ("http" or "https"))
                return Failed(current, network, "不是 http 或 https 地址");
            if (kind == RequestKind.Crawl && !await MayCrawlAsync(current, ct))
                return new WebResponse(current, null, "", [], false, (int)network.TotalMilliseconds, "robots.txt 不允许检查", false, true);
            var left = timeout - network;
            if (left <= TimeSpan.Zero)
                return TimedOut(current, network, timeout);
            using var turn = await GateOf(current).TakeTurnAsync(ct);
            var started = Stopwatch.GetTimestamp();
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(left);
            try
            {
                using var request = new HttpRequestMessage(method, current);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token);
                var status = (int)response.StatusCode;
                if (status is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    network += Stopwatch.GetElapsedTime(started);
                    turn.Dispose();
                    if (hop >= MaxRedirects)
                        return Failed(current, network, $"重定向超过 {MaxRedirects} 次", status);
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                var (body, truncated) = method == HttpMethod.Head ? ([], false) : await ReadBodyAsync(response, limit.Token);
                network += Stopwatch.GetElapsedTime(started);
                var type = response.Content.Headers.ContentType?.ToString() ?? "";
                var error = status is >= 200 and < 300 ? "" : $"HTTP {status}";
                return new WebResponse(current, status, type, body, truncated, (int)network.TotalMilliseconds, error, false, false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                network += Stopwatch.GetElapsedTime(started);
                return TimedOut(current, network, timeout);
            }
            catch (HttpRequestException e)
            {
                network += Stopwatch.GetElapsedTime(started);
                return Failed(current, network, Describe(e));
            }
        }
    }

    private static WebResponse TimedOut(Uri url, TimeSpan network, TimeSpan timeout) =>
        new(url, null, "", [], false, (int)network.TotalMilliseconds, $"{timeout.TotalSeconds:0.#} 秒内未打开", true, false);

    private static WebResponse Failed(Uri url, TimeSpan network, string error, int? status = null) =>
        new(url, status, "", [], false, (int)network.TotalMilliseconds, error, false, false);

    private static string Describe(HttpRequestException e) => e.HttpRequestError switch
    {
        HttpRequestError.NameResolutionError => "无法连接（域名无法解析）",
        HttpRequestError.SecureConnectionError => "无法建立安全连接（证书或加密错误）",
        HttpRequestError.ConnectionError when e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } => "无法连接（连接被拒绝）",
        HttpRequestError.ConnectionError => "无法连接",
        HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse => "连接中断或响应无效",
        _ when e.InnerException is AuthenticationException => "无法建立安全连接（证书或加密错误）",
        _ => "无法连接",
    };

    private static async Task<(byte[] Body, bool Truncated)> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < MaxBodyBytes)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, MaxBodyBytes - buffer.Length)), ct);
            if (read == 0)
                return (buffer.ToArray(), false);
            buffer.Write(chunk, 0, read);
        }
        return (buffer.ToArray(), true);
    }

    private HostGate GateOf(Uri url) => gates.GetOrAdd(url.Authority, _ => new HostGate(settings.PerHostInterval));

    private async Task<RobotsTxt> RobotsAsync(Uri url, CancellationToken ct)
    {
        var origin = url.GetLeftPart(UriPartial.Authority);
        while (true)
        {
            var entry = robots.GetOrAdd(origin, o => new Lazy<Task<(RobotsTxt, long)>>(() => ReadRobotsAsync(new Uri(o + "/robots.txt"))));
            var (rules, at) = await entry.Value.WaitAsync(ct);
            if (Stopwatch.GetElapsedTime(at) < RobotsMaxAge)
                return rules;
            robots.TryRemove(new KeyValuePair<string, Lazy<Task<(RobotsTxt, long)>>>(origin, entry));
        }
    }

    /// <summary>robots.txt of one origin: only a 2xx answer restricts; none, an error or a failure allows everything.</summary>
    private async Task<(RobotsTxt, long)> ReadRobotsAsync(Uri address)
    {
        var response = await SendAsync(HttpMethod.Get, address, RequestKind.Visit, RobotsTimeout, CancellationToken.None);
        var rules = response.Ok ? RobotsTxt.Parse(response.Text) : RobotsTxt.AllowAll;
        if (rules.CrawlDelay(settings.UserAgent) is { } delay)
            GateOf(address).Extra = delay > MaxCrawlDelay ? MaxCrawlDelay : delay;
        return (rules, Stopwatch.GetTimestamp());
    }

    public void Dispose() => client.Dispose();

    /// <summary>
    /// One host's turn-taking: one request at a time, and the next starts no sooner than the interval after the previous one
    /// ended — so that the server, whatever the network's delays, never sees two requests closer than the interval.
    /// </summary>
    private sealed class HostGate(TimeSpan interval)
    {
        private readonly SemaphoreSlim one = new(1, 1);
        private long next;

        /// <summary>The host's Crawl-delay, used when longer than the configured interval.</summary>
        public TimeSpan Extra { get; set; }

        public async Task<IDisposable> TakeTurnAsync(CancellationToken ct)
        {
            await one.WaitAsync(ct);
            try
            {
                var now = Stopwatch.GetTimestamp();
                if (next > now)
                    await Task.Delay(Stopwatch.GetElapsedTime(now, next), ct);
            }
            catch
            {
                one.Release();
                throw;
            }
            return new Turn(this);
        }

        private void End()
        {
            var spacing = Extra > interval ? Extra : interval;
            next = Stopwatch.GetTimestamp() + (long)(spacing.TotalSeconds * Stopwatch.Frequency);
            one.Release();
        }

        private sealed class Turn(HostGate gate) : IDisposable
        {
            private int done;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref done, 1) == 0)
                    gate.End();
            }
        }
    }
}
