using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gongkai.Core.SiteCheck;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// A run's result as the CLI prints it and <see cref="SiteCheckRun.ScorecardJson"/> stores it: <c>veto</c> (each with
/// <c>rule</c>, <c>subject</c>, <c>passed</c>, <c>evidence</c>), <c>score</c>, <c>passed</c>, the deductions and bonuses, and
/// <c>findings</c> most urgent first.
/// </summary>
public sealed record SiteCheckReport(
    string UnitCode, string UnitName, DateTime At, IReadOnlyList<VetoResult> Veto, int Score, bool Passed,
    IReadOnlyList<ScoreLine> Deductions, IReadOnlyList<ScoreLine> Bonuses, IReadOnlyList<Finding> Findings)
{
    public static SiteCheckReport Of(string unitCode, string unitName, DateTime at, Scorecard card, IEnumerable<Finding> findings) =>
        new(unitCode, unitName, at, card.Vetoes, card.Score, card.Passed, card.Deductions, card.Bonuses,
            [.. findings.OrderBy(f => f.Urgency).ThenBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Target.Label, StringComparer.Ordinal)]);

    [JsonIgnore]
    public Scorecard Scorecard => new(Veto, Deductions, Bonuses);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        WriteIndented = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static SiteCheckReport FromJson(string json) => JsonSerializer.Deserialize<SiteCheckReport>(json, Json)!;
}
