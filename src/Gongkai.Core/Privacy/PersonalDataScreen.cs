using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Units;

namespace Gongkai.Core.Privacy;

/// <summary>
/// Finds personal data in a text before a catalog item is published, and in the published catalog later. Under
/// 2019 条例第十五条 information whose disclosure harms a third party's 个人隐私 is not disclosed, and the State Council
/// website checks (国办秘函〔2019〕19号) make 身份证号、手机号、银行卡号 in published documents a leading finding.
/// A number counts only as a whole: a run of digits (and, for 身份证号码, letters) that is longer, or continues
/// as a decimal, is something else (an order number, an amount) and is not reported.
/// </summary>
public static partial class PersonalDataScreen
{
    // GB/T 2260 province-level codes of the mainland, where the 15-digit numbers were issued.
    internal const string Provinces = "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65";

    /// <summary>
    /// Every hit in <paramref name="text"/>, in order of position, none overlapping (the earlier, then the longer wins).
    /// The text is read as a reader sees it: invisible characters (zero-width spaces and joiners, soft hyphens,
    /// direction marks — Unicode's format characters) are ignored wherever they are, and a number written in groups
    /// separated by spaces or hyphens is read whole (<see cref="SpacedNumbers"/>). A tab or a line break ends a number:
    /// table cells and lines are never joined.
    /// </summary>
    public static IReadOnlyList<PersonalDataHit> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Full-width characters map one to one, so offsets in the narrowed copy are offsets in the text.
        var narrow = text.AsSpan().ContainsAnyInRange('０', '９') ? Narrow(text) : text;
        var (visible, offsets) = Visible(narrow);
        List<PersonalDataHit>? hits = null;
        void Add(PersonalDataKind kind, int index, int length)
        {
            var start = offsets is null ? index : offsets[index];
            var end = offsets is null ? index + length : offsets[index + length - 1] + 1;
            (hits ??= []).Add(new PersonalDataHit(kind, start, end - start, text.Substring(start, end - start)));
        }
        for (var m = NumberPattern().Match(visible); m.Success; m = m.NextMatch())
        {
            // A number written in groups that is itself one group of a longer run is judged with the run (SpacedNumbers).
            if (Classify(m, visible.AsSpan(m.Index, m.Length)) is { } kind && !SpacedNumbers.InLongerRun(visible, m.Index, m.Length))
                Add(kind, m.Index, m.Length);
        }
        foreach (var (kind, index, length) in SpacedNumbers.Find(visible))
            Add(kind, index, length);
        foreach (var m in EmailPattern().EnumerateMatches(visible.Contains('@') ? visible : "")) // skip the scan when there is no @
            Add(PersonalDataKind.EmailAddress, m.Index, m.Length);
        if (hits is null)
            return [];
        hits.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.Length.CompareTo(a.Length));
        var kept = new List<PersonalDataHit>(hits.Count);
        foreach (var hit in hits)
        {
            if (kept.Count == 0 || hit.Start >= kept[^1].End)
                kept.Add(hit);
        }
        return kept;
    }

    /// <summary>
    /// <paramref name="text"/> with every hit of <see cref="Find"/> masked in place (same length, same offsets): what a
    /// report may quote around a hit without showing another.
    /// </summary>
    public static string Mask(string text) => Mask(text, Find(text));

    /// <summary><paramref name="text"/> with the given hits, found in it, masked in place.</summary>
    public static string Mask(string text, IEnumerable<PersonalDataHit> hits)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(hits);
        var chars = text.ToCharArray();
        foreach (var hit in hits)
            hit.HideIn(chars);
        return new string(chars);
    }

    /// <summary>Characters a reader does not see (Unicode category Cf: U+200B–U+200F, U+00AD, U+2060, U+FEFF…).</summary>
    internal static readonly SearchValues<char> Invisible = SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => char.GetUnicodeCategory(c) == UnicodeCategory.Format).ToArray());

    /// <summary>The text without <see cref="Invisible"/> characters, and where each remaining character was (null: nothing removed).</summary>
    internal static (string Text, int[]? Offsets) Visible(string text)
    {
        if (text.AsSpan().IndexOfAny(Invisible) < 0)
            return (text, null);
        var kept = new StringBuilder(text.Length);
        var offsets = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (Invisible.Contains(text[i]))
                continue;
            kept.Append(text[i]);
            offsets.Add(i);
        }
        return (kept.ToString(), [.. offsets]);
    }

    private static PersonalDataKind? Classify(Match m, ReadOnlySpan<char> value)
    {
        if (m.Groups["id"].Success)
            return ResidentIdNumber.Problem(value.ToString()) is null ? PersonalDataKind.ResidentIdNumber
                : IsBankCard(value) ? PersonalDataKind.BankCardNumber : null;
        if (m.Groups["mobile"].Success)
            return PersonalDataKind.MobileNumber;
        if (m.Groups["old"].Success)
            return IsOldResidentId(value) ? PersonalDataKind.OldResidentIdNumber : null;
        return IsBankCard(value) ? PersonalDataKind.BankCardNumber : null;
    }

    /// <summary>GB 11643-1989: a mainland region code, then a real date 19YYMMDD.</summary>
    internal static bool IsOldResidentId(ReadOnlySpan<char> digits)
    {
        var (year, month, day) = (1900 + Two(digits, 6), Two(digits, 8), Two(digits, 10));
        return Provinces.AsSpan().IndexOf(digits[..2]) >= 0
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    /// <summary>
    /// ISO/IEC 7812-1 Annex B (Luhn): from the check digit leftwards, double every second digit, subtract 9 from
    /// a doubled digit over 9; the sum is a multiple of 10. An 18-digit number that is a valid 统一社会信用代码
    /// (GB 32100-2015, printed in 行政处罚 and 许可 notices) is taken to be the code, not a card.
    /// </summary>
    internal static bool IsBankCard(ReadOnlySpan<char> value)
    {
        int sum = 0, count = 0;
        for (var i = value.Length - 1; i >= 0; i--)
        {
            if (value[i] == ' ')
                continue;
            if (!char.IsAsciiDigit(value[i]))
                return false;
            var d = (value[i] - '0') * (count++ % 2 + 1);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0
            && !(value.Length == 18 && OrganisationCode.CreditCheckCharacter(value[..17].ToString()) == value[17]);
    }

    private static int Two(ReadOnlySpan<char> digits, int at) => (digits[at] - '0') * 10 + digits[at + 1] - '0';

    internal static char Narrow(char c) => c switch
    {
        >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0), // full-width ASCII: ０-９, Ｘ, ＋, －, ．
        '\u3000' => ' ',                                   // ideographic space
        _ => c,
    };

    private static string Narrow(string text) => string.Create(text.Length, text, static (span, t) =>
    {
        for (var i = 0; i < t.Length; i++)
            span[i] = Narrow(t[i]);
    });

    // Alternatives are tried in order at each position; the look-arounds make each take a whole run of digits only.
    [GeneratedRegex("""
        (?<![0-9A-Za-z]|[0-9]\.) (?<id>[0-9]{17}[0-9Xx]) (?![0-9A-Za-z]|\.[0-9])
        | (?<![0-9]|[0-9]\.)
          ( (?<mobile>((\+|00)?86[\x20-]?)? 1[3-9][0-9] (?<sep>[\x20-]?) [0-9]{4} \k<sep> [0-9]{4})
          | (?<old>[0-9]{15})
          | (?<card>[0-9]{16,19} | [0-9]{4} (\x20[0-9]{4}){3} (\x20[0-9]{1,3})?) )
          (?![0-9Xx]|\.[0-9])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9-])", RegexOptions.ExplicitCapture | RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
