using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Api;

/// <summary>
/// Issue 20: /openapi/v1.json as a consumer takes it — linted with Redocly CLI's recommended rules (no error), and every
/// operation named, summarised, with its success body's schema, and the staff operations with the staff cookie declared.
/// </summary>
public class OpenApiDocumentTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    /// <summary>
    /// Staff operations that still answer an anonymous object, so that the document has no schema for their body (and
    /// no 2xx response): to be given records. The test fails when one of them gets a schema, so the list only shrinks.
    /// </summary>
    private static readonly string[] StillUntyped =
    [
        "OfficeApplications", "OfficeApplication", "OfficeLetter", "OfficeLetterStats", "OfficeMailboxes", "OfficeMailboxSave",
        "OfficeSolicitations", "OfficeSolicitation", "OfficeSolicitationFeedback", "OfficeSolicitationFeedbackEdit",
        "OfficeSurveys", "OfficeSurvey", "OfficeInterviews", "OfficeInterview",
    ];

    [Fact]
    public async Task The_document_should_lint_without_errors_with_redoclys_recommended_rules()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var document = await app.Browser().GetStringAsync("/openapi/v1.json");
        var problems = await Redocly.LintAsync(document);
        var errors = problems.Where(p => p.Severity == "error").ToList();
        var counts = string.Join("; ", problems.GroupBy(p => (p.Severity, p.Rule)).OrderBy(g => g.Key.Severity).ThenBy(g => g.Key.Rule)
            .Select(g => $"{g.Key.Severity} {g.Key.Rule} ×{g.Count()}"));
        TestContext.Current.TestOutputHelper?.WriteLine($"Redocly: {errors.Count} errors, {problems.Count - errors.Count} warnings ({counts})");
        foreach (var warning in problems.Where(p => p.Severity != "error"))
            TestContext.Current.TestOutputHelper?.WriteLine($"{warning.Rule} at {warning.Pointer}: {warning.Message}");
        Assert.True(errors.Count == 0, $"Redocly: {errors.Count} errors, {problems.Count - errors.Count} warnings ({counts}):\n"
            + string.Join("\n", errors.Take(40).Select(e => $"{e.Rule} at {e.Pointer}: {e.Message}")));
    }

    [Fact]
    public async Task Every_operation_should_be_named_summarised_typed_and_the_staff_ones_should_declare_the_cookie()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        using var json = JsonDocument.Parse(await app.Browser().GetStringAsync("/openapi/v1.json"));
        var root = json.RootElement;

        var scheme = root.GetProperty("components").GetProperty("securitySchemes").EnumerateObject()
            .Single(s => s.Value.GetProperty("type").GetString() == "apiKey" && s.Value.GetProperty("in").GetString() == "cookie");
        Assert.Equal(Gongkai.Web.Accounts.StaffSignIn.CookieName, scheme.Value.GetProperty("name").GetString());
        Assert.All(root.GetProperty("tags").EnumerateArray(), t => Assert.False(string.IsNullOrWhiteSpace(t.GetProperty("description").GetString()), t.ToString()));

        var ids = new List<string>();
        var office = 0;
        foreach (var path in root.GetProperty("paths").EnumerateObject())
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                var op = operation.Value;
                Assert.True(op.TryGetProperty("operationId", out var id) && id.GetString() is { Length: > 0 }, where + ": no operationId");
                ids.Add(id.GetString()!);
                Assert.True(char.IsUpper(id.GetString()![0]) && id.GetString()!.All(char.IsAsciiLetterOrDigit), $"{where}: operationId {id} is not PascalCase");
                Assert.True(op.TryGetProperty("summary", out var summary) && summary.GetString()!.Any(c => c >= '\u4e00' && c <= '\u9fff'), where + ": no Chinese summary");
                var success = op.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
                var typed = success.Count > 0 && success.All(r => r.Value.TryGetProperty("content", out var content)
                    && content.EnumerateObject().Any() && content.EnumerateObject().All(c => c.Value.TryGetProperty("schema", out _)));
                Assert.True(typed != StillUntyped.Contains(id.GetString()), $"{where} ({id}): 2xx body schema {typed}");
                var secured = op.TryGetProperty("security", out var security)
                    && security.EnumerateArray().Any(s => s.TryGetProperty(scheme.Name, out _));
                var isOffice = path.Name.StartsWith("/api/v1/office/", StringComparison.Ordinal);
                Assert.True(secured == isOffice, $"{where}: staff cookie declared {secured}, expected {isOffice}");
                if (isOffice)
                {
                    office++;
                    Assert.True(op.GetProperty("responses").TryGetProperty("401", out _), where + ": no 401");
                }
            }
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(office > 30, $"only {office} staff operations");
        Assert.True(ids.Count > 60, $"only {ids.Count} operations");
    }
}
