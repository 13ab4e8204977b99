using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.SiteCheck;

/// <summary>A lexicon entry as the matcher sees it.</summary>
public sealed record LexiconTerm(string Id, LexiconKind Kind, string Term, string Correction = "");

/// <summary>
/// One occurrence of a term in a text: where (in the plain text), which occurrence of the term it is, and about 15
/// characters either side. <see cref="ContextHash"/> identifies it across runs while the text around it stays the same.
/// </summary>
public sealed record LexiconHit(LexiconTerm Entry, int Position, int Occurrence, string Context)
{
    public string ContextHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Entry.Term + "|" + Context)))[..16];

    /// <summary>「国家卫生计生委」应为「国家卫生健康委」 (or 禁用词「…」).</summary>
    public string Describe() => Entry.Correction.Length > 0
        ? $"{Entry.Kind.ChineseName()}：「{Entry.Term}」应为「{Entry.Correction}」"
        : $"{Entry.Kind.ChineseName()}：「{Entry.Term}」";
}

/// <summary>
/// Finds the serious-error lexicon's terms in a text (titles and bodies are HTML: tags are stripped and entities decoded
/// first). An occurrence that is part of the entry's own correct form is not a hit: when the correction contains the term
/// (term 「秘书局」, correction 「国务院办公厅秘书局」), an occurrence inside the full correct name is skipped, while the
/// term standing alone, or inside some other longer text, is still a hit. A correction that does not contain the term
/// skips nothing. Hits are for a person to judge; nothing is changed.
/// </summary>
public static partial class LexiconMatch
{
    public const int ContextChars = 15;

    public static IReadOnlyList<LexiconHit> Find(string html, IEnumerable<LexiconTerm> entries)
    {
        var text = PlainText(html);
        var hits = new List<LexiconHit>();
        if (text.Length == 0)
            return hits;
        foreach (var entry in entries)
        {
            var term = entry.Term.Trim();
            if (term.Length == 0)
                continue;
            var correctOffsets = OffsetsOf(entry.Correction, term).ToList();
            var occurrence = 0;
            for (var at = text.IndexOf(term, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(term, at + term.Length, StringComparison.OrdinalIgnoreCase))
            {
                if (correctOffsets.Any(k => at - k >= 0 && at - k + entry.Correction.Length <= text.Length
                        && string.Compare(text, at - k, entry.Correction, 0, entry.Correction.Length, StringComparison.OrdinalIgnoreCase) == 0))
                    continue;
                hits.Add(new LexiconHit(entry, at, occurrence++, Context(text, at, term.Length)));
            }
        }
        return hits;
    }

    private static IEnumerable<int> OffsetsOf(string correction, string term)
    {
        for (var k = correction.IndexOf(term, StringComparison.OrdinalIgnoreCase); k >= 0; k = correction.IndexOf(term, k + 1, StringComparison.OrdinalIgnoreCase))
            yield return k;
    }

    private static string Context(string text, int at, int length)
    {
        var start = Math.Max(0, at - ContextChars);
        var end = Math.Min(text.Length, at + length + ContextChars);
        return (start > 0 ? "…" : "") + text[start..end] + (end < text.Length ? "…" : "");
    }

    /// <summary>
    /// The text a reader sees: script and style dropped, block-level tags as a space (a term never spans two paragraphs),
    /// inline tags removed (国家<b>卫生</b>计生委 still reads 国家卫生计生委), entities decoded, whitespace collapsed.
    /// </summary>
    public static string PlainText(string? html)
    {
        if (string.IsNullOrEmpty(html))
            return "";
        var s = ScriptOrStyle().Replace(html, " ");
        s = Comment().Replace(s, "");
        s = BlockTag().Replace(s, " ");
        s = AnyTag().Replace(s, "");
        s = WebUtility.HtmlDecode(s);
        return Spaces().Replace(s, " ").Trim();
    }

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"</?(p|div|br|li|ul|ol|tr|td|th|table|h[1-6]|section|article|blockquote|pre|hr)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
