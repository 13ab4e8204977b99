using System.Text.RegularExpressions;

namespace Gongkai.Core.Reports.Reading;

/// <summary>A sentence of the prose stating how much was published: its key, its number, where it stands.</summary>
/// <param name="Generic">What was published is information at large (「信息」「政府信息」「各类文件」), not one kind of it (「政务动态信息」).</param>
/// <param name="Cumulative">A figure up to a date (「累计」「截至2020年12月31日」): the year's total only when the text gives no other.</param>
/// <param name="OfYear">The words name the report year (「本年度」「全年」「2020年」).</param>
/// <param name="Part">A part listed after 「其中」 of a figure about publishing.</param>
/// <param name="Statutory">Said in the statute's words, 「主动公开」, not merely 「发布」.</param>
internal sealed record PublishedCount(string Key, StatedNumber Number, int Offset, int End, string Written, bool Generic, bool Cumulative, bool OfYear, bool Part, bool Statutory);

/// <summary>
/// What the prose says was published (issue 18): 「主动公开政府信息2535条」 → <c>proactive.total</c>; 「通过门户网站公开政府信息1268条」
/// → <c>.by_channel.website</c>; 「通过门户网站、微信公众号、微博等渠道公开各类信息1200余条」 — several channels, or 「…等渠道」 — the
/// total; 「通过官方微信、微博平台公开政府信息2809条」 (two channels together, without the website) nothing; a part after 「其中」
/// of such a figure is a channel when it names one, else a kind of information and nothing. The words a figure rests on
/// are those since the figure before it in its sentence (dates aside), so 「依托…微信公众号平台,全年发布信息894条」 is WeChat.
/// </summary>
internal static partial class ProseChannels
{
    private static readonly (string Key, Regex Words)[] Kinds =
    [
        ("proactive.by_channel.website", Website()),
        ("proactive.by_channel.wechat", WeChat()),
        ("proactive.by_channel.weibo", Weibo()),
        ("proactive.by_channel.gazette", Gazette()),
        ("proactive.by_channel.other", OtherPlaces()),
        ("media", Media()),
        ("mixed", NewMedia()),
    ];

    /// <summary>The statements of the last texts read: the reader and the prose checks read the same text.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<string, List<PublishedCount>> Cache = [];

    public static IReadOnlyList<PublishedCount> Read(string text) => Cache.GetValue(text, Scan);

    private static List<PublishedCount> Scan(string text)
    {
        var found = new List<PublishedCount>();
        var previousPublishing = false;
        var heading = "";
        foreach (var (start, end) in ProseText.Sentences(text))
        {
            if (end - start > 2_000)
                continue;
            if (end - start <= 16 && text.AsSpan(start, end - start).IndexOfAnyInRange('0', '9') < 0)
            {
                // 「五是其他渠道公开。全州通过报刊、专栏等渠道公开政府信息45237条」: a short sentence heads the next.
                heading = text[start..end];
                continue;
            }
            if (text.AsSpan(start, end - start).IndexOfAny("条篇件则") < 0)
                continue;
            var lastCount = (Found: false, Publishing: false);
            var boundary = start;
            var ofWhich = -1;
            var ofWhichPublishing = false;
            var history = false;
            var wordsStart = start;
            for (var m = Figure().Match(text, start, end - start); m.Success; m = m.NextMatch())
            {
                // 「微信订阅号发布信息54期97条」 (e17): a count of issues right before a count of items shares its words.
                if (m.Index > boundary || m.Index == start)
                    wordsStart = boundary;
                var window = text[wordsStart..m.Index];
                var at = window.LastIndexOf("其中", StringComparison.Ordinal);
                if (at >= 0)
                {
                    ofWhich = wordsStart + at;
                    ofWhichPublishing = lastCount.Found ? lastCount.Publishing : ofWhich - start <= 2 && previousPublishing;
                }
                history |= Today().IsMatch(window);
                var statement = m.Groups["u"].Success && !history ? Statement(text, m, end, window, heading, ofWhich >= 0 && ofWhichPublishing) : null;
                if (statement is not null)
                    found.Add(statement);
                if (m.Groups["u"].Success)
                {
                    lastCount = (true, Verb().IsMatch(Clause(window)));
                    wordsStart = m.Index + m.Length;
                }
                boundary = m.Index + m.Length;
            }
            if (lastCount.Found)
                previousPublishing = lastCount.Publishing;
            heading = "";
            SumOfStatements(text, start, end, found);
        }
        return found;
    }

    private static PublishedCount? Statement(string text, Match m, int end, string sentenceWindow, string heading, bool part)
    {
        var window = Clause(sentenceWindow);
        if (Excluded().IsMatch(window) || Section().IsMatch(sentenceWindow) || ProseText.Number(m.Groups["n"].Value) is not { } number)
            return null;
        var after = text.AsSpan(m.Index + m.Length, Math.Min(8, end - m.Index - m.Length));
        if (after.StartsWith("(含") || after.IndexOf("申请", StringComparison.Ordinal) >= 0 || Comparison().IsMatch(after))
            return null;
        var verb = LastVerb(window);
        var mentions = Mentions(window);
        // 「实名认证微博196条」「政务微信信息数9条」: a channel right before its number needs no verb.
        if (verb < 0 && !(mentions.Count > 0 && ChannelThenNumber().IsMatch(window)))
            return null;
        var objectWords = Bracketed().Replace(verb < 0 ? "" : window[(verb + 2)..], "");
        if (Kinds.Any(k => k.Words.Match(objectWords) is { Success: true } c && c.Index == 0))
            objectWords = "";
        var generic = Generic().IsMatch(objectWords) || GenericTail().IsMatch(objectWords);
        if (!generic && Unwanted().IsMatch(objectWords))
            return null;
        var key = ExplicitOther().IsMatch(heading) && !part ? "proactive.by_channel.other" : Key(window, mentions, part, generic);
        if (key is null)
            return null;
        // e12: 「在…门户网站…专栏发布政务动态类信息133条」 is one kind of what the site published, not the site's count.
        if (!generic && key != "proactive.total" && OneKind().IsMatch(objectWords))
            return null;
        // e10: 「各县(市、区)公开信息15170条」 is the lower governments', not the whole.
        if (key == "proactive.total" && LowerGovernments().IsMatch(window))
            return null;
        var written = m.Groups["n"].Value + m.Groups["u"].Value;
        return new PublishedCount(key, number, m.Index, m.Index + m.Length, written, generic, Cumulative().IsMatch(window), OfYear().IsMatch(sentenceWindow), part, window.Contains("主动公开", StringComparison.Ordinal));
    }

    /// <summary>
    /// The words a figure rests on: its clause, and the clause before when that one ends in a channel and says nothing
    /// else (「依托义乌商务微信公众号平台,发布工作动态及各类政务信息360条」) — not 「通过政府网站及时发布…卫生相关信息,2019年度
    /// 完成政府信息公开301条」, a statement of its own; a clause that is only its total rests on the clause before (e20: 「在信息公开
    /// 专栏或信息公开网站发布信息,共20条」).
    /// </summary>
    private static string Clause(string window)
    {
        var cut = window.LastIndexOfAny([',', ';', ':']);
        if (cut < 0)
            return window;
        var clause = window[(cut + 1)..];
        if (Mentions(clause).Count > 0 || ExplicitOther().IsMatch(clause))
            return clause;
        var before = window[..cut];
        var previousCut = before.LastIndexOfAny([',', ';', ':']);
        var previous = before[(previousCut + 1)..];
        if (TotalOnly().IsMatch(clause))
            return previous + clause;
        return ChannelAtEnd().IsMatch(previous) ? previous + "," + clause : clause;
    }

    /// <summary>The key a statement is about, from the channels its words name, or null when it is none of ours.</summary>
    private static string? Key(string window, List<string> mentions, bool part, bool generic)
    {
        if (ExplicitOther().IsMatch(window))
            return "proactive.by_channel.other";
        var kinds = mentions.Distinct().ToList();
        if (part)
            return kinds.Count == 1 && kinds[0].StartsWith("proactive.", StringComparison.Ordinal) ? kinds[0] : null;
        if (kinds.Count == 0)
            return generic ? "proactive.total" : null;
        if (Etc().IsMatch(window) || mentions.Count >= 3 || (mentions.Count >= 2 && kinds.Contains("proactive.by_channel.website")))
            return generic ? "proactive.total" : null;
        return kinds.Count == 1 && mentions.Count == 1 && kinds[0].StartsWith("proactive.", StringComparison.Ordinal) ? kinds[0] : null;
    }

    /// <summary>The channels a window names, in order; two names count as two only when a 「、」「和」「及」 separates them
    /// (「门户网站政务公开专栏」 is one place, 「入口网站和法制办网站」 two, and so are 「微博微信」; 「或」 names the same place
    /// another way, e20: 「在信息公开专栏或信息公开网站发布信息」 is the website);
    /// a WeChat or Weibo account right after a site's name is the site's account (e06: 「新疆政府网微信公众号」 is WeChat).</summary>
    private static List<string> Mentions(string window)
    {
        var all = new List<(int At, int End, string Kind)>();
        foreach (var (key, words) in Kinds)
        {
            for (var c = words.Match(window); c.Success; c = c.NextMatch())
                all.Add((c.Index, c.Index + c.Length, key));
        }
        all.Sort((a, b) => a.At.CompareTo(b.At));
        var mentions = new List<string>();
        var lastEnd = -1;
        foreach (var (at, end, kind) in all)
        {
            if (at < lastEnd)
                continue;
            if (mentions.Count > 0 && mentions[^1] == kind && !Conjunction().IsMatch(window[lastEnd..at]))
            {
                lastEnd = end;
                continue;
            }
            if (mentions.Count > 0 && at == lastEnd && window[at - 1] == '网' && kind is "proactive.by_channel.wechat" or "proactive.by_channel.weibo")
            {
                // 「新疆政府网微信公众号」: the account of a site named by its name, one place (not 「微博微信」, two).
                mentions[^1] = kind;
                lastEnd = end;
                continue;
            }
            mentions.Add(kind);
            lastEnd = end;
        }
        return mentions;
    }

    /// <summary>「…发布信息514条,总计2401条」: a 总计 after statements of publishing is the total, and its addends are channel
    /// figures only when each names its own channel (c12: 1887 on the bureau's site and 514 on the province's are two website parts).</summary>
    private static void SumOfStatements(string text, int start, int end, List<PublishedCount> found)
    {
        if (text.AsSpan(start, end - start).IndexOf("计", StringComparison.Ordinal) < 0)
            return;
        var sum = SumWord().Match(text, start, end - start);
        if (!sum.Success || ProseText.Number(sum.Groups["n"].Value) is not { } number)
            return;
        var addends = found.Where(f => f.Offset >= start && f.End <= sum.Index).ToList();
        if (addends.Count == 0)
            return;
        var figuresBefore = Figure().Matches(text[start..sum.Index]).Count(f => f.Groups["u"].Success && !Comparison().IsMatch(text.AsSpan(start + f.Index + f.Length, Math.Min(8, sum.Index - start - f.Index - f.Length))));
        if (figuresBefore > addends.Count || addends.Select(a => a.Key).Distinct().Count() < addends.Count)
            found.RemoveAll(addends.Contains);
        found.Add(new PublishedCount("proactive.total", number, sum.Groups["n"].Index, sum.Index + sum.Length, sum.Groups["n"].Value + sum.Groups["u"].Value, true, false, false, false, false));
    }

    private static int LastVerb(string window)
    {
        var last = -1;
        for (var v = Verb().Match(window); v.Success; v = v.NextMatch())
            last = v.Index;
        return last;
    }

    /// <summary>A count of items (or any other figure: every number ends the words of the next), or a number of two digits or
    /// more whose measure word a copy lost, right before the next words (e06: 「微信公众号推送信息1363微博发布信息1155条」).</summary>
    [GeneratedRegex(ProseText.Num + @" ?(?:(?<u>条次|条|篇|件|则)(?!次)|(?:人次|件次|个|次|人|项|份|场|例|宗|起|元|万元|家|名|期|批|余|多|%))"
        + @"|(?<![\d.,第〔])(?<n>\d{2,})(?<u>)(?=[\u4e00-\u9fff])(?![年月日号时分秒季度期届版点个人次项份场例宗起元家名批余多万亿千百])")]
    private static partial Regex Figure();

    [GeneratedRegex("(?<!予以|不予|同意|部分|申请)公开|发布|(?<!公告)公示|公布|编发|推送|刊登|刊发|发送|上传")]
    private static partial Regex Verb();

    [GeneratedRegex("申请|予以|不予|同意|部分公开|答复|回复|复议|诉讼|办结|受理|咨询|留言|来信|信箱|投诉|举报|解读|发布会|访谈|回应|提案|建议|案件|处罚|浏览|访问|点击|阅读|关注|粉丝|用户|上年|去年|上一年|同比|比上年|较上年|录入")]
    private static partial Regex Excluded();

    [GeneratedRegex("^(?:增加|增长|提高|上升|减少|下降)(?:到|至)")]
    private static partial Regex Comparison();

    /// <summary>Documents and writings counted apart from information (「市政府规章13件」「简报简讯113篇」).</summary>
    [GeneratedRegex("规章|规范性|政策文件|政策性文件|简报|简讯|文章|稿件|图片|视频")]
    private static partial Regex Unwanted();

    [GeneratedRegex(@"等(?:方面|领域|各类)?的?(?:政府|政务)?信息$")]
    private static partial Regex GenericTail();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^(?:\s|了|共|共计|合计|总计|累计|计|各类|各种|各项|相关|主动|公开|发布|对外|向社会|\d{4}年度?|的|政府|政务|信息|文件|数量|数|总数|件数|总量|为|达到|达|有|共有|等)*$")]
    private static partial Regex Generic();

    /// <summary>A website: 「门户网站」「政务公开专栏」, or a government's site by its name, 「兰州市人民政府网」 (e16).</summary>
    [GeneratedRegex(@"(?:门户网站|政府网站|官方网站|入口网站|网站|官网|网页|政务公开专栏|信息公开专栏|公开专栏|专栏|政府网)")]
    private static partial Regex Website();

    [GeneratedRegex(@"(?:微信(?:公众号|订阅号|服务号|平台)?|公众号|订阅号)")]
    private static partial Regex WeChat();

    [GeneratedRegex(@"微博")]
    private static partial Regex Weibo();

    [GeneratedRegex(@"政府公报|《[^》]{0,20}公报》|公报(?=刊登|刊发|公开|发布)")]
    private static partial Regex Gazette();

    [GeneratedRegex(@"头条号|今日头条|抖音|快手|宣传栏|宣传车|公示栏|公告栏|公开栏(?!目)|显示屏|电子屏")]
    private static partial Regex OtherPlaces();

    [GeneratedRegex(@"报纸|报刊|电视|广播|媒体(?!平台)|融媒体")]
    private static partial Regex Media();

    [GeneratedRegex(@"新媒体|双微|两微")]
    private static partial Regex NewMedia();

    [GeneratedRegex(@"(?:其他|其它)(?:方式|渠道|途径|平台)")]
    private static partial Regex ExplicitOther();

    [GeneratedRegex(@"等(?:多种|各类|其他|其它|多个)?(?:渠道|平台|方式|途径|载体|媒体)")]
    private static partial Regex Etc();

    [GeneratedRegex(@"[、和与]|及(?!时)")]
    private static partial Regex Conjunction();

    [GeneratedRegex(@"(?:微博|微信|公众号|网站|公报)(?:公开|发布)?(?:政府|政务)?(?:信息)?(?:数|数量)?(?:共|为)?$")]
    private static partial Regex ChannelThenNumber();

    [GeneratedRegex(@"(?:微博|微信|公众号|订阅号|网站|官网|专栏)(?:平台|账号)?$")]
    private static partial Regex ChannelAtEnd();

    /// <summary>「“政府信息公开目录”:发布各类文件204件」「“长沙精准扶贫在行动”专栏公开…749条」: a count of one section of a site.</summary>
    [GeneratedRegex(@"”\s*(?::|专栏|栏目|专题)")]
    private static partial Regex Section();

    /// <summary>One kind of information: 「政务动态类信息」 (not 「各类」「多类」).</summary>
    [GeneratedRegex(@"(?<![各多两几])类")]
    private static partial Regex OneKind();

    [GeneratedRegex(@"^\s*各(?:县|区|乡|镇|街道)")]
    private static partial Regex LowerGovernments();

    [GeneratedRegex(@"^\s*(?:共|共计|合计|总计|计)\s*$")]
    private static partial Regex TotalOnly();

    [GeneratedRegex(@"累计|截至|截止")]
    private static partial Regex Cumulative();

    [GeneratedRegex(@"(?:截至|截止到?)目前|目前")]
    private static partial Regex Today();

    [GeneratedRegex(@"本年|全年|今年|当年|年度|\d{4}年")]
    private static partial Regex OfYear();

    [GeneratedRegex(@"(?:总计|合计)" + ProseText.Num + "(?<u>条)")]
    private static partial Regex SumWord();
}
