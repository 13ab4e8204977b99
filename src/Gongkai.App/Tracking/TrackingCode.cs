using System.Security.Cryptography;

namespace Gongkai.App.Tracking;

/// <summary>
/// The applicant's tracking code: 12 characters from 31 unambiguous ones (about 59 random bits), printed in groups of
/// four (<c>K7QM-2HXD-9RTA</c>). It is the only key to an application or a letter on the public side, so it is never derived
/// from anything guessable; the track page is rate-limited as well.
/// </summary>
public static class TrackingCode
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New()
    {
        Span<char> code = stackalloc char[14];
        for (var i = 0; i < code.Length; i++)
            code[i] = i is 4 or 9 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(code);
    }

    /// <summary>The stored form of a code as typed: upper case, with or without dashes and spaces.</summary>
    public static string Normalize(string? typed)
    {
        var letters = new string([.. (typed ?? "").ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);
        return letters.Length == 12 ? $"{letters[..4]}-{letters[4..8]}-{letters[8..]}" : letters;
    }
}
