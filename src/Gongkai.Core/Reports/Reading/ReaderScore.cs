using System.Globalization;
using System.Text;

namespace Gongkai.Core.Reports.Reading;

/// <summary>A stated figure the reader got wrong: missed (<paramref name="Read"/> null) or read as another value.</summary>
public sealed record FigureMiss(string Id, string Key, decimal Expected, decimal? Read, string? Quote);

/// <summary>A figure the reader reports that the text does not state.</summary>
public sealed record FigureExtra(string Id, string Key, decimal Read, string? Quote);

/// <summary>How one report was read against its truth file.</summary>
public sealed record ReportScore(
    CorpusTruth Truth, ReadReport Read, IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Right, IReadOnlyList<FigureMiss> Misses, IReadOnlyList<FigureExtra> Extras,
    IReadOnlyList<TruthInconsistency> Unflagged, IReadOnlyList<Finding> FalseErrors)
{
    public bool FormRight => Read.Form == Truth.Form;

    public bool UnitRight => ReaderScore.SameUnit(Truth.Unit, Read.Unit);

    public bool YearRight => Read.Year == Truth.Year;
}

/// <summary>Right out of all, as a share.</summary>
public readonly record struct Tally(int Right, int Total, int Extra = 0)
{
    public double Share => Total == 0 ? 1 : (double)Right / Total;

    public Tally Add(Tally other) => new(Right + other.Right, Total + other.Total, Extra + other.Extra);

    public override string ToString() => Total == 0 && Extra == 0 ? "—"
        : $"{Right.ToString("N0", CultureInfo.InvariantCulture)}/{Total.ToString("N0", CultureInfo.InvariantCulture)}（{(Share * 100).ToString("0.0", CultureInfo.InvariantCulture)}%）"
          + (Extra > 0 ? $"，多读 {Extra}" : "");
}

/// <summary>
/// Holds the reader to issue 18's corpus: for each real report, form, unit and year against the truth file, every stated
/// figure read right (missed, misread, and figures the text does not state), every genuine inconsistency flagged (an
/// error or a warning resting on one of its figures), and no error on a report that has none. Pure: the caller reads the
/// files. <c>gongkai report audit --score</c> prints <see cref="Describe"/>; the corpus test asserts the thresholds.
/// </summary>
public static class ReaderScore
{
    public static ReportScore Score(CorpusTruth truth, ReadReport read, IReadOnlyList<Finding> findings)
    {
        var right = new List<string>();
        var misses = new List<FigureMiss>();
        foreach (var (key, expected) in truth.Figures.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (read.Figures[key] is { } figure && figure.Value == expected)
                right.Add(key);
            else
                misses.Add(new FigureMiss(truth.Id, key, expected, read.Figures[key]?.Value, read.Figures[key] is null ? null : read.Quote(key)));
        }
        var extras = read.Figures.Values.Where(v => !truth.Figures.ContainsKey(v.Key)).OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new FigureExtra(truth.Id, v.Key, v.Value.Value, read.Quote(v.Key))).ToList();
        var unflagged = truth.Inconsistencies.Where(i => !Flagged(truth, i, findings)).ToList();
        var falseErrors = truth.Inconsistencies.Count == 0 ? findings.Where(f => f.Severity == Severity.Error).ToList() : [];
        return new ReportScore(truth, read, findings, right, misses, extras, unflagged, falseErrors);
    }

    /// <summary>
    /// An inconsistency is flagged when an error or warning rests on one of its figures: the same key, or a figure of the
    /// same (non-zero) value read from the prose. One without keys is flagged by any finding.
    /// </summary>
    private static bool Flagged(CorpusTruth truth, TruthInconsistency inconsistency, IReadOnlyList<Finding> findings)
    {
        if (inconsistency.Keys.Count == 0)
            return findings.Count > 0;
        var keys = inconsistency.Keys.ToHashSet(StringComparer.Ordinal);
        var values = inconsistency.Keys.Select(k => truth.Figures.GetValueOrDefault(k)).Where(v => v != 0).ToHashSet();
        return findings.Any(f => f.Evidence.Any(e => keys.Contains(e.Key) || values.Contains(e.Figure.Value)));
    }

    /// <summary>Units compare as the text writes them, after the reader's normalisation (traditional → simplified, no spaces).</summary>
    public static bool SameUnit(string? expected, string? read) => Plain(expected) == Plain(read);

    private static string? Plain(string? unit) =>
        unit is null ? null : string.Concat(ReportText.Normalize(unit).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The table a key belongs to, or 正文 for the figures prose states.</summary>
    public static string Group(string key) => key.Split('.')[0] switch
    {
        ReportKeys.Table2 => "表二",
        ReportKeys.Table3 => "表三",
        ReportKeys.Table4 => "表四",
        ReportKeys.Legacy => "统计表",
        _ => "正文",
    };

    private static Tally Figures(ReportScore s, Func<string, bool>? keys = null)
    {
        keys ??= _ => true;
        return new(s.Right.Count(keys), s.Right.Count(keys) + s.Misses.Count(m => keys(m.Key)), s.Extras.Count(e => keys(e.Key)));
    }

    public static Tally Figures(IEnumerable<ReportScore> scores) => scores.Aggregate(new Tally(), (t, s) => t.Add(Figures(s)));

    /// <summary>Figure accuracy by a property of the report (layout, form, level) or of the key (its table).</summary>
    public static IReadOnlyList<(string Name, Tally Tally)> FiguresBy(IEnumerable<ReportScore> scores, Func<CorpusTruth, string> by) =>
        [.. scores.GroupBy(s => by(s.Truth)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, Figures(g)))];

    public static IReadOnlyList<(string Name, Tally Tally)> FiguresByTable(IReadOnlyList<ReportScore> scores) =>
        [.. new[] { "表二", "表三", "表四", "统计表", "正文" }
            .Select(group => (group, scores.Aggregate(new Tally(), (t, s) => t.Add(Figures(s, k => Group(k) == group)))))];

    public static Tally Forms(IReadOnlyList<ReportScore> scores) => new(scores.Count(s => s.FormRight), scores.Count);

    public static Tally Units(IReadOnlyList<ReportScore> scores) => new(scores.Count(s => s.UnitRight), scores.Count);

    public static Tally Years(IReadOnlyList<ReportScore> scores) => new(scores.Count(s => s.YearRight), scores.Count);

    public static Tally Inconsistencies(IReadOnlyList<ReportScore> scores) =>
        new(scores.Sum(s => s.Truth.Inconsistencies.Count - s.Unflagged.Count), scores.Sum(s => s.Truth.Inconsistencies.Count));

    /// <summary>The scores as a reader of the README wants them: accuracy by field group, layout and form, then every miss.</summary>
    public static string Describe(IReadOnlyList<ReportScore> scores)
    {
        var text = new StringBuilder();
        var figures = Figures(scores);
        text.AppendLine($"语料：{scores.Count} 份报告，{figures.Total:N0} 个数字，{scores.Sum(s => s.Truth.Inconsistencies.Count)} 处不一致");
        text.AppendLine($"格式 {Forms(scores)}；单位 {Units(scores)}；年度 {Years(scores)}");
        text.AppendLine($"数字：{figures}");
        void Section(string title, IReadOnlyList<(string Name, Tally Tally)> rows)
        {
            text.AppendLine(title);
            foreach (var (name, tally) in rows)
                text.AppendLine($"  {name}\t{tally}");
        }
        Section("按表：", FiguresByTable(scores));
        Section("按版式：", FiguresBy(scores, t => t.Layout));
        Section("按格式：", FiguresBy(scores, t => t.Form.Code()));
        Section("按层级：", FiguresBy(scores, t => t.Level));
        var falseErrors = scores.Where(s => s.FalseErrors.Count > 0).ToList();
        text.AppendLine($"检查：不一致已提示 {Inconsistencies(scores)}；无不一致而报错误的报告 {falseErrors.Count} 份");

        foreach (var s in scores.Where(s => !s.FormRight || !s.UnitRight || !s.YearRight))
        {
            var wrong = new List<string>();
            if (!s.FormRight)
                wrong.Add($"格式应为 {s.Truth.Form.Code()}，读作 {s.Read.Form.Code()}");
            if (!s.UnitRight)
                wrong.Add($"单位应为「{s.Truth.Unit ?? "（无）"}」，读作「{s.Read.Unit ?? "（无）"}」");
            if (!s.YearRight)
                wrong.Add($"年度应为 {s.Truth.Year?.ToString(CultureInfo.InvariantCulture) ?? "（无）"}，读作 {s.Read.Year?.ToString(CultureInfo.InvariantCulture) ?? "（无）"}");
            text.AppendLine($"  {s.Truth.Id}：{string.Join("；", wrong)}");
        }
        var misread = scores.SelectMany(s => s.Misses).Where(m => m.Read is not null).ToList();
        if (misread.Count > 0)
            text.AppendLine("误读（应为 → 读作）：");
        foreach (var m in misread)
            text.AppendLine($"  {m.Id} {m.Key}：{Plain(m.Expected)} → {Plain(m.Read!.Value)}「{Short(m.Quote)}」");
        var missed = scores.SelectMany(s => s.Misses).Where(m => m.Read is null).ToList();
        if (missed.Count > 0)
            text.AppendLine("漏读：");
        foreach (var group in missed.GroupBy(m => m.Id))
            text.AppendLine($"  {group.Key}：{string.Join("，", group.Select(m => $"{m.Key}={Plain(m.Expected)}"))}");
        var extras = scores.SelectMany(s => s.Extras).ToList();
        if (extras.Count > 0)
            text.AppendLine("多读（文中未写）：");
        foreach (var e in extras)
            text.AppendLine($"  {e.Id} {e.Key}={Plain(e.Read)}「{Short(e.Quote)}」");
        foreach (var s in scores.Where(s => s.Unflagged.Count > 0))
            foreach (var i in s.Unflagged)
                text.AppendLine($"未提示的不一致：{s.Truth.Id}：{i.Note}");
        foreach (var s in falseErrors)
            foreach (var f in s.FalseErrors)
                text.AppendLine($"误报错误：{s.Truth.Id}：{f.Message}（{f.Rule}）");
        return text.ToString();
    }

    private static string Plain(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static string Short(string? quote) => quote is null ? "" : quote.Length <= 60 ? quote : quote[..60] + "…";
}
