using System.Text.Json;
using Gongkai.Core.Reports;

namespace Gongkai.App.Reports;

/// <summary>Figures as stored in a column: JSON of cell key → value, keys in ordinal order (a published snapshot, entered figures).</summary>
internal static class FiguresJson
{
    public static Dictionary<string, decimal> Values(ReportFigures figures) =>
        figures.Values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value.Value);

    public static string Write(ReportFigures figures) => JsonSerializer.Serialize(Values(figures));

    public static ReportFigures Read(string json) => ReportFigures.From(JsonSerializer.Deserialize<Dictionary<string, decimal>>(json)!);
}
