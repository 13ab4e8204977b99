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

    private sealed record Pattern(string Key, Regex Regex, bool InReceivedSentence = false, bool Whole = false);

    private static readonly Pattern[] Patterns =
    [
        new("proactive.total", ProactiveTotal(), Whole: true),
        new("proactive.by_channel.gazette", Channel("政府公报")),
        new("proactive.by_channel.website", Channel("政府网站")),
        new("proactive.by_channel.weibo", Channel("政务微博")),
        new("proactive.by_channel.wechat", Channel("政务微信")),
        new("proactive.by_channel.other", Channel("(?:其他方式|其他渠道|等渠道)")),
        new("applications.received", Received(), Whole: true),
        new("applications.carried_over", Count("上年度?结转")),
        new("applications.carried_forward", Count("结转(?:至)?下一?年度?")),
        new("applications.by_applicant.natural_person", Count("自然人(?:申请)?")),
        new("applications.by_applicant.legal_total", Count("法人(?:或|和|及)?其他组织(?:申请)?")),
        new("applications.by_channel.in_person", Count("(?:现场|当面)"), InReceivedSentence: true),
        new("applications.by_channel.letter", Count("(?:信函|邮寄)"), InReceivedSentence: true),
        new("applications.by_channel.online", Count("(?:网络|网上|在线|互联网|数据电文|电子邮件)"), InReceivedSentence: true),
        new("applications.by_channel.fax", Count("传真"), InReceivedSentence: true),
        new("applications.by_channel.other", Count("其他(?:方式|渠道)"), InReceivedSentence: true),
        new("applications.outcomes.disclosed", Count("(?<!不)予以公开")),
        new("applications.outcomes.partially_disclosed", Count("(?<!同意)部分公开")),
        new("applications.outcomes.withheld", Count("不予公开")),
        new("applications.outcomes.cannot_provide", Count("无法提供")),
        new("applications.outcomes.not_processed", Count("不予处理")),
        new("applications.outcomes.other", Count("其他处理")),
        new("applications.answers.already_public", Count("属于已主动公开(?:范围)?")),
        new("applications.answers.agreed", Count("(?<!不)同意公开(?:答复)?")),
        new("applications.answers.partially_agreed", Count("同意部分公开(?:答复)?")),
        new("applications.answers.refused", Count("不同意公开(?:答复)?")),
        new("applications.answers.not_this_agency", Count("不属于本(?:行政)?机关(?:公开)?(?:范围)?")),
        new("applications.answers.not_exist", Count("申请信息不存在")),
        new("applications.answers.correction", Count("告知(?:作出)?更改补充")),
        new("applications.answers.other_channel", Count("告知通过其他途径办理")),
        new("reconsideration.total", Case("行政复议(?:案件|申请)?"), Whole: true),
        new("litigation.total", Case("行政诉讼(?:案件)?"), Whole: true),
    ];

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

    public static IReadOnlyDictionary<string, ReadFigure> Read(string text)
    {
        var figures = new Dictionary<string, ReadFigure>(StringComparer.Ordinal);
        (int Start, int End)? received = null;
        foreach (var pattern in Patterns)
        {
            var (from, to) = pattern.InReceivedSentence ? received ?? (0, 0) : (0, text.Length);
            if (to <= from)
                continue;
            for (var m = pattern.Regex.Match(text, from, to - from); m.Success; m = m.NextMatch())
            {
                var n = m.Groups["n"];
                if (ProseText.Number(n.Value) is not { } number)
                    continue;
                if (pattern.Whole && !IsWhole(text, pattern.Key, m.Index))
                    continue;
                figures[pattern.Key] = new ReadFigure(pattern.Key, number, ProseText.Quote(text, m.Index, m.Index + m.Length), Written(m));
                if (pattern.Key == "applications.received")
                    received = (m.Index, SentenceEnd(text, m.Index));
                break;
            }
        }
        if (Fees(text) is { } fees)
            figures["fees"] = fees;
        return figures;
    }

    /// <summary>Not a part: no channel named in the clause of a proactive total; no sub-unit after a 「其中」 before it.</summary>
    private static bool IsWhole(string text, string key, int at)
    {
        var clause = ProseText.Quote(text, at, at);
        if (key == "proactive.total" && ChannelWords().IsMatch(clause))
            return false;
        var sentenceStart = at;
        while (sentenceStart > 0 && at - sentenceStart < 300 && text[sentenceStart - 1] is not ('。' or '\n'))
            sentenceStart--;
        var before = text[sentenceStart..at];
        var ofWhich = before.LastIndexOf("其中", StringComparison.Ordinal);
        return ofWhich < 0 || !SubUnitWords().IsMatch(before[ofWhich..]);
    }

    private static ReadFigure? Fees(string text)
    {
        if (FeesCharged().Match(text) is { Success: true } m && ProseText.Number(m.Groups["n"].Value) is { } n)
        {
            var tenThousands = m.Groups["u"].Value == "元" ? n with { Value = n.Value / 10_000, Step = n.Step / 10_000 } : n;
            return new ReadFigure("fees", tenThousands, ProseText.Quote(text, m.Index, m.Index + m.Length), Written(m));
        }
        if (NoFees().Match(text) is { Success: true } none)
            return new ReadFigure("fees", new StatedNumber(0, false, 1, "万元"), ProseText.Quote(text, none.Index, none.Index + none.Length), "未收取");
        return null;
    }

    /// <summary>The number as written: its digits or numerals with 万/亿 and markers, and the measure word right after it.</summary>
    private static string Written(Match m)
    {
        var (n, u) = (m.Groups["n"], m.Groups["u"]);
        return u.Success && u.Index == n.Index + n.Length ? n.Value + u.Value : n.Value;
    }

    private static int SentenceEnd(string text, int at)
    {
        var end = text.IndexOfAny(['。', '\n'], at);
        return end < 0 ? text.Length : end;
    }

    private static Regex Channel(string channel) => new(channel + Gap + "{0,12}?公开" + Gap + "{0,8}?" + Num + "条", RegexOptions.CultureInvariant);

    private static Regex Count(string words) => new(words + Gap + "{0,4}?" + Num + "(?:件|例)", RegexOptions.CultureInvariant);

    private static Regex Case(string words) => new(words + Gap + "{0,8}?" + Num + "(?:件|起|宗)", RegexOptions.CultureInvariant);

    [GeneratedRegex("主动公开(?:了)?(?:各类)?(?:政府)?信息(?:总计|合计|共计|共|总数为|数为|数)?(?:为|达到|达)?" + Num + "条")]
    private static partial Regex ProactiveTotal();

    [GeneratedRegex("(?:收到|新收|受理|接到|接收|收悉)" + Gap + "{0,20}?申请" + Gap + "{0,10}?" + Num + "(?:件|例|宗|份)")]
    private static partial Regex Received();

    [GeneratedRegex("收取" + Gap + "{0,12}?费用?(?:共|合计|总计)?" + Num + "(?<u>万元|元)")]
    private static partial Regex FeesCharged();

    [GeneratedRegex("(?:未|没有|均未|不曾)[^。;\n]{0,40}?收取[^。;\n]{0,20}?费")]
    private static partial Regex NoFees();

    [GeneratedRegex("网站|公报|微博|微信|渠道|规范性文件|专栏|平台")]
    private static partial Regex ChannelWords();

    [GeneratedRegex("本级|县市|区县|市级|区级|县级|乡镇|街道|市直|州直|省直|各县|各区|各部门")]
    private static partial Regex SubUnitWords();
}
