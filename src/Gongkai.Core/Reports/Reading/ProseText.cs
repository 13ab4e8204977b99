using System.Text.RegularExpressions;

namespace Gongkai.Core.Reports.Reading;

/// <summary>A number in prose with the words before it: 「市级机关97.8万条」 → name 市级机关, 978,000, unit 条.</summary>
/// <param name="InBrackets">Inside brackets: 「同比去年(242件)」「(更新概况类信息94条,…)」, a detail of the figure before.</param>
/// <param name="Depth">How many brackets it stands in.</param>
/// <param name="Percent">「，占0.90%」 right after it, with the number of decimals stated.</param>
internal sealed record ProseItem(string Name, StatedNumber Number, string Unit, int Offset, int End, bool InBrackets, (decimal Value, int Decimals)? Percent, int Depth = 0);

/// <summary>The pieces of prose the reader and the prose checks share: numbers, sentences, quotes.</summary>
internal static partial class ProseText
{
    /// <summary>A number as prose states it (see <see cref="ChineseNumber"/>), in group <c>n</c>.</summary>
    public const string Num = @"(?<n>(?:大约|将近|接近|超过|约|近|逾)?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:(?:余|多)?万(?!元)|(?:余|多)?亿(?!元))?|[一二两三四五六七八九十百千万零〇]{1,8})(?:余|多)?)";

    /// <summary>Words between a keyword and its number: no clause break, no digit, no bracket.</summary>
    public const string Gap = @"[^,。;:\n\d()]";

    public const string Units = "(?<u>万元|亿元|人次|条|件|次|个|人|项|篇|份|场|例|宗|起|元|家|名)";

    /// <summary>
    /// The number <paramref name="text"/> states (<see cref="ChineseNumber.Parse"/>), or null when it states none or one
    /// too large to be a statistic (<see cref="TableReader.MaxValue"/>).
    /// </summary>
    public static StatedNumber? Number(string text) =>
        ChineseNumber.Parse(text) is { } number && Math.Abs(number.Value) < TableReader.MaxValue ? number : null;

    /// <summary>Sentences end at 「。」, 「!」, 「?」 or a line break.</summary>
    public static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '。' or '\n' or '!' or '?')
            {
                if (i > start)
                    yield return (start, i);
                start = i + 1;
            }
        }
    }

    /// <summary>The clause around <paramref name="offset"/> (between 「,」「;」「。」 or line breaks), whole: at most 200 characters
    /// either way, so that a line of table cells without punctuation is not quoted entire.</summary>
    public static string Quote(string text, int offset, int end)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        end = Math.Clamp(end, offset, text.Length);
        var start = offset;
        while (start > 0 && offset - start < 200 && text[start - 1] is not (',' or ';' or '。' or '\n'))
            start--;
        var stop = end;
        while (stop < text.Length && stop - end < 200 && text[stop] is not (',' or ';' or '。' or '\n'))
            stop++;
        return text[start..stop].Trim();
    }

    public static IEnumerable<ProseItem> Items(string text, int start, int end)
    {
        var (depth, scanned) = (0, start);
        for (var m = Item().Match(text, start, end - start); m.Success; m = m.NextMatch())
        {
            for (; scanned < m.Groups["n"].Index; scanned++)
                depth = text[scanned] == '(' ? depth + 1 : text[scanned] == ')' ? Math.Max(depth - 1, 0) : depth;
            if (Number(m.Groups["n"].Value) is not { } number)
                continue;
            (decimal, int)? percent = null;
            if (m.Groups["p"].Success && decimal.TryParse(m.Groups["p"].Value, System.Globalization.CultureInfo.InvariantCulture, out var p))
                percent = (p, Decimals(m.Groups["p"].Value));
            var numberAt = m.Groups["n"].Index;
            var inBrackets = depth > 0;
            var nameStart = NameStart(text, start, m.Index);
            // 「微信订阅号发布信息54期97条」 (e17): a count of issues right before is part of the name.
            if (m.Index - nameStart <= 1 && nameStart > start && char.IsAsciiDigit(text[nameStart - 1]))
            {
                var digits = nameStart;
                while (digits > start && char.IsAsciiDigit(text[digits - 1]))
                    digits--;
                nameStart = NameStart(text, start, digits);
            }
            var unit = m.Groups["u"];
            var name = nameStart > start && !IsNameBreak(text[nameStart - 1]) ? "…" + text[nameStart..m.Index] : text[nameStart..m.Index];
            // 「公共资金使用信息、机构调整和人员变动类信息各2条」 (e20): one figure for each name listed.
            foreach (var each in Each(text, start, nameStart, name))
                yield return new ProseItem(each, number, unit.Value, numberAt, unit.Index + unit.Length, inBrackets, percent, depth);
        }
    }

    private static int NameStart(string text, int start, int at)
    {
        var nameStart = at;
        while (nameStart > start && at - nameStart < 16 && !IsNameBreak(text[nameStart - 1]))
            nameStart--;
        return nameStart;
    }

    /// <summary>The names a figure stands for: its own, or each of 「A、B各2条」.</summary>
    private static IEnumerable<string> Each(string text, int start, int nameStart, string name)
    {
        if (!name.EndsWith('各') || name.StartsWith('…') || nameStart <= start || text[nameStart - 1] != '、')
        {
            yield return name;
            yield break;
        }
        var names = new List<string> { name[..^1] };
        for (var at = nameStart; at > start && text[at - 1] == '、';)
        {
            var pieceStart = NameStart(text, start, at - 1);
            if (pieceStart == at - 1 || (pieceStart > start && !IsNameBreak(text[pieceStart - 1])) || (pieceStart > start && char.IsAsciiDigit(text[pieceStart - 1])))
                break;
            names.Insert(0, text[pieceStart..(at - 1)]);
            at = pieceStart;
        }
        foreach (var each in names.Count > 1 ? names : [name])
            yield return each;
    }

    /// <summary>What ends the words before a number: a clause break, a bracket, a digit.</summary>
    private static bool IsNameBreak(char c) => c is ',' or '。' or ';' or ':' or '、' or '\n' or '(' or ')' || char.IsAsciiDigit(c);

    public static int Decimals(string number)
    {
        var dot = number.IndexOf('.');
        return dot < 0 ? 0 : number.Length - dot - 1;
    }

    [GeneratedRegex(@"\(?" + Num + @"\)?" + Units + @"(?:,?占[^,。;\d]{0,8}?(?<p>\d{1,3}(?:\.\d{1,4})?)%)?")]
    private static partial Regex Item();
}
