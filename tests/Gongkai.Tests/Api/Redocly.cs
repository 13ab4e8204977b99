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
        var tools = ToolsFolder();
        var cli = Path.Combine(tools, "node_modules", "@redocly", "cli", "bin", "cli.js");
        if (!File.Exists(cli) || !NodePresent())
        {
            const string help = "Redocly CLI needs Node.js (apt-get install npm) and `npm ci --prefix tests/tools`";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail("CI=true but " + help);
            Assert.Skip("Skipped: " + help);
        }
        var folder = Directory.CreateTempSubdirectory("gongkai-redocly-");
        try
        {
            var file = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, document);
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder.FullName };
            foreach (var argument in new[] { cli, "lint", file, "--config", Path.Combine(tools, "redocly.yaml"), "--format", "json", "--max-problems", "1000" })
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

    private static string ToolsFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Gongkai.slnx")))
            folder = folder.Parent;
        return folder is null ? "" : Path.Combine(folder.FullName, "tests", "tools");
    }

    private static bool NodePresent()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardError = true, RedirectStandardOutput = true });
            node!.WaitForExit(30_000);
            return node.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
