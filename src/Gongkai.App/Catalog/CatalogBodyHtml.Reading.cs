using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Gongkai.Core.Catalog;

namespace Gongkai.App.Catalog;

public static partial class CatalogBodyHtml
{
    /// <summary>The class a closing line (issuing organ, date) gets for reading; site.css sets it right, without indent.</summary>
    public const string ClosingClass = "closing";

    private static readonly HtmlParser ReadingParser = new();

    /// <summary>
    /// A stored (sanitized) body as the portal shows it to be read (<see cref="OfficialTextLayout"/>): line breaks inside
    /// Chinese text removed from its text (not in &lt;pre&gt;), and its top-level closing paragraphs — issuing organ(s) and
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
        foreach (var index in OfficialTextLayout.ClosingLines([.. paragraphs.Select(p => p.TextContent.Trim())]))
            paragraphs[index].ClassList.Add(ClosingClass);
        return body.InnerHtml;
    }
}
