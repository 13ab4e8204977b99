namespace Gongkai.Core.Reports;

/// <summary>
/// The arithmetic the rules share, and when a disagreement is an error. Conventions:
/// <list type="bullet">
/// <item>A rule needs its total stated; an absent total, or absent parts all round, gives no finding.</item>
/// <item>Absent parts are not zero: with some parts absent, only parts that already exceed the total are a
/// disagreement (counts are never negative).</item>
/// <item>An exact disagreement is an error. When an approximate figure is involved it is at most a warning, and none at
/// all within <see cref="ApproximateTolerance"/> (「14万余条」 is not wrong against 142,000).</item>
/// </list>
/// </summary>
internal static class Reconcile
{
    /// <summary>How far an approximate figure may be from the exact one before a warning: 10%.</summary>
    public const decimal ApproximateTolerance = 0.10m;

    /// <summary><paramref name="totalKey"/> = Σ <paramref name="partKeys"/>.</summary>
    public static Finding? Sum(string rule, ReportCheckInput input, string totalKey, IReadOnlyList<string> partKeys, string partsName)
    {
        var figures = input.Figures;
        if (figures[totalKey] is not { } total)
            return null;
        var present = partKeys.Where(figures.Has).ToList();
        if (present.Count == 0)
            return null;
        var sum = Add(figures, present);
        var missing = partKeys.Count - present.Count;
        var gap = missing == 0 ? Math.Abs(total.Value - sum.Value) : sum.Value - total.Value;
        if (Judge(gap, total, sum) is not { } severity)
            return null;
        var message = missing == 0
            ? $"{input.Describe(totalKey)}为{total}，而{partsName}之和为{Terms(figures, present)}{sum}，相差{Number(gap)}，两者应相等。"
            : $"{input.Describe(totalKey)}为{total}，而{partsName}中已填的{present.Count}项之和已达{Terms(figures, present)}{sum}（另有{missing}项空白），分项之和超过总数。";
        return Found(rule, severity, message, figures, [totalKey, .. present]);
    }

    /// <summary><paramref name="totalKey"/> ≤ Σ <paramref name="partKeys"/>, all parts stated (an item on several channels counts once).</summary>
    public static Finding? AtMostSum(string rule, ReportCheckInput input, string totalKey, IReadOnlyList<string> partKeys, string partsName, string reason)
    {
        var figures = input.Figures;
        if (figures[totalKey] is not { } total || figures.SumOfAll(partKeys) is not { } sum || total.Value <= sum.Value)
            return null;
        if (Judge(total.Value - sum.Value, total, sum) is not { } severity)
            return null;
        var message = $"{input.Describe(totalKey)}为{total}，大于{partsName}之和{Terms(figures, partKeys)}{sum}（多{Number(total.Value - sum.Value)}）；{reason}";
        return Found(rule, severity, message, figures, [totalKey, .. partKeys]);
    }

    /// <summary><paramref name="partKey"/> ≤ <paramref name="wholeKey"/> (「其中」 rows, a channel against the total).</summary>
    public static Finding? NotAbove(string rule, ReportCheckInput input, string partKey, string wholeKey)
    {
        var figures = input.Figures;
        if (figures[partKey] is not { } part || figures[wholeKey] is not { } whole || part.Value <= whole.Value)
            return null;
        if (Judge(part.Value - whole.Value, part, whole) is not { } severity)
            return null;
        var message = $"{input.Describe(partKey)}为{part}，超过了{input.Describe(wholeKey)}{whole}。";
        return Found(rule, severity, message, figures, [partKey, wholeKey]);
    }

    /// <summary>Null when <paramref name="gap"/> is no disagreement, else the severity the figures allow.</summary>
    public static Severity? Judge(decimal gap, Figure a, Figure b)
    {
        if (gap <= 0)
            return null;
        if (!a.Approximate && !b.Approximate)
            return Severity.Error;
        var scale = Math.Max(Math.Abs(a.Value), Math.Abs(b.Value));
        return gap <= scale * ApproximateTolerance ? null : Severity.Warning;
    }

    public static Finding Found(string rule, Severity severity, string message, ReportFigures figures, IEnumerable<string> keys) =>
        Found(rule, severity, message, keys.Distinct().Where(figures.Has).Select(k => new Evidence(k, figures[k]!.Value)).ToList());

    /// <summary>The finding on <paramref name="evidence"/>; a warning that involves an approximate figure says so.</summary>
    public static Finding Found(string rule, Severity severity, string message, IReadOnlyList<Evidence> evidence)
    {
        if (severity == Severity.Warning && evidence.Any(e => e.Figure.Approximate))
            message += "（涉及约数，仅作提示）";
        return new Finding(rule, severity, message, evidence);
    }

    public static Figure Add(ReportFigures figures, IEnumerable<string> keys) => figures.SumOfAll(keys)!.Value;

    public static string Number(decimal value) => new Figure(value).ToString();

    /// <summary>「56 + 24 + 1 = 」 for a handful of parts; nothing for many (the evidence lists them).</summary>
    private static string Terms(ReportFigures figures, IReadOnlyCollection<string> keys) =>
        keys.Count is > 1 and <= 6 ? string.Join(" + ", keys.Select(k => figures[k]!.Value.ToString())) + " = " : "";
}
