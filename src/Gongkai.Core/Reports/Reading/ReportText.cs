using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// Puts a published report's text into the one shape the reader parses: HTML flattened to lines (a table row per line,
/// cells separated by tabs), entities decoded, zero-width characters dropped, full-width digits, letters and
/// punctuation made ASCII by NFKC (「１２３」 → 「123」, 「（一）」 → 「(一)」, 「，」 → 「,」; 「、」「。」「《》」「“”」 stay),
/// traditional characters made simplified, pinyin that scrapers insert after characters removed (「報(bào)告」 → 「报告」),
/// and runs of spaces collapsed. Lines and tabs are kept: they are the table structure. A line holding only spaces
/// becomes a single space — in a flattened table it is an empty cell.
/// </summary>
public static partial class ReportText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        if (HtmlText.LooksLikeHtml(text))
            text = HtmlText.ToLines(text);
        if (text.Contains('&'))
            text = WebUtility.HtmlDecode(text);
        text = DropInvisible(text);
        if (!text.IsNormalized(NormalizationForm.FormKC))
            text = text.Normalize(NormalizationForm.FormKC);
        text = TraditionalChinese.Simplify(text);
        text = Pinyin().Replace(text, m => HasTone(m.Value) ? "" : m.Value);
        if (text.Contains(' '))
            text = LetterSpacing().Replace(text, "");
        return CollapseSpaces(text);
    }

    private static string DropInvisible(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                        builder.Append('\n');
                    break;
                case '\u200B' or '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' or '\u00AD':
                    break;
                case '\0' or '\uFFFD':
                    break;
                default:
                    if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) &&
                        !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])))
                        break;   // a lone surrogate (bad bytes) cannot be normalized
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }

    private static string CollapseSpaces(string text)
    {
        var builder = new StringBuilder(text.Length);
        var lineStart = 0;
        var sawSpace = false;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                if (builder.Length == lineStart && sawSpace)
                    builder.Append(' ');
                builder.Append('\n');
                lineStart = builder.Length;
                sawSpace = pendingSpace = false;
            }
            else if (c != '\t' && (char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                sawSpace = true;
                pendingSpace = builder.Length > lineStart && builder[^1] != '\t';
            }
            else
            {
                if (pendingSpace && c != '\t')
                    builder.Append(' ');
                pendingSpace = false;
                builder.Append(c);
            }
        }
        if (builder.Length == lineStart && sawSpace)
            builder.Append(' ');
        return builder.ToString();
    }

    private static bool HasTone(string s) =>
        s.Any(c => "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ".Contains(c) || c is >= '\u0300' and <= '\u036F' || c is >= '1' and <= '5');

    /// <summary>
    /// The spaces of letter-spaced Chinese, as a PDF's justified lines give it: 「全 年 新 收 申 请」 → 「全年新收申请」 — a space
    /// in a run of three or more characters each one space apart; 「行政复议 行政诉讼」 and 「信息数 条」 keep theirs.
    /// </summary>
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs}) (?=\p{IsCJKUnifiedIdeographs} \p{IsCJKUnifiedIdeographs})|(?<=\p{IsCJKUnifiedIdeographs} \p{IsCJKUnifiedIdeographs}) (?=\p{IsCJKUnifiedIdeographs})")]
    private static partial Regex LetterSpacing();

    /// <summary>A pinyin syllable in brackets right after a character: 「報(bào)」「報【bao4】」.</summary>
    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs}) ?[(\[【] ?[a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ\u0300-\u036F]{1,7}[1-5]? ?[)\]】]")]
    private static partial Regex Pinyin();
}

/// <summary>
/// A small, tolerant tag stripper (no HTML library in the core): a row (<c>tr</c>), paragraph, line break or block ends a
/// line, a cell (<c>td</c>, <c>th</c>) starts with a tab, breaks inside a cell become spaces, scripts, styles and comments
/// are dropped, every other tag is removed.
/// </summary>
public static class HtmlText
{
    private static readonly string[] Markers = ["<table", "<tr", "<td", "<p>", "<p ", "<br", "<div", "<html", "<body"];

    public static bool LooksLikeHtml(string text) => Markers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase));

    public static string ToLines(string html)
    {
        var builder = new StringBuilder(html.Length);
        var inCell = false;
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                builder.Append(c is '\n' or '\r' or '\t' ? ' ' : c);
                i++;
                continue;
            }
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                var close = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = close < 0 ? html.Length : close + 3;
                continue;
            }
            var end = html.IndexOf('>', i + 1);
            if (end < 0)
            {
                builder.Append(html, i, html.Length - i);
                break;
            }
            var name = TagName(html, i + 1, end);
            i = end + 1;
            if (name is "script" or "style")
            {
                var close = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : close;
                continue;
            }
            switch (name)
            {
                case "td" or "th":
                    builder.Append('\t');
                    inCell = true;
                    break;
                case "/td" or "/th":
                    inCell = false;
                    break;
                case "tr" or "/tr" or "table" or "/table" or "caption" or "/caption":
                    builder.Append('\n');
                    inCell = false;
                    break;
                case "br" or "p" or "/p" or "div" or "/div" or "li" or "/li" or "h1" or "h2" or "h3" or "h4" or "/h1" or "/h2" or "/h3" or "/h4":
                    builder.Append(inCell ? ' ' : '\n');
                    break;
            }
        }
        return builder.ToString();
    }

    private static string TagName(string html, int start, int end)
    {
        var j = start;
        if (j < end && html[j] == '/')
            j++;
        while (j < end && char.IsAsciiLetterOrDigit(html[j]))
            j++;
        return html[start..j].ToLowerInvariant();
    }
}
