using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Gongkai.Web;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Reports;

/// <summary>
/// Issue 13, finding 1: the public audit (/tools/audit, POST /api/v1/audit) cannot tie up the portal — a body over
/// Audit:MaxBytes is refused with 413, a client over RateLimits:AuditsPerMinute with 429, and audits run one at a time
/// behind a bounded queue (Audit:MaxConcurrent, Audit:QueueLimit): a request that finds the queue full gets 503.
/// </summary>
public class AuditLimitsTests
{
    private const string Report = "青岚市2024年政府信息公开工作年度报告\n全年共收到政府信息公开申请12件。";

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content) =>
        await client.PostFileAsync("/tools/audit", "Upload", "报告.txt", content, "/tools/audit");

    [Fact]
    public async Task A_report_over_the_size_limit_should_be_refused_with_413_in_chinese_on_the_page_and_as_problem_details()
    {
        await using var app = new WebApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), new Dictionary<string, string?> { ["Audit:MaxBytes"] = "100000" });
        app.UseKestrel(0);   // the server's own body limits, as in production
        var client = app.Browser();
        var over = Encoding.UTF8.GetBytes(new string('报', 40_000));   // 120,000 bytes

        var api = await client.PostAsync("/api/v1/audit", new ByteArrayContent(over) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } });
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("超过 97.7 KB", JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString());
        var chunked = new StreamContent(new MemoryStream(over)) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } };
        chunked.Headers.ContentLength = null;
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await client.PostAsync("/api/v1/audit", chunked)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/audit", Text(Report))).StatusCode);
        // Far over: refused before the body is read (the client waits to be asked for it).
        using var farApi = new HttpRequestMessage(HttpMethod.Post, "/api/v1/audit")
        { Content = new ByteArrayContent(new byte[1_000_000]) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, Headers = { ExpectContinue = true } };
        var early = await client.SendAsync(farApi);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, early.StatusCode);
        Assert.Equal("提交的内容过大", JsonDocument.Parse(await early.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString());

        var page = await UploadAsync(client, over);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, page.StatusCode);
        Assert.Contains("提交的报告超过 97.7 KB", await page.Content.ReadAsStringAsync());
        // Far over: the Chinese error page.
        var token = (await client.GetPageAsync("/tools/audit")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(new byte[1_000_000]), "Upload", "报告.txt" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/tools/audit") { Content = form, Headers = { ExpectContinue = true } };
        var far = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, far.StatusCode);
        Assert.Contains("提交的内容过大", await far.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_client_over_its_audits_per_minute_should_be_refused_with_429_and_told_when_to_retry()
    {
        await using var app = new WebApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), new Dictionary<string, string?> { ["RateLimits:AuditsPerMinute"] = "2" });
        var client = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/v1/audit", Text(Report))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/tools/audit", new() { ["Text"] = Report })).StatusCode);   // the page counts too

        var refused = await client.PostAsync("/api/v1/audit", Text(Report));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var page = await client.PostFormAsync("/tools/audit", new() { ["Text"] = Report });
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains("操作过于频繁", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tools/audit")).StatusCode);   // reading the page is not limited
    }

    [Fact]
    public async Task Audits_should_run_one_at_a_time_and_a_request_finding_the_queue_full_should_get_503()
    {
        await using var app = new WebApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), new Dictionary<string, string?> { ["Audit:QueueLimit"] = "1" });
        var client = app.Browser();
        var limits = app.Services.GetRequiredService<AuditLimits>();

        // The one turn is taken (an audit running): the next audit waits in the queue …
        var running = await limits.WaitForTurnAsync(TestContext.Current.CancellationToken);
        Assert.True(running.IsAcquired);
        var waiting = client.PostAsync("/api/v1/audit", Text(Report));
        while (limits.Statistics.CurrentQueuedCount == 0)
            await Task.Delay(10, TestContext.Current.CancellationToken);
        Assert.False(waiting.IsCompleted);

        // … and with the queue full, another is refused at once, by the API and by the page.
        var refused = await client.PostAsync("/api/v1/audit", Text(Report));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(AuditLimits.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        var page = await client.PostFormAsync("/tools/audit", new() { ["Text"] = Report });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains(AuditLimits.Busy, await page.Content.ReadAsStringAsync());

        // The running audit ends: the waiting one gets its turn.
        running.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await waiting).StatusCode);
        Assert.Equal(1, limits.Statistics.CurrentAvailablePermits);
    }
}
