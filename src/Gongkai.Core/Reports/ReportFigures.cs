using System.Collections.Immutable;
using System.Globalization;

namespace Gongkai.Core.Reports;

/// <summary>
/// One stated figure: a count or a 万元 amount. <see cref="Approximate"/> marks a figure the report states roughly
/// (「14万余条」「近200万元」「约30件」, issue 6): checks never treat it as exact.
/// </summary>
public readonly record struct Figure(decimal Value, bool Approximate = false)
{
    public static implicit operator Figure(decimal value) => new(value);

    public static implicit operator Figure(int value) => new(value);

    /// <summary>The value as a message prints it: 「101」, 「65.5」, 「约140000」.</summary>
    public override string ToString() =>
        (Approximate ? "约" : "") + Value.ToString("0.############", CultureInfo.InvariantCulture);
}

/// <summary>
/// The figures of one report: cell key or summary key → figure (<see cref="ReportKeys"/>). A key that is absent means
/// the report does not state that figure (a blank cell, a number the text never gives); it is never read as zero.
/// Whoever fills the figures and knows that a blank means none (a compiled report; a table cell printed 「0」「/」「-」)
/// stores 0.
/// </summary>
public sealed record ReportFigures(ImmutableDictionary<string, Figure> Values)
{
    public static ReportFigures Empty { get; } = new(ImmutableDictionary<string, Figure>.Empty.WithComparers(StringComparer.Ordinal));

    public static ReportFigures From(IEnumerable<KeyValuePair<string, Figure>> values) => Empty.With(values);

    public static ReportFigures From(IEnumerable<KeyValuePair<string, decimal>> values) =>
        Empty.With(values.Select(v => KeyValuePair.Create(v.Key, new Figure(v.Value))));

    public int Count => Values.Count;

    public IEnumerable<string> Keys => Values.Keys;

    public bool Has(string key) => Values.ContainsKey(key);

    /// <summary>The figure at <paramref name="key"/>, or null when the report does not state it.</summary>
    public Figure? this[string key] => Values.TryGetValue(key, out var figure) ? figure : null;

    public ReportFigures With(string key, Figure figure) => new(Values.SetItem(key, figure));

    public ReportFigures With(IEnumerable<KeyValuePair<string, Figure>> values) => new(Values.SetItems(values));

    public ReportFigures Without(string key) => new(Values.Remove(key));

    /// <summary>The sum of <paramref name="keys"/> when every one is stated (approximate if any is), else null.</summary>
    public Figure? SumOfAll(IEnumerable<string> keys)
    {
        decimal sum = 0;
        var approximate = false;
        foreach (var key in keys)
        {
            if (this[key] is not { } figure)
                return null;
            sum += figure.Value;
            approximate |= figure.Approximate;
        }
        return new Figure(sum, approximate);
    }

    public bool Equals(ReportFigures? other) =>
        other is not null && Count == other.Count && Values.All(v => other[v.Key] == v.Value);

    public override int GetHashCode() => Count;
}
