using System.Text;
using Gongkai.Core.Catalog;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;

namespace Gongkai.App.Catalog;

/// <summary>
/// Finds what would run by itself in a PDF (<see cref="ActiveContent"/>), two ways: every object reachable from the
/// document catalog as PdfPig reads it (names decoded, compressed object streams opened), and the names written in the
/// file outside its streams (for a file PdfPig cannot read whole). Keys /JS, /JavaScript, /Launch and /AA, and actions of
/// type /JavaScript or /Launch (so an /OpenAction that runs a script) are flagged; a plain /OpenAction that only opens a
/// page is not.
/// </summary>
public static class PdfActiveContent
{
    /// <summary>More objects than any real document holds: beyond it the file is flagged as not checked whole.</summary>
    private const int MaxObjects = 500_000;

    public static ActiveContent Find(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var found = NamesOutsideStreams(pdf);
        try
        {
            using var document = PdfDocument.Open(pdf, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
            found |= Walk(document.Structure);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Unreadable as a whole: the names outside streams stand; objects packed into streams could not be seen.
            if (Encoding.Latin1.GetString(pdf).Contains("/ObjStm", StringComparison.Ordinal))
                found |= ActiveContent.Unchecked;
        }
        return found;
    }

    private static ActiveContent Walk(Structure structure)
    {
        var found = ActiveContent.None;
        var seen = new HashSet<IndirectReference>();
        var pending = new Stack<IToken>();
        pending.Push(structure.Catalog.CatalogDictionary);
        var visited = 0;
        while (pending.TryPop(out var token))
        {
            if (++visited > MaxObjects)
                return found | ActiveContent.Unchecked;
            switch (token)
            {
                case DictionaryToken dictionary:
                    foreach (var (key, value) in dictionary.Data)
                    {
                        found |= Named(key);
                        if (key == "S" && value is NameToken type)
                            found |= Named(type.Data);
                        pending.Push(value);
                    }
                    break;
                case ArrayToken array:
                    foreach (var item in array.Data)
                        pending.Push(item);
                    break;
                case StreamToken stream:
                    pending.Push(stream.StreamDictionary);
                    break;
                case ObjectToken obj:
                    pending.Push(obj.Data);
                    break;
                case IndirectReferenceToken reference when seen.Add(reference.Data):
                    try
                    {
                        pending.Push(structure.GetObject(reference.Data));
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        // A reference to an object the file lacks (common in sloppy files): no viewer finds anything there either.
                    }
                    break;
            }
        }
        return found;
    }

    private static ActiveContent Named(string name) => name switch
    {
        "JS" or "JavaScript" => ActiveContent.JavaScript,
        "Launch" => ActiveContent.Launch,
        "AA" => ActiveContent.AdditionalActions,
        _ => ActiveContent.None,
    };

    /// <summary>Every name token written in the file (#xx escapes decoded), skipping the bytes of streams.</summary>
    private static ActiveContent NamesOutsideStreams(byte[] pdf)
    {
        var found = ActiveContent.None;
        var name = new StringBuilder();
        for (var i = 0; i < pdf.Length; i++)
        {
            if (pdf[i] == (byte)'s' && IsKeyword(pdf, i, "stream"u8))
            {
                var end = pdf.AsSpan(i).IndexOf("endstream"u8);
                if (end < 0)
                    break;
                i += end + "endstream".Length - 1;
                continue;
            }
            if (pdf[i] != (byte)'/')
                continue;
            name.Clear();
            var j = i + 1;
            for (; j < pdf.Length && !IsDelimiter(pdf[j]) && name.Length < 64; j++)
            {
                if (pdf[j] == (byte)'#' && j + 2 < pdf.Length && IsHex(pdf[j + 1]) && IsHex(pdf[j + 2]))
                {
                    name.Append((char)Convert.ToByte(Encoding.ASCII.GetString(pdf, j + 1, 2), 16));
                    j += 2;
                }
                else
                    name.Append((char)pdf[j]);
            }
            found |= Named(name.ToString());
            i = j - 1;
        }
        return found;
    }

    /// <summary>The keyword stream, followed by an end of line, and not the end of endstream.</summary>
    private static bool IsKeyword(byte[] pdf, int at, ReadOnlySpan<byte> keyword) =>
        pdf.AsSpan(at).StartsWith(keyword) && at + keyword.Length < pdf.Length && pdf[at + keyword.Length] is (byte)'\r' or (byte)'\n'
        && (at == 0 || IsDelimiter(pdf[at - 1]));

    private static bool IsDelimiter(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)'\f' or 0
        or (byte)'(' or (byte)')' or (byte)'<' or (byte)'>' or (byte)'[' or (byte)']' or (byte)'{' or (byte)'}' or (byte)'/' or (byte)'%';

    private static bool IsHex(byte b) => char.IsAsciiHexDigit((char)b);
}
