using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Core.Reports;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Gongkai.Web.Areas.Office.Pages.Reports;

/// <summary>
/// 年度报告公开情况 (督查): for the units of the account's subtree, whether each one's report for a year was published by
/// the deadline of 第四十九条 — departments by 31 January, governments by 31 March — and a link to each.
/// </summary>
public class StatusModel(GongkaiDb db, ReportPublicationStatus status, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }

    /// <summary>"unpublished": the table lists only the units whose report is not yet public (the 工作台 links here).</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    public bool OnlyUnpublished => Show == "unpublished";

    /// <summary>The table's lines: all, or the unpublished ones; the counts above it are always of all.</summary>
    public IEnumerable<PublicationLine> Shown => OnlyUnpublished ? Lines.Where(l => l.FirstPublishedOn is null) : Lines;

    public IReadOnlyList<int> Years { get; private set; } = [];
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<PublicationLine> Lines { get; private set; } = [];

    public int Count(PublicationTimeliness t) => Lines.Count(l => l.Timeliness == t);

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        var thisYear = clock.Today().Year;
        Years = [.. Enumerable.Range(ReportForms.FirstNational, thisYear - ReportForms.FirstNational + 1).Reverse()];
        if (Year is not (>= ReportForms.FirstYear and < 9999))   // none asked, or a year no report has (0, 10000 …): last year's
            Year = thisYear - 1;
        Units = await UnitChoices.InScopeAsync(db, scope, r => r.Code);
        Units.ForEach(u => u.Selected = u.Value == Unit);
        Lines = await status.HandleAsync(scope, Unit, Year.Value, HttpContext.RequestAborted);
    }
}
