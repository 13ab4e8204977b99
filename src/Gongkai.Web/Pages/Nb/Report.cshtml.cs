using Gongkai.App.PageCache;
using Gongkai.App.Reports;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Web.Pages.Nb;

/// <summary>/nb/{unit}/{year}: a published report as it was published — the text and the tables of its snapshot.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Reports])]
public class ReportModel(ReportDocuments documents) : PageModel
{
    public ReportDocument Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unit, int year)
    {
        var found = await documents.PublishedAsync(unit, year, HttpContext.RequestAborted);
        if (found is null)
            return NotFound();
        Document = found;
        return Page();
    }
}
