using System.Globalization;

namespace Gongkai.Core.Privacy;

/// <summary>
/// The 18-digit 公民身份号码 of a 居民身份证 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence,
/// and a check character computed with ISO 7064 MOD 11-2 (X stands for 10).
/// </summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    public static char CheckCharacter(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
            sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Null when the number is valid, otherwise why not, in Chinese.</summary>
    public static string? Problem(string? text)
    {
        var value = (text ?? "").Trim().ToUpperInvariant();
        if (value.Length != 18)
            return $"居民身份证号码应为 18 位，“{value}”有 {value.Length} 位。";
        if (!value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
            return "居民身份证号码前 17 位应为数字，最后一位为数字或 X。";
        if (!DateOnly.TryParseExact(value[6..14], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth) || birth.Year < 1900)
            return "居民身份证号码中的出生日期无效。";
        return value[17] == CheckCharacter(value) ? null : "居民身份证号码的校验码不符，请核对。";
    }

    public static bool IsValid(string? text) => Problem(text) is null;
}
