namespace Gongkai.Core.Units;

/// <summary>Which national standard an <see cref="OrganisationCode"/> follows.</summary>
public enum OrganisationCodeKind
{
    /// <summary>组织机构代码, GB 11714-1997: 8 body characters and a check character (9 in all).</summary>
    OrganisationCode,

    /// <summary>统一社会信用代码, GB 32100-2015: 17 characters and a check character (18 in all).</summary>
    CreditCode,
}

/// <summary>
/// A unit's organisation code (组织机构代码 or 统一社会信用代码). It is the 前段码 of every 索引号 the unit
/// issues (《政府信息公开目录系统实施指引（试行）》), so it is validated with its check character and stored
/// without the hyphen that printed 组织机构代码 carry (<c>01424668-5</c> → <c>014246685</c>).
/// </summary>
public sealed record OrganisationCode
{
    // GB 11714-1997 §4: body characters are 0-9 and A-Z, worth 0-35; weights for positions 1-8.
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    // GB 32100-2015 §4.2: the 31 characters a credit code may use (no I, O, S, V, Z) and the weights of positions 1-17.
    private const string CreditAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CreditWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private OrganisationCode(string value, OrganisationCodeKind kind) => (Value, Kind) = (value, kind);

    /// <summary>The code as stored and used in 索引号: upper case, no hyphen.</summary>
    public string Value { get; }

    public OrganisationCodeKind Kind { get; }

    public override string ToString() => Value;

    /// <summary>Parses a code as people type it (spaces, hyphen, lower case), or says in Chinese why it is not one.</summary>
    public static bool TryParse(string? text, out OrganisationCode? code, out string? error)
    {
        code = null;
        var value = (text ?? "").Trim().Replace("-", "").Replace(" ", "").ToUpperInvariant();
        (error, var kind) = value.Length switch
        {
            0 => ("请填写组织机构代码或统一社会信用代码。", default),
            9 => (CheckOrganisationCode(value), OrganisationCodeKind.OrganisationCode),
            18 => (CheckCreditCode(value), OrganisationCodeKind.CreditCode),
            _ => ($"“{value}”有 {value.Length} 位：组织机构代码应为 9 位，统一社会信用代码应为 18 位。", default),
        };
        if (error is null)
            code = new OrganisationCode(value, kind);
        return error is null;
    }

    public static OrganisationCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code! : throw new FormatException(error);

    /// <summary>The GB 11714 check character for an 8-character body.</summary>
    public static char OrganisationCheckCharacter(string body)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
            sum += OrganisationValue(body[i]) * OrganisationWeights[i];
        return (11 - sum % 11) switch { 10 => 'X', 11 => '0', var c => (char)('0' + c) };
    }

    /// <summary>The GB 32100 check character for a 17-character body.</summary>
    public static char CreditCheckCharacter(string body)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += CreditAlphabet.IndexOf(body[i]) * CreditWeights[i];
        return CreditAlphabet[(31 - sum % 31) % 31];
    }

    private static string? CheckOrganisationCode(string value)
    {
        if (!value[..8].All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c)))
            return $"组织机构代码“{value}”的前 8 位只能是数字或大写字母。";
        if (value[8] != 'X' && !char.IsAsciiDigit(value[8]))
            return $"组织机构代码“{value}”的校验码只能是数字或 X。";
        var expected = OrganisationCheckCharacter(value);
        return value[8] == expected ? null : $"组织机构代码“{value}”的校验码不符（按 GB 11714 应为 {expected}），请核对。";
    }

    private static string? CheckCreditCode(string value)
    {
        var bad = value.FirstOrDefault(c => !CreditAlphabet.Contains(c));
        if (bad != default)
            return $"统一社会信用代码“{value}”含有不允许的字符“{bad}”（不使用 I、O、S、V、Z）。";
        var expected = CreditCheckCharacter(value);
        return value[17] == expected ? null : $"统一社会信用代码“{value}”的校验码不符（按 GB 32100 应为 {expected}），请核对。";
    }

    private static int OrganisationValue(char c) => char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
}
