using System.Text.RegularExpressions;

namespace Gongkai.Core.Participation;

/// <summary>One article (条) of a draft: its number and its text (the heading line and the lines up to the next article).</summary>
public sealed record DraftArticle(int Number, string Heading, string Text);

/// <summary>
/// The articles of a draft as published for comment: a line that starts 「第X条」 (Chinese or Arabic numerals, as drafts
/// number them: 第一条 … 第一百零八条) opens an article; a heading of the draft's structure (第二章 附则, 第一节) closes it.
/// The public comments on the whole draft or on one article.
/// </summary>
public static partial class DraftArticles
{
    public static IReadOnlyList<DraftArticle> Of(string draftText)
    {
        var articles = new List<DraftArticle>();
        (int Number, string Heading, List<string> Lines)? current = null;
        foreach (var raw in (draftText ?? "").Split('\n'))
        {
            var line = raw.Trim();
            var m = ArticleStart().Match(line);
            if (m.Success && Number(m.Groups[1].Value) is { } n)
            {
                if (current is { } c)
                    articles.Add(new(c.Number, c.Heading, string.Join("\n", c.Lines)));
                current = (n, $"第{m.Groups[1].Value}条", [line]);
            }
            else if (PartStart().IsMatch(line))
            {
                // 第二章 附则: a heading of the draft's structure ends the article before it (real drafts, tests' Real/).
                if (current is { } c)
                    articles.Add(new(c.Number, c.Heading, string.Join("\n", c.Lines)));
                current = null;
            }
            else if (current is { } c && line.Length > 0)
                c.Lines.Add(line);
        }
        if (current is { } last)
            articles.Add(new(last.Number, last.Heading, string.Join("\n", last.Lines)));
        return articles;
    }

    /// <summary>「一百零八」 → 108, 「十二」 → 12, 「12」 → 12; null when not a number up to 9999.</summary>
    public static int? Number(string text)
    {
        if (int.TryParse(text, out var arabic))
            return arabic is > 0 and < 10000 ? arabic : null;
        int total = 0, digit = -1;
        foreach (var ch in text)
        {
            var d = "零一二三四五六七八九".IndexOf(ch);
            if (ch == '两') d = 2;
            if (d >= 0) { digit = d; continue; }
            var unit = ch switch { '十' => 10, '百' => 100, '千' => 1000, _ => 0 };
            if (unit == 0)
                return null;
            total += (digit < 0 ? 1 : digit) * unit;
            digit = -1;
        }
        if (digit > 0)
            total += digit;
        return total is > 0 and < 10000 ? total : null;
    }

    [GeneratedRegex(@"^第([零一二两三四五六七八九十百千\d]{1,8})条(?:[\s　]|$|[^款项])")]
    private static partial Regex ArticleStart();

    [GeneratedRegex(@"^第[零一二两三四五六七八九十百\d]{1,6}[编章节](?:[\s　]|$|[^一-龥]|[一-龥]{1,30}$)")]
    private static partial Regex PartStart();
}
