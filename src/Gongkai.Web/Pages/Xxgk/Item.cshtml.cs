using Gongkai.App.Catalog;
using Gongkai.App.PageCache;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Xxgk;

/// <summary>
/// An item page: its title, the standard metadata table, the text (sanitized when saved, laid out for reading when shown),
/// its attachments, links between a policy and its 解读, and reading aids: 打印, 字号 and a QR code of its address.
/// A revised item says when it was revised and lists its earlier texts (_Revisions.cshtml); <c>?version=N</c> shows the
/// N-th earlier text in the page, labelled as superseded and kept out of search engines (X-Robots-Tag: noindex).
/// </summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Catalog, PortalAreas.Participation])]
public class ItemModel(PublicCatalog catalog, CatalogRevisions revisions, SiteAddress site) : PageModel
{
    public PublicCatalog.Item? Item { get; private set; }

    /// <summary>The page's public absolute address (Site:PublicUrl, never the request's Host): printed and in the QR code.</summary>
    public string PublicAddress => site.PublicUrl + "/xxgk/item/" + string.Join('/', Item!.Row.IndexNumber.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The item's 修订 (empty for one never revised).</summary>
    public CatalogRevisions.History? Revisions { get; private set; }

    /// <summary>The earlier text shown instead of the current one (<c>?version=N</c>), or null.</summary>
    public CatalogRevisions.EarlierText? Superseded { get; private set; }

    public async Task<IActionResult> OnGetAsync(string indexNumber, int? version)
    {
        var number = Uri.UnescapeDataString(indexNumber);
        Item = await catalog.FindAsync(number);
        if (Item is null)
            return NotFound();
        if (Item.Withdrawn)
            return version is null ? Page() : NotFound();
        Revisions = await revisions.OfAsync(number);
        if (version is { } n)
        {
            Superseded = await revisions.VersionAsync(number, n);
            if (Superseded is not { } v)
                return NotFound();
            Response.Headers["X-Robots-Tag"] = "noindex";
            Item = Item with
            {
                Row = Item.Row with { Title = v.Title, DocumentNumber = v.DocumentNumber },
                Summary = v.Summary,
                Body = v.Body,
            };
        }
        return Page();
    }
}
