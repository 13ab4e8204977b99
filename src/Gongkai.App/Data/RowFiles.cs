using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Gongkai.App.Data;

/// <summary>
/// The rows of an import file — CSV with a header, or JSON Lines (one object per line) — as field dictionaries keyed by
/// <c>keyOf</c> (which maps the English and Chinese column names to one key), with the line each came from and why
/// it could not be read. Shared by every `gongkai … import`.
/// </summary>
public static class RowFiles
{
    public static IEnumerable<(int Line, Dictionary<string, string> Fields, string? Unreadable)> Read(Func<Stream> open, bool csv, IReadOnlyDictionary<string, string> keyOf)
    {
        using var reader = new StreamReader(open(), detectEncodingFromByteOrderMarks: true);
        if (csv)
        {
            using var parser = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
            if (!parser.Read())
                yield break;
            parser.ReadHeader();
            var header = parser.HeaderRecord!.Select(h => keyOf.GetValueOrDefault(h.Trim().TrimStart('\uFEFF'), h.Trim())).ToArray();
            while (parser.Read())
            {
                var fields = new Dictionary<string, string>();
                for (var i = 0; i < header.Length; i++)
                    fields[header[i]] = parser.GetField(i) ?? "";
                yield return (parser.Parser.RawRow, fields, null);
            }
            yield break;
        }
        foreach (var (line, text) in Lines(reader))
            yield return Parse(line, text, keyOf);
    }

    /// <summary>
    /// The rows as <see cref="Read"/> gives them, each passed through <paramref name="map"/>, in the file's order: JSON
    /// lines are parsed and mapped on every core (lines are read on one), CSV rows read on one and mapped on every core.
    /// </summary>
    public static IEnumerable<T> ReadParallel<T>(Func<Stream> open, bool csv, IReadOnlyDictionary<string, string> keyOf,
        Func<(int Line, Dictionary<string, string> Fields, string? Unreadable), T> map)
    {
        if (csv)
            return Read(open, csv, keyOf).AsParallel().AsOrdered().Select(map);
        return JsonLines(open).AsParallel().AsOrdered().Select(l => map(Parse(l.Line, l.Text, keyOf)));
    }

    private static IEnumerable<(int Line, string Text)> JsonLines(Func<Stream> open)
    {
        using var reader = new StreamReader(open(), detectEncodingFromByteOrderMarks: true);
        foreach (var line in Lines(reader))
            yield return line;
    }

    /// <summary>The lines with something on them, numbered from 1.</summary>
    private static IEnumerable<(int Line, string Text)> Lines(StreamReader reader)
    {
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (!string.IsNullOrWhiteSpace(text))
                yield return (line, text);
        }
    }

    private static (int Line, Dictionary<string, string> Fields, string? Unreadable) Parse(int line, string text, IReadOnlyDictionary<string, string> keyOf)
    {
        Dictionary<string, string> fields;
        string? problem = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            fields = json.RootElement.ValueKind != JsonValueKind.Object ? [] : json.RootElement.EnumerateObject().ToDictionary(
                p => keyOf.GetValueOrDefault(p.Name, p.Name),
                p => p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString()!,
                    JsonValueKind.Array => string.Join(';', p.Value.EnumerateArray().Select(v => v.ToString())),
                    JsonValueKind.Null => "",
                    _ => p.Value.ToString(),
                });
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                problem = "每行应是一个 JSON 对象。";
        }
        catch (JsonException e)
        {
            fields = [];
            problem = $"不是有效的 JSON：{e.Message}";
        }
        return (line, fields, problem);
    }
}
