using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Reports;

/// <summary>
/// 年度报告: a unit of the account's subtree, a year and a scope; the national tables compiled from the records, the
/// 勾稽关系 findings, and for a jurisdiction each unit's main figures. Nothing is saved.
/// </summary>
public class IndexModel(GongkaiDb db, CompileReport compile, TimeProvider clock) : PageModel
{
    /// <summary>One line of a jurisdiction's breakdown: the figures of <see cref="CompiledReport.BreakdownColumns"/>.</summary>
    public sealed record UnitLine(string Name, IReadOnlyList<decimal?> Figures);

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }

    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public CompiledReport? Report { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>A year of the 2008–2018 统计表 with no figures entered: the page leads to the form to enter them.</summary>
    public bool NothingEntered { get; private set; }

    public ReportScope ChosenScope => ReportScopes.Parse(Scope) ?? ReportScope.Unit;
    public string ScopeCode => ChosenScope.Code();

    /// <summary>This report's unit, year and scope as a query string, for the pages that act on it.</summary>
    public string Query => $"unit={Unit}&year={Year}&scope={ScopeCode}";

    /// <summary>Where a cell's figure links to: the records and entries behind it.</summary>
    public string CellHref(string key) => $"/office/reports/cell?{Query}&key={key}";

    public static UnitLine LineOf(string name, Core.Reports.ReportFigures f) =>
        new(name, [.. CompiledReport.BreakdownColumns.Select(c => f[c.Key]?.Value)]);

    public async Task<IActionResult> OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        var thisYear = clock.Today().Year;
        Years = [.. Enumerable.Range(Core.Reports.ReportForms.FirstYear, thisYear - Core.Reports.ReportForms.FirstYear + 1).Reverse()];
        Year ??= thisYear - 1;
        Units = await UnitChoices.InScopeAsync(db, scope, r => r.Code);
        if (string.IsNullOrWhiteSpace(Unit))
        {
            Unit = Units.FirstOrDefault()?.Value;
            return Page();
        }
        Units.ForEach(u => u.Selected = u.Value == Unit);
        if (!await scope.UnitsIn(db).AnyAsync(u => u.Code == Unit))
            return Refuse(await db.Units.AnyAsync(u => u.Code == Unit)
                ? (StatusCodes.Status403Forbidden, "您只能查看本单位及下级单位的年度报告。")
                : (StatusCodes.Status404NotFound, $"没有代码为 {Unit} 的单位。"));
        var outcome = await compile.HandleAsync(Unit, Year.Value, ChosenScope, HttpContext.RequestAborted);
        if (outcome.Kind != OutcomeKind.Done)
        {
            NothingEntered = Year < Core.Reports.ReportForms.FirstNational;
            return Refuse((StatusCodes.Status400BadRequest, outcome.Problems[0].Message));
        }
        Report = outcome.Value;
        return Page();
    }

    private PageResult Refuse((int Status, string Message) problem)
    {
        Response.StatusCode = problem.Status;
        Problem = problem.Message;
        return Page();
    }
}
