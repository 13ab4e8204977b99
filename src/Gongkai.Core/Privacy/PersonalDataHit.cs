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
