using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Core.Catalog;

namespace Gongkai.App.Catalog;

public static partial class CatalogBodyHtml
{
    /// <summary>The class a closing line (issuing organ, date) gets for reading; site.css sets it right, without indent.</summary>
    public const string ClosingClass = "closing";

    /// <summary>The class the 主送机关 line gets: set flush left (顶格).</summary>
    public const string AddresseeClass = "addressee";

    private static readonly HtmlParser ReadingParser = new();

    /// <summary>
    /// A stored (sanitized) body as the portal shows it to be read (<see cref="OfficialTextLayout"/>): line breaks inside
    /// Chinese text removed from its text (not in &lt;pre&gt;), its 主送机关 line marked <see cref="AddresseeClass"/>, and its top-level closing paragraphs — issuing organ(s) and
    /// date — marked <see cref="ClosingClass"/>. Applied when shown, so bodies stored before keep their text as saved.
    /// </summary>
    public static string ForReading(string html)
    {
        if (string.IsNullOrWhiteSpace(html))
            return html ?? "";
        var document = ReadingParser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var text in body.Descendants<IText>().ToList())
        {
            if (text.ParentElement?.Closest("pre") is null)
                text.Data = OfficialTextLayout.JoinLineBreaks(text.Data);
        }
        var paragraphs = body.Children.Where(e => e.LocalName is "p" or "div").ToList();
        List<string> texts = [.. paragraphs.Select(p => p.TextContent.Trim())];
        if (OfficialTextLayout.Addressee(texts) is >= 0 and var addressee)
            paragraphs[addressee].ClassList.Add(AddresseeClass);
        foreach (var index in OfficialTextLayout.ClosingLines(texts))
            paragraphs[index].ClassList.Add(ClosingClass);
        return body.InnerHtml;
    }
}
