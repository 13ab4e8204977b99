using System.Text.RegularExpressions;

namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// The arithmetic a reader can verify in prose (issue 6, domain §5): sub-units within a stated whole (「其中，市级97.8万条，
/// 区级47.4万条」 — never more than the whole, and equal to it when the text says the parts are all of it: 「分别」),
/// parts summing to 「合计」, percentages of a stated total (「占0.90%」「分别占34.5%和65.5%」), and year-on-year growth
/// against a stated previous figure (「同比去年(242件)增加16.94%」). Rounding is allowed for: a figure stated to 0.1万 may be
/// 500 off, a percentage may be rounded or truncated at its last digit. Beyond that an exact disagreement is an error; a
/// percentage off by at most one point, or any disagreement involving an approximate figure, is a warning.
/// </summary>
internal static partial class ProseChecks
{
    public const string PartsOfWhole = "prose.parts_of_whole";
    public const string PartsTotal = "prose.parts_total";
    public const string Percent = "prose.percent";
    public const string YearOnYear = "prose.year_on_year";

    public static IReadOnlyList<Finding> Run(string text)
    {
        var findings = new List<Finding>();
        (int Start, int End)? previous = null;
        foreach (var (start, end) in ProseText.Sentences(text))
        {
            if (end - start > 2_000)
                continue;
            var span = text.AsSpan(start, end - start);
            // Only sentences with something to check are parsed into figures.
            if (span.IndexOf("其中", StringComparison.Ordinal) >= 0 || span.IndexOfAny('共', '计', '%') >= 0)
            {
                var items = ProseText.Items(text, start, end).ToList();
                List<ProseItem> Previous() => previous is { } p ? [.. ProseText.Items(text, p.Start, p.End)] : [];
                OfWhich(text, start, end, items, Previous, findings);
                Totals(text, items, findings);
                Growth(text, start, end, items, findings);
            }
            if (span.IndexOfAnyInRange('0', '9') >= 0)
                previous = (start, end);
        }
        return findings;
    }

    /// <summary>Each 「其中」: the last figure before it is the whole; figures of the same unit up to the next 「其中」 its parts.</summary>
    private static void OfWhich(string text, int start, int end, List<ProseItem> items, Func<List<ProseItem>> previous, List<Finding> findings)
    {
        var sentence = text[start..end];
        for (var k = sentence.IndexOf("其中", StringComparison.Ordinal); k >= 0; k = sentence.IndexOf("其中", k + 2, StringComparison.Ordinal))
        {
            var at = start + k;
            var next = sentence.IndexOf("其中", k + 2, StringComparison.Ordinal);
            var stop = next < 0 ? end : start + next;
            var whole = items.LastOrDefault(i => i.End <= at && !i.InBrackets)
                ?? (k <= 2 ? previous().LastOrDefault(i => !i.InBrackets) : null);
            if (whole is null)
                continue;
            var parts = items.Where(i => i.Offset > at && i.Offset < stop && i.Unit == whole.Unit && !i.InBrackets).ToList();
            foreach (var part in parts.Where(p => p.Percent is not null))
                CheckPercent(text, part, part.Percent!.Value, whole, findings);
            var named = parts.Where(p => IsSubUnitOrChannel(p.Name)).ToList();
            var respectively = Respectively().Match(text, at, stop - at);
            if (respectively.Success && named.Count >= 2)
            {
                var percents = PercentList().Matches(respectively.Value).Select(m => m.Value).ToList();
                if (percents.Count == named.Count)
                {
                    for (var j = 0; j < named.Count; j++)
                        CheckPercent(text, named[j], (decimal.Parse(percents[j], System.Globalization.CultureInfo.InvariantCulture), ProseText.Decimals(percents[j])), whole, findings);
                }
            }
            if (named.Count < 2)
                continue;
            var exhaustive = respectively.Success || Exhaustive().Match(text, at, stop - at).Success;
            CheckSum(text, PartsOfWhole, whole, named, exhaustive, findings);
        }
    }

    /// <summary>「…32件、…232件、…19件，合计283件」: the figures right before a 合计 add up to it.</summary>
    private static void Totals(string text, List<ProseItem> items, List<Finding> findings)
    {
        for (var t = 2; t < items.Count; t++)
        {
            var total = items[t];
            if (!TotalWord().IsMatch(total.Name))
                continue;
            var parts = new List<ProseItem>();
            for (var j = t - 1; j >= 0 && items[j].Unit == total.Unit && !items[j].InBrackets; j--)
            {
                var between = text[items[j].End..(j + 1 < t ? items[j + 1].Offset - items[j + 1].Name.Length : total.Offset - total.Name.Length)];
                if (between.Trim().Length > 1 || TotalWord().IsMatch(items[j].Name))
                    break;
                parts.Insert(0, items[j]);
            }
            if (parts.Count >= 2)
                CheckSum(text, PartsTotal, total, parts, exhaustive: true, findings);
        }
    }

    private static void Growth(string text, int start, int end, List<ProseItem> items, List<Finding> findings)
    {
        var growth = GrowthRate().Match(text, start, end - start);
        if (!growth.Success)
            return;
        var last = items.FirstOrDefault(i => i.Offset > growth.Index && i.Offset < growth.Index + growth.Length && LastYearWord().IsMatch(i.Name + text[Math.Max(i.Offset - 1, 0)]))
            ?? items.LastOrDefault(i => i.End <= growth.Index && LastYearWord().IsMatch(i.Name));
        if (last is null)
            return;
        var now = items.LastOrDefault(i => i.End <= growth.Index && i != last && i.Unit == last.Unit && !i.InBrackets && !LastYearWord().IsMatch(i.Name));
        if (now is null || last.Number.Value <= 0)
            return;
        var stated = decimal.Parse(growth.Groups["p"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (growth.Groups["dir"].Value is "下降" or "减少" or "降低")
            stated = -stated;
        var decimals = ProseText.Decimals(growth.Groups["p"].Value);
        var (low, high) = Ratio(Interval(now.Number), Interval(last.Number), minus: 1);
        var quote = ProseText.Quote(text, now.Offset, growth.Index + growth.Length);
        if (Judge(stated, low * 100, high * 100, decimals, now.Number.Approximate || last.Number.Approximate) is not { } severity)
            return;
        var actual = (now.Number.Value - last.Number.Value) * 100 / last.Number.Value;
        var message = $"正文「{quote}」：由{last.Number.Figure}到{now.Number.Figure}，变化为{Round(actual)}%，而文中写{stated}%。";
        findings.Add(Found(YearOnYear, severity, message, [now, last]));
    }

    private static void CheckPercent(string text, ProseItem part, (decimal Value, int Decimals) percent, ProseItem whole, List<Finding> findings)
    {
        if (whole.Number.Value <= 0)
            return;
        var (low, high) = Ratio(Interval(part.Number), Interval(whole.Number), minus: 0);
        if (Judge(percent.Value, low * 100, high * 100, percent.Decimals, part.Number.Approximate || whole.Number.Approximate) is not { } severity)
            return;
        var actual = part.Number.Value * 100 / whole.Number.Value;
        var message = $"正文「{ProseText.Quote(text, part.Offset, part.End)}」：{part.Number.Figure}占{whole.Number.Figure}的{Round(actual)}%，而文中写{percent.Value}%。";
        findings.Add(Found(Percent, severity, message, [part, whole]));
    }

    private static void CheckSum(string text, string rule, ProseItem whole, List<ProseItem> parts, bool exhaustive, List<Finding> findings)
    {
        var sum = parts.Sum(p => p.Number.Value);
        var gap = sum - whole.Number.Value;
        var approximate = whole.Number.Approximate || parts.Any(p => p.Number.Approximate);
        var tolerance = approximate
            ? Math.Max(Math.Abs(sum), Math.Abs(whole.Number.Value)) * Reconcile.ApproximateTolerance
            : (Rounding(whole.Number) + parts.Sum(p => Rounding(p.Number))) / 2;
        if (gap <= tolerance && (!exhaustive || -gap <= tolerance))
            return;
        var terms = string.Join(" + ", parts.Select(p => $"{p.Name}{p.Number.Figure}"));
        var quote = ProseText.Quote(text, Math.Min(whole.Offset, parts[0].Offset), parts[^1].End);
        var message = gap > 0
            ? $"正文「{quote}」：{terms} = {Reconcile.Number(sum)}，超过了所述总数{whole.Number.Figure}（多{Reconcile.Number(gap)}）。"
            : $"正文「{quote}」：{terms} = {Reconcile.Number(sum)}，而所述总数为{whole.Number.Figure}（差{Reconcile.Number(-gap)}），各部分之和应等于总数。";
        findings.Add(Found(rule, approximate ? Severity.Warning : Severity.Error, message, [whole, .. parts]));
    }

    /// <summary>Null when the stated percentage lies within rounding of the range the figures allow.</summary>
    private static Severity? Judge(decimal stated, decimal low, decimal high, int decimals, bool approximate)
    {
        var unit = decimals >= 6 ? 0.000001m : 1m / (decimal)Math.Pow(10, decimals);
        var off = stated < low - unit ? low - stated : stated > high + unit ? stated - high : 0;
        if (off <= 0)
            return null;
        if (approximate)
            return off <= Math.Max(Math.Abs(stated), 1) * Reconcile.ApproximateTolerance ? null : Severity.Warning;
        return off <= 1 ? Severity.Warning : Severity.Error;
    }

    private static (decimal Low, decimal High) Interval(StatedNumber n) => (n.Value - Rounding(n) / 2, n.Value + Rounding(n) / 2);

    /// <summary>How much a stated figure may have been rounded: none for a count or an amount stated to its last digit
    /// (「283」「65.25」), the last digit's value for one stated in 万 or 亿 (「142.2万」 may be 500 off either way).</summary>
    private static decimal Rounding(StatedNumber n) => n.Step > 1 ? n.Step : 0;

    /// <summary>The range of a / b − <paramref name="minus"/> over the two intervals (b positive).</summary>
    private static (decimal, decimal) Ratio((decimal Low, decimal High) a, (decimal Low, decimal High) b, int minus)
    {
        if (b.Low <= 0)
            b.Low = b.High / 2;
        decimal[] all = [a.Low / b.Low, a.Low / b.High, a.High / b.Low, a.High / b.High];
        return (all.Min() - minus, all.Max() - minus);
    }

    private static string Round(decimal value) => Reconcile.Number(Math.Round(value, 2));

    /// <summary>The finding on <paramref name="items"/>, each the evidence at its place in the text (<see cref="ReadReport.TextKey"/>).</summary>
    private static Finding Found(string rule, Severity severity, string message, IEnumerable<ProseItem> items) =>
        Reconcile.Found(rule, severity, message, items.Select(i => new Evidence(ReadReport.TextKey(i.Offset), i.Number.Figure)).ToList());

    private static bool IsSubUnitOrChannel(string name)
    {
        var trimmed = Leading().Replace(name.Trim(), "");
        return SubUnit().IsMatch(trimmed) || ApplicationChannel().IsMatch(trimmed);
    }

    [GeneratedRegex(@"^(?:其中|全年|共|分别为|分别|为|有|是|,)+")]
    private static partial Regex Leading();

    [GeneratedRegex(@"^(?:[省市州县区]本级|本级|(?:[省市州县区]|区县|县市)(?:级|直)(?:机关|部门|单位)?|各?县市区?|各?区县市?|县\(市\)区?|区县\(市\)|各?乡镇(?:街道)?|各?街道|各?部门)$")]
    private static partial Regex SubUnit();

    [GeneratedRegex(@"^(?:现场|当面|信函|邮寄|网络|网上|在线|互联网|数据电文|电子邮件|传真|其他)(?:申请|提交|提出|方式|渠道)?(?:申请)?$")]
    private static partial Regex ApplicationChannel();

    [GeneratedRegex(@"分别占[^。;\n]{0,40}%")]
    private static partial Regex Respectively();

    [GeneratedRegex(@"\d+(?:\.\d+)?(?=%)")]
    private static partial Regex PercentList();

    [GeneratedRegex(@"合计|共计|总计|分别为")]
    private static partial Regex Exhaustive();

    [GeneratedRegex(@"(?:合计|共计|总计|共)$")]
    private static partial Regex TotalWord();

    [GeneratedRegex(@"(?:去年|上年|上一年)(?:同期)?(?:的)?\(?$")]
    private static partial Regex LastYearWord();

    [GeneratedRegex(@"(?:同比|比上年|较上年|比去年|较去年|与上年相比|与去年相比)[^。;\n%]{0,24}?(?<dir>增长|增加|上升|提高|下降|减少|降低)了?(?<p>\d{1,5}(?:\.\d{1,4})?)%")]
    private static partial Regex GrowthRate();
}
