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
    public const string RepeatedPart = "prose.repeated_part";
    public const string Restatement = "prose.restated";

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
            if (span.IndexOf("其中", StringComparison.Ordinal) >= 0 || span.IndexOfAny("共计%:") >= 0)
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
        Restated(text, findings);
        if (text.Contains("同意公开", StringComparison.Ordinal))
            Answers(text, findings);
        return findings;
    }

    /// <summary>
    /// Each 「其中」 (and a list of categories after a colon, 「主要类别情况:党政信息类147条,…」): the last figure before it at its
    /// bracket depth is the whole — for a second 「其中」 the whole of the first when the first's parts add up to it — and the
    /// figures of the same unit and depth up to the next 「其中」 its parts. Sub-units and channels of applications are
    /// checked as before; kinds of information published (「条」) too: never more than the whole, and all of it when the
    /// list ends in 「其他」 or 「…等方式」. Channels of publishing may overlap, so they are only held to an exhaustive whole.
    /// </summary>
    private static void OfWhich(string text, int start, int end, List<ProseItem> items, Func<List<ProseItem>> previous, List<Finding> findings)
    {
        var sentence = text[start..end];
        var markers = new List<int>();
        for (var k = sentence.IndexOf("其中", StringComparison.Ordinal); k >= 0; k = sentence.IndexOf("其中", k + 2, StringComparison.Ordinal))
            markers.Add(k);
        var listAt = -1;
        if (CategoryList().Match(sentence) is { Success: true } list && !items.Any(i => i.Offset < start + list.Index + list.Length))
            markers.Insert(0, listAt = list.Index + list.Length - 1);
        (ProseItem Whole, List<ProseItem> Parts)? earlier = null;
        for (var x = 0; x < markers.Count; x++)
        {
            var k = markers[x];
            var at = start + k;
            var stop = x + 1 < markers.Count ? start + markers[x + 1] : end;
            var depth = items.FirstOrDefault(i => i.Offset > at)?.Depth ?? 0;
            var whole = items.LastOrDefault(i => i.End <= at && i.Depth <= depth && (depth > 0 || !i.InBrackets));
            if (earlier is { } e && whole is not null && e.Parts.Contains(whole) && SumOf(e.Parts) == e.Whole.Number.Value)
                whole = e.Whole;
            var outer = previous();
            whole ??= k <= 2 || k == listAt ? outer.LastOrDefault(i => !i.InBrackets && !History().IsMatch(i.Name)) : null;
            if (whole is null)
                continue;
            var parts = items.Where(i => i.Offset > at && i.Offset < stop && i.Unit == whole.Unit && i.Depth == depth).ToList();
            if (Larger(text, whole, items.FirstOrDefault(i => i.Offset > at && i.Depth == depth), parts, findings))
                continue;
            earlier = (whole, parts);
            var wholes = outer.Where(o => o.Unit == whole.Unit && o.Number.Value > whole.Number.Value).Prepend(whole).ToList();
            foreach (var part in parts.Where(p => p.Percent is not null))
                CheckPercent(text, part, part.Percent!.Value, wholes, findings);
            var named = parts.Where(p => IsSubUnitOrChannel(p.Name)).ToList();
            var respectively = Respectively().Match(text, at, stop - at);
            if (respectively.Success && named.Count >= 2)
            {
                var percents = PercentList().Matches(respectively.Value).Select(m => m.Value).ToList();
                if (percents.Count == named.Count)
                {
                    for (var j = 0; j < named.Count; j++)
                        CheckPercent(text, named[j], (decimal.Parse(percents[j], System.Globalization.CultureInfo.InvariantCulture), ProseText.Decimals(percents[j])), [whole], findings);
                }
            }
            var exhaustive = respectively.Success || Exhaustive().Match(text, at, stop - at).Success;
            if (named.Count >= 2)
                CheckSum(text, PartsOfWhole, whole, named, exhaustive, findings);
            else if (whole.Unit == "条" && parts.Count >= 2)
                Kinds(text, whole, parts, exhaustive, findings);
        }
    }

    /// <summary>
    /// The first part after 「其中」 larger than its whole, whatever it is — a sub-unit, a kind, a channel (channels may
    /// overlap, but none holds more than all): e09 「主动公开信息19条,其中向政府网站推送35条」. A later figure larger than the
    /// whole is a statement of its own, and ends the parts (e17: 「…“学习强国”公开发布2条,“庆阳外事”微信订阅号发布信息54期97条」
    /// of 23; e09: 「…发布信息95条,其中发布规范性文件2件,利用电子屏发布信息108条」).
    /// </summary>
    private static bool Larger(string text, ProseItem whole, ProseItem? first, List<ProseItem> parts, List<Finding> findings)
    {
        bool IsLarger(ProseItem p) => p.Number.Value - whole.Number.Value > (Rounding(p.Number) + Rounding(whole.Number)) / 2;
        var end = parts.FindIndex(IsLarger);
        if (end < 0)
            return false;
        var larger = parts[end];
        if (larger != first || whole.Number.Approximate || larger.Number.Approximate)
        {
            parts.RemoveRange(end, parts.Count - end);
            return false;
        }
        var step = Math.Min(larger.Number.Step, whole.Number.Step);
        var name = Leading().Replace(larger.Name.Trim(), "");
        var message = $"正文「{ProseText.Quote(text, whole.Offset, larger.End)}」：其中{name}{ChineseNumber.Show(larger.Number)}，"
            + $"超过了所述总数{ChineseNumber.Show(whole.Number)}（多{ChineseNumber.Show(larger.Number.Value - whole.Number.Value, step)}），部分不能大于总数。";
        findings.Add(Found(PartsOfWhole, Severity.Error, message, [whole, larger]));
        return true;
    }

    /// <summary>One channel stated twice, both times of information at large, with two numbers (a25: 「通过…网站审计信息栏目公开信息
    /// 20条」, then 「全年通过审计信息专栏公开政府信息16条」).</summary>
    private static void Restated(string text, List<Finding> findings)
    {
        var first = new Dictionary<string, PublishedCount>(StringComparer.Ordinal);
        foreach (var s in ProseChannels.Read(text).Where(s => s.Generic && !s.Part && s.Key.StartsWith("proactive.by_channel.", StringComparison.Ordinal)))
        {
            if (!first.TryGetValue(s.Key, out var had))
            {
                first[s.Key] = s;
                continue;
            }
            if (had.Number.Value == s.Number.Value || had.Number.Approximate || s.Number.Approximate)
                continue;
            var message = $"正文先称「{ProseText.Quote(text, had.Offset, had.End)}」，后称「{ProseText.Quote(text, s.Offset, s.End)}」："
                + $"{ProseReader.ChineseName(s.Key)}写了两个不同的数（{had.Written}、{s.Written}）。";
            findings.Add(Reconcile.Found(Restatement, Severity.Warning, message,
                [new Evidence(ReadReport.TextKey(had.Offset), had.Number.Figure), new Evidence(ReadReport.TextKey(s.Offset), s.Number.Figure)]));
            first.Remove(s.Key);
        }
    }

    private static readonly string[] AnswerKinds =
    [
        "applications.answers.already_public", "applications.answers.agreed", "applications.answers.partially_agreed", "applications.answers.refused",
        "applications.answers.not_this_agency", "applications.answers.not_exist", "applications.answers.correction", "applications.answers.other_channel",
    ];

    /// <summary>Legacy prose: the answers of each kind are never more than the answers stated (c20: 「在已经答复的9件申请中」
    /// 同意公开7件、同意部分公开1件、不予公开1件、信息不存在1件、非本机关1件).</summary>
    private static void Answers(string text, List<Finding> findings)
    {
        var read = ProseReader.Read(text);
        if (!read.TryGetValue("applications.answers.total", out var total))
            return;
        var parts = AnswerKinds.Where(read.ContainsKey).Select(k => read[k]).ToList();
        var sum = parts.Sum(p => p.Number.Value);
        if (parts.Count < 2 || sum <= total.Number.Value || parts.Any(p => p.Number.Approximate) || total.Number.Approximate)
            return;
        var terms = string.Join(" + ", parts.Select(p => $"{ProseReader.ChineseName(p.Key)}{p.Written}"));
        var message = $"正文「{total.Quote}」：答复{total.Written}件，而各类答复{terms} = {Reconcile.Number(sum)}，"
            + $"超过了答复总数（多{Reconcile.Number(sum - total.Number.Value)}）。";
        findings.Add(Reconcile.Found(PartsOfWhole, Severity.Error, message,
            [new Evidence(total.Key, total.Number.Figure), .. parts.Select(p => new Evidence(p.Key, p.Number.Figure))]));
    }

    /// <summary>Kinds of information published, or the channels they went out by.</summary>
    private static void Kinds(string text, ProseItem whole, List<ProseItem> parts, bool exhaustive, List<Finding> findings)
    {
        exhaustive |= parts.Any(p => OtherKind().IsMatch(Leading().Replace(p.Name.Trim(), ""))) || EtcWays().IsMatch(parts[^1].Name);
        var channels = parts.Count(p => PublishingChannel().IsMatch(p.Name));
        if (channels > 0 && channels < parts.Count)
            return;
        if (channels == parts.Count && SumOf(parts) > whole.Number.Value && !whole.Number.Approximate && !parts.Any(p => p.Number.Approximate))
        {
            // e17: channels may overlap (one item on two sites), so more than the whole is a question, not an error.
            var terms = string.Join(" + ", parts.Select(p => $"{Leading().Replace(p.Name.Trim(), "")}{ChineseNumber.Show(p.Number)}"));
            var step = parts.Append(whole).Min(p => p.Number.Step);
            findings.Add(Found(PartsOfWhole, Severity.Warning, $"正文「{ProseText.Quote(text, whole.Offset, parts[^1].End)}」：{terms} = "
                + $"{ChineseNumber.Show(SumOf(parts), step)}，超过了所述总数{ChineseNumber.Show(whole.Number)}（多{ChineseNumber.Show(SumOf(parts) - whole.Number.Value, step)}）；"
                + "除非同一信息在几个渠道重复发布，各渠道之和不应大于总数。", [whole, .. parts]));
            return;
        }
        if (channels > 0 && (!exhaustive || SumOf(parts) >= whole.Number.Value))
            return;
        var repeated = parts.GroupBy(p => KindName().Replace(Leading().Replace(p.Name.Trim(), ""), "")).FirstOrDefault(g => g.Key.Length > 0 && g.Count() > 1);
        if (repeated is not null)
        {
            var twice = repeated.ToList();
            var quote = ProseText.Quote(text, twice[0].Offset, twice[1].End);
            findings.Add(Found(RepeatedPart, Severity.Warning,
                $"正文「{quote}」：「{repeated.Key}」在所列各类中出现两次（{ChineseNumber.Show(twice[0].Number)}、{ChineseNumber.Show(twice[1].Number)}），同一类别可能被重复计算。", [whole, .. twice]));
            return;
        }
        CheckSum(text, PartsOfWhole, whole, parts, exhaustive, findings);
    }

    private static decimal SumOf(List<ProseItem> parts) => parts.Sum(p => p.Number.Value);

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
                var between = text[items[j].End..(j + 1 < t ? items[j + 1].Offset - items[j + 1].Name.TrimStart('…').Length : total.Offset - total.Name.TrimStart('…').Length)];
                if (between.Trim().Length > 1 || TotalWord().IsMatch(items[j].Name))
                    break;
                parts.Insert(0, items[j]);
            }
            // 「新增政务新媒体1个,注销3个,目前共计6个」: changes are not parts of what there is.
            if (parts.Count >= 2 && !parts.Any(p => Change().IsMatch(p.Name)))
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
        var message = $"正文「{quote}」：由{ChineseNumber.Show(last.Number)}到{ChineseNumber.Show(now.Number)}，变化为{Round(actual)}%，而文中写{stated}%。";
        findings.Add(Found(YearOnYear, severity, message, [now, last]));
    }

    /// <summary>A percentage of its part against the whole; when the text says 「占总体」 it may be of a larger whole stated before
    /// (c05: 「业务动态类信息49条…(其中批复文件36条,占总体的72%」 is 36 of all 50).</summary>
    private static void CheckPercent(string text, ProseItem part, (decimal Value, int Decimals) percent, List<ProseItem> wholes, List<Finding> findings)
    {
        var whole = wholes[0];
        if (whole.Number.Value <= 0)
            return;
        var overall = Overall().IsMatch(text.AsSpan(part.End, Math.Min(12, text.Length - part.End)));
        Severity? worst = null;
        foreach (var w in overall ? wholes : wholes.Take(1))
        {
            var (low, high) = Ratio(Interval(part.Number), Interval(w.Number), minus: 0);
            var severity = Judge(percent.Value, low * 100, high * 100, percent.Decimals, part.Number.Approximate || w.Number.Approximate);
            if (severity is null)
                return;
            worst ??= severity;
        }
        if (worst is not { } found)
            return;
        var actual = part.Number.Value * 100 / whole.Number.Value;
        var message = $"正文「{ProseText.Quote(text, part.Offset, part.End)}」：{ChineseNumber.Show(part.Number)}占{ChineseNumber.Show(whole.Number)}的{Round(actual)}%，而文中写{percent.Value}%。";
        findings.Add(Found(Percent, found, message, [part, whole]));
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
        var terms = string.Join(" + ", parts.Select(p => $"{p.Name}{ChineseNumber.Show(p.Number)}"));
        var quote = ProseText.Quote(text, Math.Min(whole.Offset, parts[0].Offset), parts[^1].End);
        var step = parts.Append(whole).Min(p => p.Number.Step);   // a sum and a gap as precise as the least precise figure
        string Shown(decimal value) => ChineseNumber.Show(value, step);
        var message = gap > 0
            ? $"正文「{quote}」：{terms} = {Shown(sum)}，超过了所述总数{ChineseNumber.Show(whole.Number)}（多{Shown(gap)}）。"
            : $"正文「{quote}」：{terms} = {Shown(sum)}，而所述总数为{ChineseNumber.Show(whole.Number)}（差{Shown(-gap)}），各部分之和应等于总数。";
        findings.Add(Found(rule, approximate ? Severity.Warning : Severity.Error, message, [whole, .. parts]));
    }

    /// <summary>Null when the stated percentage lies within rounding (half a unit of its last digit either way) or truncation
    /// (up to one unit below) of the range the figures allow: 13 of 1,046 is 1.24%, written 1.2 but not 1.3 (a26).</summary>
    private static Severity? Judge(decimal stated, decimal low, decimal high, int decimals, bool approximate)
    {
        var unit = decimals >= 6 ? 0.000001m : 1m / (decimal)Math.Pow(10, decimals);
        // Truncated, the stated figure is at most one unit below; rounded, at most half a unit off either way.
        var off = stated < low - unit ? low - stated : stated > high + unit / 2 ? stated - high : 0;
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

    [GeneratedRegex(@"新增|注销|撤销|关停|减少|增加")]
    private static partial Regex Change();

    [GeneratedRegex(@"累计|历年|上年|去年")]
    private static partial Regex History();

    [GeneratedRegex(@"占(?:总体|总数|总量|全部|全年)")]
    private static partial Regex Overall();

    /// <summary>「(二)主动公开政府信息的主要类别情况:」: a list of kinds, its whole in the sentence before.</summary>
    [GeneratedRegex(@"^[^,。;:\d]{0,30}(?:类别|分类|类型)[^,。;:\d]{0,6}:")]
    private static partial Regex CategoryList();

    [GeneratedRegex(@"^(?:其他|其它)")]
    private static partial Regex OtherKind();

    [GeneratedRegex(@"等(?:方式|渠道|途径)")]
    private static partial Regex EtcWays();

    /// <summary>Where something was published: a site (「…网站」「庆阳市党建网」), an account, or a platform named in quotes and
    /// published on (「“学习强国”公开发布」).</summary>
    [GeneratedRegex(@"网站|网(?![络上])|微信|微博|公众号|公报|其他方式|其他渠道|等方式|等渠道|”(?:公开)?(?:发布|推送)")]
    private static partial Regex PublishingChannel();

    /// <summary>What a kind is called apart from the words around it: 「机构职能类信息」 and 「机构职能类」 are one kind.</summary>
    [GeneratedRegex(@"信息|类|为|相关|的|\s")]
    private static partial Regex KindName();

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
