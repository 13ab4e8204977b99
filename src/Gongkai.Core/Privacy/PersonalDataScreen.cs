using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Gongkai.Core.Units;

namespace Gongkai.Core.Privacy;

/// <summary>What kind of personal data a <see cref="PersonalDataHit"/> is.</summary>
public enum PersonalDataKind
{
    /// <summary>居民身份证号码: 18 characters, GB 11643-1999, with a valid MOD 11-2 check character.</summary>
    ResidentIdNumber,

    /// <summary>15位旧身份证号码: GB 11643-1989, 6-digit region, birth date YYMMDD, 3-digit sequence, no check character.</summary>
    OldResidentIdNumber,

    /// <summary>手机号码: 11 digits, 13x–19x, as written with or without +86 and 3-4-4 grouping.</summary>
    MobileNumber,

    /// <summary>银行卡号: 16–19 digits whose last digit is the ISO/IEC 7812-1 (Luhn) check digit.</summary>
    BankCardNumber,

    /// <summary>电子邮箱.</summary>
    EmailAddress,
}

public static class PersonalDataKindNames
{
    public static string ChineseName(this PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.ResidentIdNumber => "居民身份证号码",
        PersonalDataKind.OldResidentIdNumber => "15位旧身份证号码",
        PersonalDataKind.MobileNumber => "手机号码",
        PersonalDataKind.BankCardNumber => "银行卡号",
        PersonalDataKind.EmailAddress => "电子邮箱",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>
/// One piece of personal data in a text. <see cref="Start"/> and <see cref="Length"/> index the text as given
/// (UTF-16, full-width digits included); <see cref="Text"/> is the original, unmasked span.
/// </summary>
public sealed record PersonalDataHit(PersonalDataKind Kind, int Start, int Length, string Text)
{
    public int End => Start + Length;

    /// <summary>
    /// The value safe to show in a report: digits normalised, middle replaced by *, e.g. 110105********002X,
    /// 138****8000 (without +86), 411111******1111, z*******@example.gov.cn.
    /// </summary>
    public string Masked => Kind == PersonalDataKind.EmailAddress ? MaskEmail() : MaskNumber();

    /// <summary>Up to <paramref name="chars"/> characters either side of the hit, with the hit itself <see cref="Masked"/>.</summary>
    public string Context(string text, int chars = 15)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(chars);
        var from = Math.Max(0, Start - chars);
        var to = Math.Min(text.Length, End + chars);
        if (from > 0 && char.IsLowSurrogate(text[from]))
            from--;
        if (to < text.Length && char.IsLowSurrogate(text[to]))
            to++;
        return string.Concat(text.AsSpan(from, Start - from), Masked, text.AsSpan(End, to - End));
    }

    /// <summary>Never the unmasked value, so a logged hit does not leak what it found.</summary>
    public override string ToString() => $"{Kind.ChineseName()} {Masked}（第 {Start} 字起，{Length} 字）";

    private string MaskNumber()
    {
        Span<char> value = stackalloc char[Text.Length];
        var n = 0;
        foreach (var c in Text)
        {
            var a = PersonalDataScreen.Narrow(c);
            if (char.IsAsciiDigit(a) || a is 'X' or 'x')
                value[n++] = char.ToUpperInvariant(a);
        }
        value = Kind == PersonalDataKind.MobileNumber ? value[Math.Max(0, n - 11)..n] : value[..n];
        var (head, tail) = Kind switch
        {
            PersonalDataKind.MobileNumber => (3, 4),
            PersonalDataKind.OldResidentIdNumber => (6, 3), // hides the whole YYMMDD birth date
            _ => (6, 4),
        };
        (value.Length > head + tail ? value[head..^tail] : value).Fill('*');
        return new string(value);
    }

    private string MaskEmail()
    {
        var text = PersonalDataScreen.Visible(Text).Text;
        var at = Math.Max(1, text.IndexOf('@'));
        return string.Concat(text.AsSpan(0, 1), new string('*', at - 1), text.AsSpan(at));
    }

    /// <summary>
    /// Replaces in <paramref name="text"/> (the text the hit was found in) what <see cref="Masked"/> hides, character for
    /// character, so that offsets stay as they were: digits between the head and the tail of a number (separators and
    /// invisible characters between them kept), an e-mail address's name after its first character.
    /// </summary>
    internal void HideIn(Span<char> text)
    {
        var span = text.Slice(Start, Length);
        if (Kind == PersonalDataKind.EmailAddress)
        {
            var at = span.IndexOf('@');
            var first = span.IndexOfAnyExcept(PersonalDataScreen.Invisible);
            if (at > first + 1)
                span[(first + 1)..at].Fill('*');
            return;
        }
        var count = 0;
        foreach (var c in span)
            count += IsValueCharacter(c) ? 1 : 0;
        var skip = Kind == PersonalDataKind.MobileNumber ? Math.Max(0, count - 11) : 0;   // +86 stays visible
        var length = count - skip;
        var (head, tail) = Kind switch
        {
            PersonalDataKind.MobileNumber => (3, 4),
            PersonalDataKind.OldResidentIdNumber => (6, 3),
            _ => (6, 4),
        };
        if (length <= head + tail)
            (head, tail) = (0, 0);
        var index = -skip;
        for (var i = 0; i < span.Length; i++)
        {
            if (!IsValueCharacter(span[i]))
                continue;
            if (index >= head && index < length - tail)
                span[i] = '*';
            index++;
        }
    }

    private static bool IsValueCharacter(char c) => PersonalDataScreen.Narrow(c) is >= '0' and <= '9' or 'X' or 'x';
}

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
