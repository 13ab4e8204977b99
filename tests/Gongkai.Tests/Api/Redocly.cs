using System.Diagnostics;
using System.Text.Json;

namespace Gongkai.Tests.Api;

/// <summary>
/// Redocly CLI (npm <c>@redocly/cli</c>, installed by <c>npm ci --prefix tests/tools</c>) linting an OpenAPI document with
/// tests/tools/redocly.yaml (the recommended rules). Without Node or the package the test is skipped, except under CI=true,
/// where it fails.
/// </summary>
public static class Redocly
{
    public sealed record Problem(string Rule, string Severity, string Message, string Pointer);

    public static async Task<IReadOnlyList<Problem>> LintAsync(string document)
    {
        var cli = TestTools.ToolPath("node_modules", "@redocly", "cli", "bin", "cli.js");
        TestTools.Require(cli, "node", "--version", "Redocly CLI needs Node.js (apt-get install npm) and `npm ci --prefix tests/tools`");
        var folder = Directory.CreateTempSubdirectory("gongkai-redocly-");
        try
        {
            var file = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, document);
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.FullName };
            foreach (var argument in new[] { cli, "lint", file, "--config", TestTools.ToolPath("redocly.yaml"), "--format", "json", "--max-problems", "1000" })
                start.ArgumentList.Add(argument);
            // No telemetry or update check: the machine has no network beyond the package registries.
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var node = Process.Start(start)!;
            var output = node.StandardOutput.ReadToEndAsync();
            var errors = node.StandardError.ReadToEndAsync();
            await node.WaitForExitAsync();
            var json = await output;
            Assert.True(json.TrimStart().StartsWith('{'), "Redocly did not answer in JSON: " + await errors + json);
            using var report = JsonDocument.Parse(json);
            return [.. report.RootElement.GetProperty("problems").EnumerateArray().Select(p => new Problem(
                p.GetProperty("ruleId").GetString() ?? "",
                p.GetProperty("severity").GetString() ?? "",
                p.GetProperty("message").GetString() ?? "",
                p.TryGetProperty("location", out var location) && location.GetArrayLength() > 0
                    ? location[0].GetProperty("pointer").GetString() ?? "" : ""))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
