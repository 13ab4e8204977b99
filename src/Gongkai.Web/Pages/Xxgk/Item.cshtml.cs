using Gongkai.App.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Pages.Xxgk;

/// <summary>An item page: the standard metadata table, the text (sanitized when saved), its attachments, and links between a policy and its 解读.</summary>
public class ItemModel(PublicCatalog catalog) : PageModel
{
    public PublicCatalog.Item? Item { get; private set; }

    public async Task<IActionResult> OnGetAsync(string indexNumber)
    {
        Item = await catalog.FindAsync(Uri.UnescapeDataString(indexNumber));
        return Item is null ? NotFound() : Page();
    }
}
