using System.Text.RegularExpressions;

namespace Gongkai.Core.Privacy;

/// <summary>
/// Numbers written in groups — 「110105 19491231 002X」「139 1234 5678」「6222 0212 3456 7890 123」, or split anywhere to slip
/// past a screen that reads digits only. A run of digit groups separated by up to three spaces or hyphens on one line is
/// read as one number, under rules strict enough that the figures of a table, dates and amounts written with spaces are not
/// taken for personal data:
/// <list type="bullet">
/// <item>the whole run counts when its digits make a 身份证号码 (valid check character, a real birth date in 1900–2099
/// and a province code that exists); a 手机号码 of groups of at least 3 digits; a 15-digit old number of groups of at
/// least 3; a 银行卡号 (16–19 digits, Luhn, beginning 3, 4, 5, 6 or 9) of groups of at least 4 but the last;</item>
/// <item>within a longer run, only groups that make a 身份证号码 by the strict test above (its check character and birth
/// date leave about one chance in 100,000 for digits that are something else).</item>
/// </list>
/// A run that goes on as a decimal (「1 234.5」) or follows one is an amount and not read. Tabs and line breaks are no
/// separators, so cells and lines are never joined.
/// </summary>
internal static partial class SpacedNumbers
{
    /// <summary>Runs of two or more groups in <paramref name="text"/> (full-width digits already narrowed) that read as personal data.</summary>
    public static IEnumerable<(PersonalDataKind Kind, int Index, int Length)> Find(string text)
    {
        for (var m = Run().Match(text); m.Success; m = m.NextMatch())
        {
            var groups = m.Groups["g"].Captures;
            var x = m.Groups["x"].Success;
            var digits = string.Concat(groups.Select(g => g.Value)) + (x ? "X" : "");
            if (Whole(digits, groups, x) is { } kind)
            {
                yield return (kind, m.Index, m.Length);
                continue;
            }
            // Within a longer run: groups i..j that make an ID number, the X only at the run's end.
            for (var i = 0; i < groups.Count; i++)
            {
                var length = 0;
                for (var j = i; j < groups.Count && length < 18; j++)
                {
                    length += groups[j].Length + (j == groups.Count - 1 && x ? 1 : 0);
                    if (length != 18 || (i == 0 && j == groups.Count - 1))
                        continue;
                    var start = groups[i].Index;
                    var end = groups[j].Index + groups[j].Length + (j == groups.Count - 1 && x ? 1 : 0);
                    if (IsPlausibleId(text.Substring(start, end - start).Where(c => char.IsAsciiDigit(c) || c is 'X' or 'x').ToArray()))
                        yield return (PersonalDataKind.ResidentIdNumber, start, end - start);
                }
            }
        }
    }

    /// <summary>
    /// Whether the number at <paramref name="index"/>, written with a separator inside, is only part of a run of groups:
    /// 「135 2204 3101 12 0 0 3」 is a table row, not a mobile number followed by figures.
    /// </summary>
    public static bool InLongerRun(string text, int index, int length)
    {
        var value = text.AsSpan(index, length);
        if (!value.ContainsAny(Separators))
            return false;
        var before = index - 1;
        for (var n = 0; n < 3 && before >= 0 && IsSeparator(text[before]); n++)
            before--;
        var after = index + length;
        for (var n = 0; n < 3 && after < text.Length && IsSeparator(text[after]); n++)
            after++;
        return (before < index - 1 && before >= 0 && char.IsAsciiDigit(text[before]))
            || (after > index + length && after < text.Length && char.IsAsciiDigit(text[after]));
    }

    private static readonly System.Buffers.SearchValues<char> Separators =
        System.Buffers.SearchValues.Create("\u0020\u00A0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u202F\u205F\u3000-\u2010\u2011\u2012");

    private static bool IsSeparator(char c) => Separators.Contains(c);

    private static PersonalDataKind? Whole(string digits, CaptureCollection groups, bool x)
    {
        var shortest = groups.Min(g => g.Length);
        if (digits.Length == 18)
        {
            if (IsPlausibleId(digits))
                return PersonalDataKind.ResidentIdNumber;
        }
        if (x)
            return null;
        if (digits.Length == 11 && digits[0] == '1' && digits[1] >= '3' && shortest >= 3)
            return PersonalDataKind.MobileNumber;
        if (digits.Length == 15 && shortest >= 3 && PersonalDataScreen.IsOldResidentId(digits))
            return PersonalDataKind.OldResidentIdNumber;
        if (digits.Length is >= 16 and <= 19 && "34569".Contains(digits[0])
            && groups.Take(groups.Count - 1).All(g => g.Length >= 4) && PersonalDataScreen.IsBankCard(digits))
            return PersonalDataKind.BankCardNumber;
        return null;
    }

    /// <summary>A valid 身份证号码 whose province code exists (mainland, 71 台湾, 81 香港, 82 澳门, 83 for their residence permits) and birth year is 1900–2099.</summary>
    private static bool IsPlausibleId(ReadOnlySpan<char> digits) =>
        digits.Length == 18 && ResidentIdNumber.IsValid(digits.ToString())
        && (PersonalDataScreen.Provinces.AsSpan().IndexOf(digits[..2]) >= 0 || digits[..2] is "71" or "81" or "82" or "83")
        && digits[6..8] is "19" or "20";

    // Groups of ASCII digits (full-width ones were narrowed) joined by 1–3 spaces (any Unicode space but tab and line
    // breaks) or hyphens; atomic, so a run is always taken whole and then judged.
    [GeneratedRegex("""
        (?<![0-9A-Za-z]|[0-9][.,])
        (?> (?<g>[0-9]+) (?: [\x20\u00A0\u2000-\u200A\u202F\u205F\u3000\-\u2010-\u2012]{1,3} (?<g>[0-9]+) )+ (?<x>[Xx])? )
        (?![0-9A-Za-z]|[.,][0-9])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex Run();
}
