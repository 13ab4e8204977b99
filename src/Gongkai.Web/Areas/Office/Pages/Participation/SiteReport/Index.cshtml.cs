using Gongkai.App.Units;
using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Participation.SiteReport;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Participation.SiteReport;

/// <summary>
/// /office/participation/site-report: the 解读回应 and 互动交流 sections of the 《政府网站工作年度报表》 of a unit of the scope
/// (with the units below it) for a year, as `gongkai site report` compiles them, each figure leading to the records it
/// counts; the Word document to download.
/// </summary>
public class IndexModel(GongkaiDb db, CompileSiteReport compile, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public SiteReportFigures Figures { get; private set; } = null!;
    public List<(string Code, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await CompileAsync() is { } problem ? problem : Page();

    public async Task<IActionResult> OnGetDocxAsync()
    {
        if (await CompileAsync() is { } problem)
            return problem;
        using var buffer = new MemoryStream();
        SiteReportDocx.Write(buffer, Figures);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"政府网站工作年度报表（解读回应、互动交流）-{Figures.UnitCode}-{Figures.Year}.docx");
    }

    private async Task<IActionResult?> CompileAsync()
    {
        var scope = HttpContext.StaffScope();
        Units = [.. (await scope.UnitsIn(db).InTreeOrderAsync())
            .Select(u => (u.Code, u.FullName))];
        Unit = string.IsNullOrWhiteSpace(Unit) ? Units.FirstOrDefault().Code : Unit.Trim();
        if (Unit is null || !Units.Any(u => u.Code == Unit))
            return NotFound();
        // The report is made in January for the year before.
        Year = Year is >= 2000 and <= 9999 ? Year : clock.Today().Year - 1;
        var outcome = await compile.HandleAsync(Unit, Year.Value);
        if (!outcome.Succeeded)
            return NotFound();
        Figures = outcome.Value!;
        return null;
    }
}
