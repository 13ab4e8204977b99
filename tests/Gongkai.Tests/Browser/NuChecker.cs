using System.Diagnostics;
using System.Text.Json;

namespace Gongkai.Tests.Browser;

/// <summary>
/// The Nu HTML Checker (vnu.jar from the npm package vnu-jar, installed by <c>npm ci --prefix tests/tools</c>) run with the
/// machine's Java over many pages at once (one Java start for all). Without Java or the jar the test is skipped, except
/// under CI=true, where it fails.
/// </summary>
public static class NuChecker
{
    public sealed record Message(string Page, int Line, string Text, string Extract);

    public static string JarPath()
    {
        if (Environment.GetEnvironmentVariable("GONGKAI_VNU_JAR") is { Length: > 0 } configured)
            return configured;
        var jar = TestTools.ToolPath("node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        TestTools.Require(jar, "java", "-version",
            "the Nu HTML checker needs Java (apt-get install default-jre-headless) and `npm ci --prefix tests/tools`");
        return jar;
    }

    /// <summary>The checker's errors on each page (name → HTML), in page order.</summary>
    public static async Task<IReadOnlyList<Message>> ErrorsAsync(IReadOnlyList<(string Name, string Html)> pages)
    {
        var jar = JarPath();
        var folder = Directory.CreateTempSubdirectory("gongkai-vnu-");
        try
        {
            var files = new Dictionary<string, string>();
            for (var i = 0; i < pages.Count; i++)
            {
                var file = Path.Combine(folder.FullName, $"{i:D4}.html");
                await File.WriteAllTextAsync(file, pages[i].Html);
                files[Path.GetFileName(file)] = pages[i].Name;
            }
            var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-Xss4m", "-jar", jar, "--errors-only", "--format", "json", "--exit-zero-always", "--stdout" }.Concat(files.Keys.Select(f => Path.Combine(folder.FullName, f))))
                start.ArgumentList.Add(argument);
            using var java = Process.Start(start)!;
            var output = java.StandardOutput.ReadToEndAsync();
            var errors = java.StandardError.ReadToEndAsync();
            await java.WaitForExitAsync();
            var json = await output;
            Assert.True(json.TrimStart().StartsWith('{'), "vnu.jar did not answer in JSON: " + await errors + json);
            using var report = JsonDocument.Parse(json);
            return [.. report.RootElement.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("type").GetString() == "error")
                .Select(m => new Message(
                    files.GetValueOrDefault(m.TryGetProperty("url", out var u) ? Path.GetFileName(u.GetString() ?? "") : "", "?"),
                    m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0,
                    m.GetProperty("message").GetString() ?? "",
                    m.TryGetProperty("extract", out var extract) ? extract.GetString() ?? "" : ""))];
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
