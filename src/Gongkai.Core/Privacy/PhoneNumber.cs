namespace Gongkai.Core.Privacy;

/// <summary>
/// Whether a contact phone as people type it can be dialled: a mobile number or a fixed line with its area code (at
/// least 5 digits), written with digits, spaces, “-”, “+”, parentheses (half or full width) and “转” for an extension.
/// One rule for the application form and the letters.
/// </summary>
public static class PhoneNumber
{
    public const int MaxLength = 30;

    public static bool LooksValid(string? value)
    {
        var phone = (value ?? "").Trim();
        return phone.Length is >= 5 and <= MaxLength && phone.Count(char.IsAsciiDigit) >= 5
            && phone.All(c => char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')' or '（' or '）' or '转');
    }
}
