using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Core.Privacy;

namespace Gongkai.App.Privacy;

/// <summary>
/// A web page or a catalog body as its reader sees it, for the personal-data screen (issue 13 §3): the text with the tags
/// removed and inline elements joined (「&lt;b&gt;110105&lt;/b&gt;19491231002X」 is one number), whitespace collapsed as a
/// browser does, an image read as a space, a line break between blocks and a tab between table cells (so that neither is
/// ever joined); then, each on a line of its own, every attribute value (title, alt, href — and the href or src
/// URL-decoded), the text of scripts, styles and comments. <see cref="Mask"/> hides every hit where it stands.
/// </summary>
public sealed class HtmlReaderText
{
    /// <summary>Elements a reader reads through: their text joins the text around them.</summary>
    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
        "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
        "u", "var", "wbr",
    };

    /// <summary>Elements whose text no reader sees on the page: screened apart, each on a line of its own.</summary>
    private static readonly HashSet<string> Unrendered = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "title", "textarea", "noscript" };

    private readonly IHtmlDocument document;
    private readonly StringBuilder text = new();

    /// <summary>The nodes and attributes the text was read from.</summary>
    private readonly List<Origin> origins = [];

    /// <summary>Where each character of <see cref="Text"/> came from: an index into <see cref="origins"/> and an offset; -1 for separators the reading added.</summary>
    private readonly List<(int Origin, int Offset)> sources = [];

    private HtmlReaderText(IHtmlDocument document)
    {
        this.document = document;
        var apart = new List<(string Value, Origin Origin)>();
        Walk(document.DocumentElement, apart);
        foreach (var (value, origin) in apart)
        {
            Separate('\n');
            origins.Add(origin);
            for (var i = 0; i < value.Length; i++)
                Emit(value[i], origins.Count - 1, i);
        }
    }

    /// <summary>What the screen reads.</summary>
    public string Text => text.ToString();

    public static HtmlReaderText Read(string html) => new(new HtmlParser().ParseDocument(html ?? ""));

    /// <summary>The reader's text of <paramref name="html"/>.</summary>
    public static string TextOf(string html) => Read(html).Text;

    /// <summary>
    /// <paramref name="html"/> (a body: its content is returned, not a whole document) with every personal-data hit masked
    /// in place — in text, attributes and comments alike — for a preview that shows the rest as it is.
    /// </summary>
    public static string Mask(string html)
    {
        var reader = Read(html);
        var plain = reader.Text;
        var masked = PersonalDataScreen.Mask(plain);
        if (masked == plain)
            return html;
        var changed = new Dictionary<int, char[]>();
        for (var i = 0; i < masked.Length; i++)
        {
            var (origin, offset) = reader.sources[i];
            if (masked[i] == plain[i] || origin < 0)
                continue;
            if (!changed.TryGetValue(origin, out var chars))
                changed[origin] = chars = reader.origins[origin].Value.ToCharArray();
            chars[offset] = masked[i];
        }
        foreach (var (origin, chars) in changed.OrderBy(c => reader.origins[c.Key].Decoded))   // a masked decoded address wins
            reader.origins[origin].Set(new string(chars));
        return reader.document.Body?.InnerHtml ?? "";
    }

    private void Walk(INode? root, List<(string, Origin)> apart)
    {
        if (root is null)
            return;
        var stack = new Stack<(INode Node, bool Leaving)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IElement element)
            {
                var kind = KindOf(element);
                if (leaving)
                {
                    Separate(kind);
                    continue;
                }
                foreach (var attribute in element.Attributes)
                {
                    apart.Add((attribute.Value, new Origin(element, attribute.Name, false)));
                    if (attribute.Name is "href" or "src" && Decode(attribute.Value) is var decoded && decoded != attribute.Value)
                        apart.Add((decoded, new Origin(element, attribute.Name, true)));
                }
                if (Unrendered.Contains(element.LocalName))
                {
                    foreach (var child in element.ChildNodes.OfType<ICharacterData>())
                        apart.Add((child.Data, new Origin(child, null, false)));
                    continue;
                }
                Separate(kind);
                stack.Push((node, true));
                for (var i = node.ChildNodes.Length - 1; i >= 0; i--)
                    stack.Push((node.ChildNodes[i], false));
            }
            else if (node is IComment comment)
                apart.Add((comment.Data, new Origin(comment, null, false)));
            else if (node is IText visible)
                Read(visible);
        }
    }

    /// <summary>A text node's characters, whitespace collapsed to one space as a browser shows it.</summary>
    private void Read(IText node)
    {
        var data = node.Data;
        origins.Add(new Origin(node, null, false));
        for (var i = 0; i < data.Length; i++)
        {
            var c = data[i];
            if (c is ' ' or '\n' or '\r' or '\t' or '\f')
            {
                if (text.Length == 0 || text[^1] is ' ' or '\n' or '\t')
                    continue;
                c = ' ';
            }
            Emit(c, origins.Count - 1, i);
        }
    }

    private static char KindOf(IElement element) => element.LocalName switch
    {
        "td" or "th" => '\t',
        "img" => ' ',
        var name when Inline.Contains(name) => '\0',
        _ => '\n',
    };

    /// <summary>Ends what came before with a separator, the strongest winning (line break over tab over space); none at the start.</summary>
    private void Separate(char separator)
    {
        if (separator == '\0' || text.Length == 0)
            return;
        var last = text[^1];
        if (last == separator || last == '\n' || (last == '\t' && separator == ' '))
            return;
        if (last is ' ' or '\t' && sources[^1].Origin < 0)
        {
            text[^1] = separator;
            return;
        }
        Emit(separator, -1, 0);
    }

    private void Emit(char c, int origin, int offset)
    {
        text.Append(c);
        sources.Add((origin, offset));
    }

    private static string Decode(string url)
    {
        try
        {
            return Uri.UnescapeDataString(url);
        }
        catch (UriFormatException)
        {
            return url;
        }
    }

    /// <summary>Text read from a text node or comment, or from an attribute of an element (as written, or URL-decoded).</summary>
    private sealed record Origin(INode Node, string? Attribute, bool Decoded)
    {
        public string Value => Attribute is { } name
            ? (Decoded ? Decode(((IElement)Node).GetAttribute(name) ?? "") : ((IElement)Node).GetAttribute(name) ?? "")
            : ((ICharacterData)Node).Data;

        public void Set(string value)
        {
            if (Attribute is { } name)
                ((IElement)Node).SetAttribute(name, value);
            else
                ((ICharacterData)Node).Data = value;
        }
    }
}
