using System.Text;

namespace Gongkai.Core.Reports.Reading;

/// <summary>
/// Row and column labels reduced to what identifies them, so that a printed label matches the layout's whatever its
/// numbering (「（一）」「(一)」「一、」「1.」「1、」), spacing, brackets, quotes and 「其中：」 prefix:
/// 「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」 → 「部分公开」, 「其中:涉及国家秘密」 → 「涉及国家秘密」.
/// </summary>
internal static class LabelText
{
    /// <summary>Texts longer than this are prose, never a label.</summary>
    public const int MaxLabel = 160;

    public static string Key(string text)
    {
        if (text.Length > MaxLabel * 2)
            return "";
        var s = text.Any(c => c >= '\uFF01' && c <= '\uFF5E' || c == '\u3000') ? text.Normalize(NormalizationForm.FormKC) : text;
        var builder = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (!char.IsWhiteSpace(c) && "“”\"'‘’「」《》〈〉<>【】".IndexOf(c) < 0)
                builder.Append(c);
        }
        s = builder.ToString();
        for (var guard = 0; guard < 8; guard++)
        {
            var before = s;
            s = s[NumberingLength(s)..];
            if (s.StartsWith("其中", StringComparison.Ordinal))
                s = s[2..].TrimStart(':', ',', '、');
            if (s == before)
                break;
        }
        if (!s.StartsWith("第二十条", StringComparison.Ordinal))
            s = WithoutBrackets(s);
        return s.TrimEnd(':', ',', '。', ';', '、', '.');
    }

    /// <summary>The length of a leading row number: 「(一)」「(1)」「一、」「十二.」「1、」「1.」 (not 「1.4」).</summary>
    public static int NumberingLength(string s)
    {
        if (s.Length == 0)
            return 0;
        var i = 0;
        if (s[0] == '(')
        {
            var close = s.IndexOf(')');
            if (close is < 2 or > 4 || !s[1..close].All(IsNumeral))
                return 0;
            i = close + 1;
            if (i < s.Length && s[i] is '、' or '.')
                i++;
            return i;
        }
        while (i < s.Length && i < 3 && IsNumeral(s[i]))
            i++;
        if (i == 0 || i >= s.Length || s[i] is not ('、' or '.'))
            return 0;
        if (s[i] == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
            return 0;
        return i + 1;
    }

    private static bool IsNumeral(char c) => char.IsAsciiDigit(c) || "一二三四五六七八九十".IndexOf(c) >= 0;

    /// <summary>Drops bracketed remarks 「(…)」, nested or not, and an unclosed one at the end.</summary>
    private static string WithoutBrackets(string s)
    {
        if (s.IndexOf('(') < 0)
            return s;
        var builder = new StringBuilder(s.Length);
        var depth = 0;
        foreach (var c in s)
        {
            if (c == '(')
                depth++;
            else if (c == ')' && depth > 0)
                depth--;
            else if (depth == 0)
                builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Edit distance, giving up (returning <paramref name="limit"/> + 1) once it must exceed <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
            return limit + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
            previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }
            if (best > limit)
                return limit + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
