using System.Text.RegularExpressions;

namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// The figures a report states in prose, under the summary keys of issue 6: 「主动公开政府信息248071条」 →
/// <c>proactive.total</c>, 「共收到申请283件，其中现场申请32件，信函申请232件」 → <c>applications.received</c> and
/// <c>applications.by_channel.*</c>, 「行政复议案件15件」 → <c>reconsideration.total</c>, 「未收取任何费用」 → <c>fees</c> 0 ….
/// The first statement of a figure wins; a statement about a part (「其中，州本级行政复议受理13件」, 「政府网站…公开…条」 for
/// the total) is not the whole.
/// </summary>
internal static partial class ProseReader
{
    private const string Num = ProseText.Num;
    private const string Gap = ProseText.Gap;

    /// <param name="InApplications">Read only in the paragraph that states the applications received.</param>
    private sealed record Pattern(string Key, Regex Regex, bool InApplications = false, bool Whole = false);

    private static readonly Pattern[] Patterns =
    [
        new("applications.received", Received(), Whole: true),
        new("applications.received", ReceivedCountFirst(), Whole: true),
        new("applications.received", ReceivedNumberOf(), Whole: true),
        new("applications.carried_over", CarriedOver()),
        new("applications.carried_forward", Count("(?:结转(?:至)?下一?年度?|顺延至下一?年度?)")),
        new("applications.by_applicant.natural_person", Count("自然人(?:申请)?")),
        new("applications.by_applicant.natural_person", Count("公民(?:个人)?", gap: 8), InApplications: true),
        new("applications.by_applicant.legal_total", Count("(?:法人(?:或|和|及)?其他组织(?:申请)?|以组织名义)", gap: 12)),
        new("applications.by_channel.in_person", Count("(?:现场|当面)", gap: 8), InApplications: true),
        new("applications.by_channel.letter", Count("(?:信函|邮寄)", gap: 8), InApplications: true),
        new("applications.by_channel.online", Count("(?:网络|网上|在线|互联网|数据电文|电子邮件|网站|平台)", gap: 8), InApplications: true),
        new("applications.by_channel.fax", Count("传真", gap: 8), InApplications: true),
        new("applications.by_channel.other", Count("其他(?:方式|渠道)"), InApplications: true),
        new("applications.outcomes.disclosed", Count("(?<![不或及和])予以公开(?![或及和]部分)", units: Outcome)),
        new("applications.outcomes.partially_disclosed", Count("(?<!(?:同意|公开[或及和]))部分公开", units: Outcome)),
        new("applications.outcomes.withheld", Count("(?<![或及和])不予公开", units: Outcome)),
        new("applications.outcomes.cannot_provide", Count("无法提供", units: Outcome)),
        new("applications.outcomes.not_processed", Count("不予处理", units: Outcome)),
        new("applications.outcomes.other", Count("其他处理", units: Outcome)),
        new("applications.outcomes.other", Count("其他", gap: 0, units: Outcome), InApplications: true),
        new("applications.closed", Closed()),
        new("applications.answers.total", Answered()),
        new("applications.answers.already_public", Count("属于已主动公开(?:范围)?", units: Outcome)),
        new("applications.answers.agreed", Count("(?<!不)同意公开(?:答复)?", units: Outcome)),
        new("applications.answers.agreed", Count("(?<!不)同意公开答复", gap: 0)),
        new("applications.answers.partially_agreed", Count("同意部分公开(?:答复)?", units: Outcome)),
        new("applications.answers.partially_agreed", Count("同意部分公开答复", gap: 0)),
        new("applications.answers.refused", Count("不同意公开(?:答复)?", units: Outcome)),
        new("applications.answers.refused", Count("不同意公开答复", gap: 0)),
        new("applications.answers.not_this_agency", Count("(?:不属于本(?:行政)?机关(?:公开)?(?:范围)?|非本机关(?:政府信息)?)", closing: true, units: Outcome)),
        new("applications.answers.not_exist", Count("(?:申请)?信息不存在", units: Outcome)),
        new("applications.answers.not_exist", Count("(?:申请)?信息不存在" + Gap + "{0,8}?答复", gap: 0)),
        new("applications.answers.correction", Count("告知(?:作出)?更改补充", units: Outcome)),
        new("applications.answers.other_channel", Count("告知通过其他途径办理", units: Outcome)),
        new("reconsideration.total", Case("行政复议(?:案件|申请)?"), Whole: true),
        new("litigation.total", Case("行政诉讼(?:案件)?"), Whole: true),
    ];

    /// <summary>The wording of the legacy 统计表 (「同意公开」), in which 「不予公开」 is a refusal (<c>applications.answers.refused</c>).</summary>
    private static readonly Dictionary<string, string> LegacyWording = new(StringComparer.Ordinal)
    {
        ["applications.outcomes.withheld"] = "applications.answers.refused",
    };

    /// <summary>What a page calls a figure the prose states: the summary keys' names, and those of the finer keys only prose states.</summary>
    public static string ChineseName(string key) => Names.TryGetValue(key, out var name) ? name : ReportSummary.ChineseName(key);

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["proactive.by_channel.gazette"] = "通过政府公报主动公开数",
        ["proactive.by_channel.website"] = "通过政府网站主动公开数",
        ["proactive.by_channel.weibo"] = "通过政务微博主动公开数",
        ["proactive.by_channel.wechat"] = "通过政务微信主动公开数",
        ["proactive.by_channel.other"] = "通过其他方式主动公开数",
        ["applications.by_channel.in_person"] = "当面申请数",
        ["applications.by_channel.letter"] = "信函申请数",
        ["applications.by_channel.online"] = "网络申请数",
        ["applications.by_channel.fax"] = "传真申请数",
        ["applications.by_channel.other"] = "其他方式申请数",
        ["applications.answers.already_public"] = "属于已主动公开范围数",
        ["applications.answers.agreed"] = "同意公开答复数",
        ["applications.answers.partially_agreed"] = "同意部分公开答复数",
        ["applications.answers.refused"] = "不同意公开答复数",
        ["applications.answers.not_this_agency"] = "不属于本机关公开范围数",
        ["applications.answers.not_exist"] = "申请信息不存在数",
        ["applications.answers.correction"] = "告知作出更改补充数",
        ["applications.answers.other_channel"] = "告知通过其他途径办理数",
    };

    /// <summary>The figures of the last texts read: the reader and the prose checks read the same text.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, IReadOnlyDictionary<string, ReadFigure>> Cache = [];

    public static IReadOnlyDictionary<string, ReadFigure> Read(string text) => Cache.GetValue(text, Scan);

    private static IReadOnlyDictionary<string, ReadFigure> Scan(string text)
    {
        var figures = new Dictionary<string, ReadFigure>(StringComparer.Ordinal);
        (int Start, int End)? applications = null;
        var legacy = text.Contains("同意公开", StringComparison.Ordinal);
        List<string>? partNames = null;
        foreach (var pattern in Patterns)
        {
            var key = legacy && LegacyWording.TryGetValue(pattern.Key, out var old) ? old : pattern.Key;
            if (figures.ContainsKey(key))
                continue;
            var (from, to) = pattern.InApplications ? applications ?? (0, 0) : (0, text.Length);
            if (to <= from)
                continue;
            for (var m = pattern.Regex.Match(text, from, to - from); m.Success; m = m.NextMatch())
            {
                var n = m.Groups["n"];
                if (ProseText.Number(n.Value) is not { } number)
                    continue;
                if (pattern.Whole && !IsWhole(text, m.Index, partNames ??= PartNames(text)))
                    continue;
                if (key is "applications.closed" or "applications.answers.total" && !AboutApplications(text, m.Index))
                    continue;
                if (key == "applications.answers.total" && NextYear().IsMatch(ProseText.Quote(text, m.Index, m.Index)))
                    continue;
                figures[key] = new ReadFigure(key, number, ProseText.Quote(text, m.Index, m.Index + m.Length), Written(m));
                if (key == "applications.received")
                {
                    applications = (m.Index, ParagraphEnd(text, m.Index));
                    Also(m, "closed", "applications.closed", figures, text, number);
                    Also(m, "answered", "applications.answers.total", figures, text, number);
                }
                break;
            }
        }
        Published(text, figures);
        foreach (var zero in ProseZeros.Read(text))
            figures.TryAdd(zero.Key, zero);
        if (Fees(text) is { } fees)
            figures["fees"] = fees;
        return figures;
    }

    /// <summary>A later total that says more surely it is the year's: not up to a date where the first was, or in the statute's
    /// words 「主动公开」 where the first only said 「发布」 (xiangxi: 「全州共发布信息85674条」, then 「主动公开政府信息248071条」).</summary>
    private static bool Better(PublishedCount later, PublishedCount first) =>
        !later.Part && !later.Cumulative && (first.Cumulative ? later.OfYear : !first.Statutory && later.Statutory);

    /// <summary>「受理并办结依申请公开23件」「受理并按时回复…事项19项」: one number for two keys.</summary>
    private static void Also(Match m, string group, string key, Dictionary<string, ReadFigure> figures, string text, StatedNumber number)
    {
        if (m.Groups[group].Success)
            figures.TryAdd(key, new ReadFigure(key, number, ProseText.Quote(text, m.Index, m.Index + m.Length), Written(m)));
    }

    /// <summary>What the prose says was published (<see cref="ProseChannels"/>): the first statement of each key, except that a
    /// figure up to a date (「截至…累计主动公开13866条」) gives way to one of the year (「本年度主动公开政府信息470条」).</summary>
    private static void Published(string text, Dictionary<string, ReadFigure> figures)
    {
        var chosen = new Dictionary<string, PublishedCount>(StringComparer.Ordinal);
        foreach (var s in ProseChannels.Read(text))
        {
            if (chosen.TryGetValue(s.Key, out var had) && !Better(s, had))
                continue;
            chosen[s.Key] = s;
            figures[s.Key] = new ReadFigure(s.Key, s.Number, ProseText.Quote(text, s.Offset, s.End), s.Written);
        }
    }

    /// <summary>Not a part: no sub-unit after a 「其中」 before it in its sentence, and not said of a unit the text names
    /// elsewhere as a part (e10: 「其中市政府办公室公开10170条」, so 「市政府办公室…共受理…4件」 is the office's, not the city's).</summary>
    private static bool IsWhole(string text, int at, List<string> partNames)
    {
        var sentenceStart = at;
        while (sentenceStart > 0 && at - sentenceStart < 300 && text[sentenceStart - 1] is not ('。' or '\n'))
            sentenceStart--;
        var before = text[sentenceStart..at];
        if (partNames.Any(name => before.TrimStart().StartsWith(name, StringComparison.Ordinal)))
            return false;
        var ofWhich = before.LastIndexOf("其中", StringComparison.Ordinal);
        return ofWhich < 0 || !SubUnitWords().IsMatch(before[ofWhich..]);
    }

    /// <summary>Units the text names as a part: 「其中市政府办公室公开10170条」.</summary>
    private static List<string> PartNames(string text) =>
        [.. NamedPart().Matches(text).Select(m => m.Groups["name"].Value).Distinct()];

    /// <summary>The sentence around <paramref name="at"/> speaks of applications (申请), and up to the figure not of appeals,
    /// letters or enquiries.</summary>
    private static bool AboutApplications(string text, int at)
    {
        var start = at;
        while (start > 0 && at - start < 300 && text[start - 1] is not ('。' or '\n'))
            start--;
        var sentence = text.AsSpan(start, SentenceEnd(text, at) - start);
        // What follows the figure is another statement (e23: 「受理政府信息公开申请13件,答复13件,未收到…行政复议」).
        var upTo = text.AsSpan(start, at - start + 1);
        return sentence.IndexOf("申请", StringComparison.Ordinal) >= 0 && !NotApplications().IsMatch(upTo);
    }

    private static int SentenceEnd(string text, int at)
    {
        var end = text.IndexOfAny(['。', '\n'], at);
        return end < 0 ? text.Length : end;
    }

    private static ReadFigure? Fees(string text)
    {
        if (FeesCharged().Match(text) is { Success: true } m && ProseText.Number(m.Groups["n"].Value) is { } n)
        {
            var tenThousands = m.Groups["u"].Value == "元" ? n with { Value = n.Value / 10_000, Step = n.Step / 10_000 } : n;
            return new ReadFigure("fees", tenThousands, ProseText.Quote(text, m.Index, m.Index + m.Length), Written(m));
        }
        return null;
    }

    /// <summary>The number as written: its digits or numerals with 万/亿 and markers, and the measure word right after it.</summary>
    private static string Written(Match m)
    {
        var (n, u) = (m.Groups["n"], m.Groups["u"]);
        return u.Success && u.Index == n.Index + n.Length ? n.Value + u.Value : n.Value;
    }

    private static int ParagraphEnd(string text, int at)
    {
        var end = text.IndexOf('\n', at);
        return end < 0 ? text.Length : end;
    }

    /// <summary>A count of applications: 「现场申请32件」「“同意公开”的7件」 (<paramref name="closing"/>: 「不属于本机关公开)的7件」).</summary>
    private static Regex Count(string words, int gap = 4, bool closing = false, string units = "件|例|宗|条|项|份") =>
        new(words + (closing ? @"[^,。;:\n\d(]" : Gap) + "{0," + gap + "}?" + Num + "(?:" + units + ")", RegexOptions.CultureInvariant);

    /// <summary>What outcomes are counted in: applications, never 「条」 (「不予公开583条」 counts documents).</summary>
    private const string Outcome = "件|例|宗|项|份";

    private static Regex Case(string words) => new(words + Gap + "{0,8}?" + Num + "(?:件|起|宗)", RegexOptions.CultureInvariant);

    /// <summary>Words between a verb and 申请 in a statement of applications: nothing about appeals (复议, 诉讼), but a reply
    /// is no appeal (e01: 「受理答复政府信息公开申请28件」).</summary>
    private const string ApplicationGap = @"(?:[答回]复|[^,。;:\n\d()复诉])";

    /// <summary>「共收到…政府信息公开申请15件」「收到政府信息公开申请1,」 — not 「…申请50件(含上年结转3件)」, which counts last year's too.</summary>
    [GeneratedRegex("(?:收到|新收|受理|接到|接收|收悉)(?<answered>并" + ApplicationGap + "{0,4}?(?:答复|回复))?(?<closed>并" + ApplicationGap + "{0,4}?办结)?"
        + ApplicationGap + "{0,40}?申请" + ApplicationGap + "{0,10}?" + Num + @"(?:(?:件|例|宗|份|条|项|个|次|起)(?!\(含)|(?=[,。;]))")]
    private static partial Regex Received();

    /// <summary>「共收到8份政府信息公开申请」「收到12起政府信息依申请公开」.</summary>
    [GeneratedRegex("(?:收到|新收|受理|接到)(?:了|共)?" + Num + "(?:件|条|起|份|个|宗|项)" + ApplicationGap + "{0,12}?申请")]
    private static partial Regex ReceivedCountFirst();

    /// <summary>The legacy 统计表's words in prose: 「政府信息公开申请数为2,」 (e20) — not 「办理政府信息公开申请数量74个」.</summary>
    [GeneratedRegex("(?<![理复结]|[理复结]政府)(?:政府)?信息公开申请(?:总)?数(?:量)?(?:为|是|共|达)?" + Num + @"(?:(?:件|例|宗|份|条|项|个)(?!\(含)|(?=[,。;\n]))")]
    private static partial Regex ReceivedNumberOf();

    /// <summary>「上年结转3件」「(含结转办理2021年政府信息公开数量2个)」.</summary>
    [GeneratedRegex(@"(?:上年度?结转|含(?:上年度?)?结转)(?:[^,。;:\n\d()]|\d{4}年){0,20}?" + Num + "(?:件|个|条|项)")]
    private static partial Regex CarriedOver();

    /// <summary>「已办结4件」「办结数为 15件」, in a sentence about applications (<see cref="AboutApplications"/>).</summary>
    [GeneratedRegex("办结" + Gap + "{0,4}?" + Num + "(?:件|条|项|个)")]
    private static partial Regex Closed();

    /// <summary>「答复7件」「在已经答复的9件申请中」, in a sentence about applications.</summary>
    [GeneratedRegex("(?:答复|回复)(?:了|的)?" + Num + "(?:件|条|项|个)")]
    private static partial Regex Answered();

    [GeneratedRegex("收取" + Gap + @"{0,12}?费用?(?:\([^()\n]{0,30}\))?(?:共|合计|总计|为)?" + Num + "(?<u>万元|元)")]
    private static partial Regex FeesCharged();

    [GeneratedRegex("顺延|结转|下一?年")]
    private static partial Regex NextYear();

    [GeneratedRegex("来信|信箱|留言|咨询|热线|复议|诉讼")]
    private static partial Regex NotApplications();

    [GeneratedRegex(@"其中,?(?<name>[\u4e00-\u9fff]{1,12}?(?:办公室|局|委员会|委|办|中心|政府))(?:共|累计)?(?:主动)?(?:公开|发布|受理|收到|办理)")]
    private static partial Regex NamedPart();

    [GeneratedRegex("本级|县市|区县|市级|区级|县级|乡镇|街道|市直|州直|省直|各县|各区|各部门")]
    private static partial Regex SubUnitWords();
}
