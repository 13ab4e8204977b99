using System.Collections.Immutable;
using System.Text.Json;

namespace Gongkai.Core.Reports.Reading;

/// <summary>An inconsistency a person found in a report's text: the figures involved and what does not agree.</summary>
public sealed record TruthInconsistency(IReadOnlyList<string> Keys, string Note);

/// <summary>
/// What a person read in one real published report (issue 18's corpus, <c>tests/…/Reading/Corpus/truth/ID.json</c>):
/// the form, unit and year as the text states them, every figure it states under Gongkai's keys (what it does not state
/// is absent), and each genuine inconsistency. Made by reading the text, never from the reader's output: this is the
/// standard the reader is held to.
/// </summary>
public sealed record CorpusTruth(
    string Id, string Source, string Level, string Layout, string Extent,
    ReportForm Form, string? Unit, int? Year,
    ImmutableDictionary<string, decimal> Figures, ImmutableHashSet<string> Approximate,
    IReadOnlyList<TruthInconsistency> Inconsistencies, IReadOnlyList<string> Notes)
{
    /// <summary>Parses a truth file; <exception cref="FormatException">names what is wrong in Chinese.</exception></summary>
    public static CorpusTruth Parse(string id, string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            string Text(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
            string? Optional(string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            IEnumerable<JsonElement> Array(JsonElement parent, string name) =>
                parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];
            var figures = root.GetProperty("figures").EnumerateObject()
                .ToImmutableDictionary(p => p.Name, p => p.Value.GetDecimal(), StringComparer.Ordinal);
            return new CorpusTruth(
                id, Text("source"), Text("level"), Text("layout"), Text("extent"),
                ReportForms.FromCode(Text("form")),
                Optional("unit"),
                root.TryGetProperty("year", out var year) && year.ValueKind == JsonValueKind.Number ? year.GetInt32() : null,
                figures,
                Array(root, "approximate").Select(a => a.GetString()!).ToImmutableHashSet(StringComparer.Ordinal),
                [.. Array(root, "inconsistencies").Select(i => new TruthInconsistency(
                    [.. Array(i, "keys").Select(k => k.GetString()!)],
                    i.TryGetProperty("note", out var note) ? note.GetString() ?? "" : ""))],
                [.. Array(root, "notes").Select(n => n.GetString() ?? "")]);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or ArgumentException or FormatException)
        {
            throw new FormatException($"真值文件 {id} 无法读取：{e.Message}", e);
        }
    }
}
