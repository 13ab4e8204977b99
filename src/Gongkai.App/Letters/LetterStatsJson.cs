using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Gongkai.Core.Letters;

namespace Gongkai.App.Letters;

/// <summary>Letter statistics as JSON (`gongkai letters stats --format json`, the staff API): figures under stable camelCase keys.</summary>
public static class LetterStatsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public sealed record Figures(long Received, long Valid, long Invalid, long TransferredOut, long Answered, long AnsweredOnTime, long Overdue,
        long Open, long Rated, long Satisfied, long Published, double? AverageWorkingDays, double? SatisfactionRate);

    public sealed record Row(string Key, string Label, Figures Figures);

    public sealed record Report(string Unit, string UnitCode, DateOnly From, DateOnly To, string By, IReadOnlyList<Row> Rows, Figures Total,
        long SuggestionsShown, long StoppedAfterSuggestions);

    public static Figures From(LetterFigures f) => new(f[LetterFigure.Received], f[LetterFigure.Valid], f[LetterFigure.Invalid], f[LetterFigure.TransferredOut],
        f[LetterFigure.Answered], f[LetterFigure.AnsweredOnTime], f[LetterFigure.Overdue], f[LetterFigure.Open], f[LetterFigure.Rated], f[LetterFigure.Satisfied],
        f[LetterFigure.Published], f.AverageWorkingDays, f.SatisfactionRate);

    public static Report From(LetterStats.Report r) => new(r.Unit, r.UnitCode, r.From, r.To, r.By.ToString().ToLowerInvariant(),
        [.. r.Rows.Select(row => new Row(row.Key, row.Label, From(row.Figures)))], From(r.Total), r.SuggestionsShown, r.StoppedAfterSuggestions);
}
