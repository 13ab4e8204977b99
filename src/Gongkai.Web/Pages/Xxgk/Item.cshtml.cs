using Gongkai.App.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Xxgk;

/// <summary>
/// An item page: its title, the standard metadata table, the text (sanitized when saved, laid out for reading when shown),
/// its attachments, links between a policy and its 解读, and reading aids: 打印, 字号 and a QR code of its address.
/// </summary>
public class ItemModel(PublicCatalog catalog, SiteAddress site) : PageModel
{
    public PublicCatalog.Item? Item { get; private set; }

    /// <summary>The page's public absolute address (Site:PublicUrl, never the request's Host): printed and in the QR code.</summary>
    public string PublicAddress => site.PublicUrl + "/xxgk/item/" + string.Join('/', Item!.Row.IndexNumber.Split('/').Select(Uri.EscapeDataString));

    public async Task<IActionResult> OnGetAsync(string indexNumber)
    {
        Item = await catalog.FindAsync(Uri.UnescapeDataString(indexNumber));
        return Item is null ? NotFound() : Page();
    }
}
