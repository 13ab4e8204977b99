using System.Text.RegularExpressions;
using AngleSharp.Css.Dom;
using AngleSharp.Dom;
using Ganss.Xss;

namespace Gongkai.App.Catalog;

/// <summary>
/// The HTML a catalog item's body (正文) may hold: what a government document needs — paragraphs, headings, lists,
/// tables, emphasis, links and images from the portal's own attachments — and nothing that could pass for one of the
/// portal's own screens: no forms or inputs, no inline style (so no positioning; alignment survives as one of three
/// classes styled by site.css), nothing loaded from another site (an image from elsewhere becomes a link to it), links
/// to http, https and mailto only (those leaving the site with rel="noopener noreferrer"). Drafts, imports and the
/// reviewer's preview all go through <see cref="Sanitize"/>; what it returns it returns unchanged when given again.
/// </summary>
public static partial class CatalogBodyHtml
{
    /// <summary>Where the portal serves an attachment; the only images a body shows.</summary>
    public const string AttachmentPath = "/xxgk/attachments/";

    /// <summary>The classes a body's elements may carry: alignment, from a style or align attribute.</summary>
    public static readonly IReadOnlyList<string> Classes = ["align-center", "align-right", "align-justify"];

    private static readonly string[] Tags =
    [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "span", "blockquote", "pre", "code",
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
        "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "small",
        "a", "img",
    ];

    // style and align only long enough to become a class (PostProcess); class only with the classes above.
    private static readonly string[] Attributes =
        ["href", "src", "alt", "title", "colspan", "rowspan", "scope", "span", "start", "width", "height", "class", "style", "align"];

    /// <summary>Removed with everything inside them; other unknown elements give way to their content (Word's font, o:p…).</summary>
    private static readonly HashSet<string> DroppedWhole = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "param",
        "svg", "math", "form", "input", "button", "select", "option", "optgroup", "textarea", "datalist", "output",
        "label", "fieldset", "legend", "link", "meta", "base", "head", "title", "audio", "video", "source", "track",
        "picture", "canvas", "map", "area", "dialog", "portal", "slot", "xml",
    };

    private static readonly HtmlSanitizer Sanitizer = Create();

    /// <summary>The body as it may be stored and shown.</summary>
    public static string Sanitize(string html) => Sanitizer.Sanitize(html ?? "");

    /// <summary>An address that leaves the portal: absolute http(s) or protocol-relative (browsers read a backslash as a slash).</summary>
    public static bool IsExternal(string url)
    {
        var start = url.TrimStart().Replace('\\', '/');
        return start.StartsWith("//", StringComparison.Ordinal) || start.StartsWith("http:", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("https:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>/xxgk/attachments/{id}: an attachment the portal itself serves.</summary>
    public static bool IsAttachment(string url) => OwnAttachment().IsMatch(url);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(Attributes, StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(["text-align"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(Classes, StringComparer.Ordinal),
            AllowedAtRules = new HashSet<CssRuleType>(),
            UriAttributes = new HashSet<string>(["href", "src"], StringComparer.OrdinalIgnoreCase),
        })
        { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (!DroppedWhole.Contains(e.Tag.LocalName))
                return;
            e.Cancel = true;
            e.Tag.Remove();
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is IElement element)
                PostProcess(e, element);
        };
        return sanitizer;
    }

    private static void PostProcess(PostProcessNodeEventArgs e, IElement element)
    {
        var align = AlignOf(element.GetAttribute("style")) ?? AlignOf("text-align:" + element.GetAttribute("align"));
        element.RemoveAttribute("style");
        element.RemoveAttribute("align");
        if (align is not null)
            element.ClassList.Add("align-" + align);

        if (element.LocalName == "a" && element.GetAttribute("href") is { } href && IsExternal(href))
            element.SetAttribute("rel", "noopener noreferrer");

        if (element.LocalName == "img" && !IsAttachment(element.GetAttribute("src") ?? ""))
            e.ReplacementNodes.Add(LinkInsteadOf(e.Document, element));
    }

    /// <summary>An image from anywhere but the portal's attachments: a link to it (named by its alt text), or nothing when it has no usable address.</summary>
    private static INode LinkInsteadOf(IDocument document, IElement image)
    {
        var src = image.GetAttribute("src") ?? "";
        var name = (image.GetAttribute("alt") ?? image.GetAttribute("title") ?? "").Trim();
        if (src.Length == 0)
            return document.CreateTextNode(name);
        var link = document.CreateElement("a");
        link.SetAttribute("href", src);
        if (IsExternal(src))
            link.SetAttribute("rel", "noopener noreferrer");
        link.TextContent = name.Length > 0 ? $"图片：{name}" : "图片";
        return link;
    }

    private static string? AlignOf(string? style) =>
        style is not null && Alignment().Match(style) is { Success: true } m ? m.Groups[1].Value.ToLowerInvariant() : null;

    [GeneratedRegex(@"(?:^|;)\s*text-align\s*:\s*(center|right|justify)\s*(?:;|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Alignment();

    [GeneratedRegex(@"^/xxgk/attachments/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex OwnAttachment();
}
