using System.Net;
using Gongkai.App.Accounts;
using Gongkai.App.Cases;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gongkai.Tests.Web;

/// <summary>
/// Issue 13, finding 9: no route answers 500, whatever it is sent. Every route of the portal and the API (read from the
/// app's endpoints, so new routes are walked too) is called as the public and as a signed-in 系统管理员 with route values
/// real and bad, query fields out of range, of the wrong type, huge or invalid UTF-8, and bodies of the wrong shape,
/// broken, or over the size limit. The app runs on Kestrel, as in production, so the body limits are the real ones.
/// </summary>
/// <remarks>SQLite only: the walk is about handling input, not about the database, and one walk (some 11,000 requests) takes a minute or two.</remarks>
public class MalformedInputTests
{
    [Fact]
    public async Task No_route_should_answer_500_to_malformed_input_from_the_public_or_staff()
    {
        var errors = new ErrorLog();
        var settings = new Dictionary<string, string?> { ["RateLimits:PublicFormsPerMinute"] = "1000000", ["RateLimits:AuditsPerMinute"] = "1000000" };
        await using var app = new WebApp(await TestDatabase.CreateAsync(DatabaseProvider.Sqlite), settings) { TestServices = s => s.AddSingleton<ILoggerProvider>(errors) };
        app.UseKestrel(0);
        await app.AddStaffAsync("walker", "city", StaffRole.SystemAdmin);
        await app.AddStaffAsync("walker-target", "yy", StaffRole.CatalogEditor);
        var clients = new[] { ("公众", app.Browser()), ("系统管理员", await app.SignedInAsync("walker")) };
        var known = await KnownValuesAsync(app);
        var calls = await RouteWalk.CallsAsync(app.Services);
        foreach (var expected in new[] { "GET /xxgk/{unit?}", "POST /tools/audit", "POST /ysqgk/apply", "POST /office/catalog/edit/{id:guid?}?handler=Attach",
            "POST /api/v1/audit", "GET /api/v1/catalog/", "POST /api/v1/office/catalog/{id:guid}/attachments" })
            Assert.Contains(calls, c => string.Equals(c.ToString(), expected, StringComparison.OrdinalIgnoreCase));

        var failures = new List<string>();
        var sent = 0;
        foreach (var (who, client) in clients)
        {
            var token = (await client.GetPageAsync("/tools/audit")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
            foreach (var call in calls)
            {
                var method = new HttpMethod(call.Method);
                var paths = RouteWalk.Paths(call.Route, known);
                var unsafeMethod = method != HttpMethod.Get && method != HttpMethod.Head;
                var handler = call.Handler is { } h ? "?handler=" + h : "";
                foreach (var path in paths)
                    await SendAsync(path + handler, null);
                foreach (var value in RouteWalk.BadValues)
                    foreach (var query in RouteWalk.Queries(call, value).Concat(RouteWalk.Queries(call, value, known)))
                        await SendAsync(paths[0] + query, null);
                if (!unsafeMethod)
                    continue;
                List<BadBodies.Body> bodies = call.IsPage
                    ? [.. RouteWalk.BadValues.SelectMany(v => new[] { BadBodies.Form(call.Fields, v, token), BadBodies.Form(call.Fields, v, token, known) }),
                        BadBodies.InvalidUtf8Form(token), BadBodies.Form(call.Fields, "1", null)]
                    : [.. BadBodies.Json(call.JsonBody)];
                bodies.Add(BadBodies.Files(call.Fields, call.FileFields, call.IsPage ? token : null));
                bodies.AddRange(BadBodies.OverLimit());
                foreach (var body in bodies)
                    await SendAsync(paths[0] + handler, body);

                async Task SendAsync(string url, BadBodies.Body? body)
                {
                    using var request = new HttpRequestMessage(method, url) { Content = body?.Content() };
                    if (body?.OverLimit == true)
                        request.Headers.ExpectContinue = true;
                    sent++;
                    errors.Clear();
                    try
                    {
                        using var response = await client.SendAsync(request);
                        if ((int)response.StatusCode >= 500 && response.StatusCode != HttpStatusCode.ServiceUnavailable)
                            failures.Add($"{who} {method} {url[..Math.Min(url.Length, 200)]} {body?.Name} → {(int)response.StatusCode} {errors.Last}");
                    }
                    catch (HttpRequestException e)
                    {
                        // Over the limit: the server may refuse the body and close the connection while it is still being sent.
                        if (body?.OverLimit != true || e.HttpRequestError == HttpRequestError.InvalidResponse)
                            failures.Add($"{who} {method} {url[..Math.Min(url.Length, 200)]} {body?.Name} → {e.Message}");
                    }
                }
            }
        }
        TestContext.Current.SendDiagnosticMessage($"{calls.Count} route calls, {sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests answered 500:\n" + string.Join("\n", failures.Take(60)));
    }

    /// <summary>The app's last logged exception, to say why a request failed.</summary>
    private sealed class ErrorLog : ILoggerProvider, ILogger
    {
        private volatile string? last;

        public string? Last => last;

        public void Clear() => last = null;

        public ILogger CreateLogger(string categoryName) => this;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is not null && logLevel >= LogLevel.Error)
                last = $"{exception.GetType().Name}: {exception.Message} {exception.InnerException?.Message} at {exception.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("Gongkai", StringComparison.Ordinal))?.Trim()}";
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public void Dispose() { }
    }

    /// <summary>Real records and their route values, by route parameter name, so the walk gets past "not found" into the handlers.</summary>
    private static async Task<Dictionary<string, string[]>> KnownValuesAsync(WebApp app)
    {
        var db = app.Database;
        var application = await Applications.AnswerDocumentTests.RecordAsync(db);
        var draft = await Catalog.CatalogWorkflowTests.SubmittedAsync(db, Catalog.CatalogWorkflowTests.Notice("待审核的通知"));
        var item = await Catalog.CatalogWorkflowTests.SubmittedAsync(db, Catalog.CatalogWorkflowTests.Notice());
        await using var scope = db.Scope();
        var published = (await db.Get<PublishCatalogItem>(scope).HandleAsync(new(item.Id), StaffScope.System)).Value!;
        var reviewCase = (await db.Get<SaveReviewCase>(scope).HandleAsync(new(null, SeedDemoData.CodeOf("yy-jyj"), "", Cases.CaseBuilder.Suit()), StaffScope.System)).Value!;
        var data = db.Get<GongkaiDb>(scope);
        var trackingCode = await data.Applications.Where(a => a.Id == application).Select(a => a.TrackingCode).SingleAsync();
        var unitId = await data.Units.Where(u => u.Code == SeedDemoData.CodeOf("yy")).Select(u => u.Id).SingleAsync();
        return new(StringComparer.OrdinalIgnoreCase)
        {
            ["id"] = [.. new[] { application, published.Id, reviewCase.Id, draft.Id, unitId }.Select(g => g.ToString())],
            ["code"] = [SeedDemoData.CodeOf("city"), trackingCode],
            ["unit"] = [SeedDemoData.CodeOf("city"), SeedDemoData.CodeOf("yy")],
            ["year"] = ["2024"],
            ["unitCode"] = [SeedDemoData.CodeOf("yy")],
            ["scope"] = ["unit"],
            ["indexNumber"] = [published.IndexNumber!],
            ["userName"] = ["walker-target"],
            ["sequence"] = ["1"],
        };
    }
}
