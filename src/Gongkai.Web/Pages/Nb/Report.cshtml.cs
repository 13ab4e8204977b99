using Gongkai.App.Data;
using Gongkai.App.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Nb;

/// <summary>/nb/{unit}/{year}: a published report as it was published — the text and the tables of its snapshot.</summary>
public class ReportModel(GongkaiDb db) : PageModel
{
    public AnnualReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string unit, int year)
    {
        var found = await db.AnnualReports.AsNoTracking().Include(r => r.Unit)
            .SingleOrDefaultAsync(r => r.Unit.Code == unit && r.Year == year && r.State == AnnualReportState.Published);
        if (found is null)
            return NotFound();
        Report = found;
        return Page();
    }

    /// <summary>The paragraphs of a section: one a line, blank lines dropped.</summary>
    public static IEnumerable<string> Paragraphs(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
