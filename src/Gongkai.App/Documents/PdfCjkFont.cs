using PdfSharp.Fonts;

namespace Gongkai.App.Documents;

/// <summary>
/// The fonts of the PDFs Gongkai writes (PDFsharp), read from the machine: a TrueType font with the Chinese characters
/// (<see cref="Family"/>) and one for Latin letters, digits and symbols such as “”√□ (<see cref="LatinFamily"/>), which the
/// Chinese one lacks. PDFsharp embeds TrueType outlines only, so the Noto CJK fonts (.ttc with CFF outlines) will not do;
/// Debian's fonts-droid-fallback (DroidSansFallbackFull.ttf) and fonts-dejavu-core (DejaVuSans.ttf) do. Without them
/// <see cref="Available"/> is false and no PDF is offered (the Word document is).
/// </summary>
public static class PdfCjkFont
{
    public const string Family = "GongkaiCJK";
    public const string LatinFamily = "GongkaiLatin";

    public static IReadOnlyList<string> LatinCandidates { get; } =
    [
        Environment.GetEnvironmentVariable("GONGKAI_PDF_LATIN_FONT") ?? "",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];

    private static readonly Lazy<byte[]?> LatinBytes = new(() =>
        LatinCandidates.FirstOrDefault(f => f.Length > 0 && File.Exists(f)) is { } file ? File.ReadAllBytes(file) : null);

    /// <summary>Whether a character is drawn with the Chinese font: CJK ideographs, their punctuation and full-width forms.</summary>
    public static bool IsCjk(char c) => c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFF00' and <= '\uFFEF');

    /// <summary>Where the font is looked for, first found wins; <c>GONGKAI_PDF_FONT</c> names another TrueType file.</summary>
    public static IReadOnlyList<string> Candidates { get; } =
    [
        Environment.GetEnvironmentVariable("GONGKAI_PDF_FONT") ?? "",
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts/truetype/droid/DroidSansFallback.ttf",
    ];

    private static readonly Lazy<byte[]?> Bytes = new(() =>
        Candidates.FirstOrDefault(f => f.Length > 0 && File.Exists(f)) is { } file ? File.ReadAllBytes(file) : null);

    private static readonly Lock Gate = new();

    public static bool Available => Bytes.Value is not null && LatinBytes.Value is not null;

    /// <summary>Makes <see cref="Family"/> resolvable by PDFsharp (once per process); false when no font is there.</summary>
    public static bool Install()
    {
        if (!Available)
            return false;
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not Resolver)
                GlobalFontSettings.FontResolver = new Resolver();
        }
        return true;
    }

    private sealed class Resolver : IFontResolver
    {
        // Each family has one face; bold is drawn by PDFsharp's simulation.
        public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(familyName == LatinFamily ? LatinFamily : Family, bold, italic);

        public byte[] GetFont(string faceName) => faceName == LatinFamily ? LatinBytes.Value! : Bytes.Value!;
    }
}
