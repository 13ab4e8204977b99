using System.Text.Json;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Reading;

namespace Gongkai.Core.Tests.Reports.Reading;

/// <summary>
/// The test data next to these tests: Samples/ (the three published reports of /work/shared/samples, a comment line
/// first) and Written/ (reports the team wrote in each layout, each with its expected JSON). Found by walking up from
/// the test assembly to the repository, so the project file need not copy them.
/// </summary>
internal static class ReadingFiles
{
    public static string Folder { get; } = Find();

    public static string Sample(string name) => Text(Path.Combine(Folder, "Samples", name + ".txt"));

    public static IEnumerable<string> WrittenNames() =>
        Directory.EnumerateFiles(Path.Combine(Folder, "Written"), "*.json").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static string Written(string name) =>
        Text(Directory.EnumerateFiles(Path.Combine(Folder, "Written"), name + ".*").Single(f => !f.EndsWith(".json", StringComparison.Ordinal)));

    public static Expected ExpectedFor(string name)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "Written", name + ".json")));
        var root = json.RootElement;
        var approximate = root.GetProperty("approximate").EnumerateArray().Select(a => a.GetString()!).ToHashSet();
        var figures = root.GetProperty("figures").EnumerateObject()
            .Select(p => KeyValuePair.Create(p.Name, new Figure(p.Value.GetDecimal(), approximate.Contains(p.Name))));
        return new Expected(
            ReportForms.FromCode(root.GetProperty("form").GetString()!),
            root.GetProperty("unit").GetString(),
            root.GetProperty("year").GetInt32(),
            ReportFigures.From(figures),
            [.. root.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("rule").GetString()!, f.GetProperty("severity").GetString()!))]);
    }

    /// <summary>A file's text without its leading comment line.</summary>
    private static string Text(string path)
    {
        var text = File.ReadAllText(path);
        return text.StartsWith('#') ? text[(text.IndexOf('\n') + 1)..] : text;
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Gongkai.Core.Tests", "Reports", "Reading");
            if (Directory.Exists(Path.Combine(candidate, "Samples")))
                return candidate;
        }
        throw new DirectoryNotFoundException("找不到 tests/Gongkai.Core.Tests/Reports/Reading（从测试程序集所在目录向上查找）。");
    }
}

internal sealed record Expected(ReportForm Form, string? Unit, int Year, ReportFigures Figures, IReadOnlyList<(string Rule, string Severity)> Findings);
