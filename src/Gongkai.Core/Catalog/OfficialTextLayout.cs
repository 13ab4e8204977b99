using System.Text.RegularExpressions;

namespace Gongkai.Core.Catalog;

/// <summary>
/// How a government document's text is laid out for reading, as official documents print (GB/T 9704): no stray space
/// where a line was broken inside Chinese text, and the closing lines — the issuing organ(s) and the date — set to the right.
/// </summary>
public static partial class OfficialTextLayout
{
    /// <summary>
    /// Removes a single line break (with the spaces or tabs around it) between two Chinese characters or Chinese
    /// punctuation marks: a browser shows such a break as a space (「政府信息。 公民」). A blank line — a real paragraph
    /// break — and a break next to Latin letters or digits (where a space belongs) are kept.
    /// </summary>
    public static string JoinLineBreaks(string text) =>
        string.IsNullOrEmpty(text) || text.IndexOfAny(['\n', '\r']) < 0 ? text : BreakInsideChinese().Replace(text, "");

    /// <summary>
    /// A date line alone, as a document is dated: 「2024年5月6日」, 「二〇二四年五月六日」, full-width digits, or in brackets.
    /// </summary>
    public static bool IsDateLine(string paragraph) => DateLine().IsMatch(paragraph);

    /// <summary>
    /// An issuing organ's name alone on its line: short, no sentence punctuation, ending as organs' names end
    /// (人民政府, 办公室, 办公厅, 局, 委员会, 厅, 办事处 …).
    /// </summary>
    public static bool IsOrganLine(string paragraph)
    {
        var text = paragraph.Trim();
        return text.Length is >= 3 and <= 40 && OrganLine().IsMatch(text);
    }

    /// <summary>
    /// The paragraphs to set right: each date line, and the organ lines (at most three, for a joint document) right above
    /// it. A signature block in the middle — a 印发 notice's, above the document it sends out — counts too.
    /// </summary>
    public static IReadOnlySet<int> ClosingLines(IReadOnlyList<string> paragraphs)
    {
        var closing = new SortedSet<int>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (!IsDateLine(paragraphs[i]))
                continue;
            closing.Add(i);
            for (var j = i - 1; j >= 0 && j >= i - 3 && IsOrganLine(paragraphs[j]); j--)
                closing.Add(j);
        }
        return closing;
    }

    /// <summary>
    /// 主送机关: a document's first paragraph when it names whom it is addressed to (「各区县人民政府，市政府各部门：」) — it
    /// ends with a colon and holds no full stop — set flush left (顶格), without the first-line indent. -1 when there is none.
    /// </summary>
    public static int Addressee(IReadOnlyList<string> paragraphs)
    {
        var first = paragraphs.Count > 0 ? paragraphs[0].Trim() : "";
        if (first.Length is < 2 or > 120 || !(first.EndsWith('：') || first.EndsWith(':')) || first.Contains('。'))
            return -1;
        // Each name in the list ends as an organ or a group of them does (…人民政府, 各部门, 各有关单位, 各学校 …).
        var names = first[..^1].Split(['，', '、', ',', '；', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return names.Length > 0 && names.All(n => AddresseeName().IsMatch(n)) ? 0 : -1;
    }

    // Chinese: ideographs, CJK punctuation (not the ideographic space U+3000, an intended indent), full-width forms,
    // and the quotation marks, dashes and ellipsis Chinese text uses from General Punctuation.
    private const string Chinese = @"[\u2E80-\u2FDF\u3001-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF01-\uFF5E\u2014\u2016\u2018\u2019\u201C\u201D\u2026\u00B7]";

    [GeneratedRegex($@"(?<={Chinese})[ \t]*(?:\r\n|\r|\n)[ \t]*(?={Chinese})")]
    private static partial Regex BreakInsideChinese();

    /// <summary>
    /// Text run together on one line (a search snippet cut from several paragraphs): every run of whitespace between two
    /// Chinese characters or punctuation marks goes, as Chinese is written without spaces (「安排。 鹿鸣县」 → 「安排。鹿鸣县」);
    /// a space next to Latin letters or digits stays.
    /// </summary>
    public static string JoinSpacesInsideChinese(string text) => string.IsNullOrEmpty(text) ? text : SpaceInsideChinese().Replace(text, "");

    [GeneratedRegex($@"(?<={Chinese})\s+(?={Chinese})")]
    private static partial Regex SpaceInsideChinese();

    [GeneratedRegex(@"^[^。？！?!：:\s]{0,30}(?:政府|办公室|办公厅|办事处|委员会|管委会|局|委|厅|部|院|署|办|处|中心|会|所|站|队|公司|部门|单位|机构|学校|医院|企业|镇|乡|街道)$")]
    private static partial Regex AddresseeName();

    [GeneratedRegex(@"^\s*[（(]?\s*(?:[0-9０-９]{4}|[〇○零Ｏ一二三四五六七八九]{4})\s*年\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[）)]?\s*$")]
    private static partial Regex DateLine();

    [GeneratedRegex(@"^[^。，；：？！,;:?!、“”‘’《》（）()\s]+(?:政府|办公室|办公厅|办事处|委员会|管委会|局|委|厅|部|院|署|办|处|中心|会|所|站|队|公司|小组)$")]
    private static partial Regex OrganLine();
}
