using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Core.Catalog;

/// <summary>
/// What a person typed into the catalog search, understood: words that must all occur (each as a substring of the
/// text), quoted phrases (「」, “”, "…"), and 文号 or 索引号 looked up as such. Full-width letters and digits count as
/// their half-width forms. The search engine turns this into its own query; the meaning is fixed here.
/// </summary>
public sealed partial record SearchQuery(IReadOnlyList<string> Terms, IReadOnlyList<string> Phrases, string? IndexNumber, string? DocumentNumber)
{
    public const int MaxTerms = 10;

    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0 && IndexNumber is null && DocumentNumber is null;

    /// <returns>The query, or why it cannot be run (in Chinese).</returns>
    public static (SearchQuery? Query, string? Problem) Parse(string? text)
    {
        var normalized = Normalize(text ?? "");
        var terms = new List<string>();
        var phrases = new List<string>();
        string? indexNumber = null, documentNumber = null;
        foreach (Match m in Tokens().Matches(normalized))
        {
            var quoted = m.Groups["q"].Success;
            var token = (quoted ? m.Groups["q"].Value : m.Value).Trim();
            if (token.Length == 0)
                continue;
            if (IndexNumberFormat.LooksLikeIndexNumber(token))
                indexNumber = token;
            else if (DocumentNumberShape().IsMatch(token))
                documentNumber = token.Replace('[', '〔').Replace(']', '〕');
            else if (!token.Any(char.IsLetterOrDigit))
                continue;   // punctuation alone finds nothing: left out
            else
                (quoted ? phrases : terms).Add(token);
        }
        if (terms.Count + phrases.Count > MaxTerms)
            return (null, $"检索词不能超过 {MaxTerms} 个。");
        var query = new SearchQuery(terms.Distinct().ToList(), phrases.Distinct().ToList(), indexNumber, documentNumber);
        return query.IsEmpty ? (null, "请输入检索词。") : (query, null);
    }

    /// <summary>Full-width ASCII (Ａ, １, 　) to half-width, upper-case Latin letters to lower case except in codes.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' when c is not ('（' or '）' or '，' or '：' or '；' or '！' or '？') => (char)(c - 0xFEE0),
                _ => c,
            });
        }
        return builder.ToString().Trim();
    }

    // A quoted phrase, or a run of non-space characters.
    [GeneratedRegex("[「“\"](?<q>[^」”\"]*)[」”\"]|[^\\s]+")]
    private static partial Regex Tokens();

    // 文号: an issuer's abbreviation, a year in 〔〕 or [], a number and 号, e.g. 长政发〔2014〕9号.
    [GeneratedRegex(@"^\p{IsCJKUnifiedIdeographs}{1,12}[〔\[]\d{4}[〕\]]\d{1,5}号$")]
    private static partial Regex DocumentNumberShape();
}
