namespace Gongkai.Core.Accounts;

/// <summary>
/// Whether a password is one that attackers try first (OWASP ASVS 2.1.7, NIST SP 800-63B §5.1.1.2: refuse passwords
/// from lists of common and breached ones). A password is common when, ignoring case, it is on the list itself, or
/// when it is a listed word or a keyboard run with only digits and symbols around it (<c>password12</c>,
/// <c>qwertyuio1</c>, <c>woaini1314</c>), or a listed number with at most three other characters around it
/// (<c>a123456789</c>). The list is data (see <c>common-passwords.txt</c> in Gongkai.App), given to this rule.
/// </summary>
public static class CommonPasswords
{
    /// <summary>The shortest word or number looked up once the decoration is taken off.</summary>
    public const int ShortestCore = 4;

    /// <summary>Keyboard rows and columns people type in order (US layout, as on Chinese keyboards), and the alphabet.</summary>
    private static readonly string[] Runs =
    [
        "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz",
        "qazwsxedcrfvtgbyhnujmikolp", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    ];

    public static bool IsCommon(string password, IReadOnlySet<string> list)
    {
        var p = password.ToLowerInvariant();
        if (list.Contains(p))
            return true;
        var word = p.Trim(NotLetters(p));
        if (word.Length >= ShortestCore && (list.Contains(word) || IsKeyboardRun(word)))
            return true;
        var number = p.Trim(NotDigits(p));
        return p.Length - number.Length <= 3 && number.Length >= ShortestCore && list.Contains(number);
    }

    /// <summary>Letters typed along a keyboard row or column, or the alphabet, forwards or backwards (<c>qwertyuio</c>, <c>lkjhgfdsa</c>).</summary>
    public static bool IsKeyboardRun(string text) =>
        text.Length >= ShortestCore && Runs.Any(run => run.Contains(text, StringComparison.Ordinal) || Reverse(run).Contains(text, StringComparison.Ordinal));

    private static string Reverse(string text) => new([.. text.Reverse()]);

    private static char[] NotLetters(string text) => [.. text.Where(c => c is < 'a' or > 'z').Distinct()];

    private static char[] NotDigits(string text) => [.. text.Where(c => c is < '0' or > '9').Distinct()];
}
