using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Core.Reports;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Reports;

/// <summary>
/// 编写和公开年度报告: the sections 一、五、六 beside last year's published text, the findings of a compile now, and the
/// publish form (errors need a reason; a published report needs a note to publish again; a report for a year that has not
/// ended cannot be published, and the form says so before anyone tries).
/// </summary>
public class EditModel(GongkaiDb db, CompileReport compile, SaveReportNarrative save, PublishAnnualReport publish, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Unit { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Scope { get; set; }
    [BindProperty] public string Overview { get; set; } = "";
    [BindProperty] public string Problems { get; set; } = "";
    [BindProperty] public string OtherMatters { get; set; } = "";
    [BindProperty] public string Assessment { get; set; } = "";

    /// <summary>The sections this unit's report has: a government's adds 工作考核、社会评议和责任追究结果情况.</summary>
    public IReadOnlyList<NarrativeSection> Sections { get; private set; } = [];
    [BindProperty] public string? OverrideReason { get; set; }
    [BindProperty] public string? Note { get; set; }

    public string UnitName { get; private set; } = "";
    public AnnualReport? Report { get; private set; }
    public AnnualReport? LastYear { get; private set; }
    public CompiledReport? Compiled { get; private set; }
    public IReadOnlyList<NarrativeSection> Repeated { get; private set; } = [];
    public bool CanWrite { get; private set; }

    /// <summary>Why the report cannot be published yet (its year has not ended); null when it can.</summary>
    public string? TooEarly { get; private set; }

    public ReportScope ChosenScope => ReportScopes.Parse(Scope) ?? ReportScope.Unit;
    public string ScopeCode => ChosenScope.Code();
    public string PageUrl => $"/office/reports/edit?unit={Unit}&year={Year}&scope={ScopeCode}";

    public string Text(NarrativeSection section) => section switch
    {
        NarrativeSection.Overview => Overview,
        NarrativeSection.Problems => Problems,
        NarrativeSection.OtherMatters => OtherMatters,
        _ => Assessment,
    };

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } refused)
            return refused;
        if (Report is not null)
            (Overview, Problems, OtherMatters, Assessment) = (Report.Overview, Report.Problems, Report.OtherMatters, Report.Assessment);
        Repeated = Report?.RepeatedSections(LastYear) ?? [];
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var outcome = await save.HandleAsync(new(Unit, Year, ChosenScope, Overview, Problems, OtherMatters, Assessment), HttpContext.StaffScope(), HttpContext.RequestAborted);
        return await After(outcome, "已保存报告正文。");
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        var outcome = await publish.HandleAsync(new(Unit, Year, ChosenScope, OverrideReason, Note), HttpContext.StaffScope(), HttpContext.RequestAborted);
        return await After(outcome, "年度报告已公开。");
    }

    /// <summary>Done: back to the page with the message and any repeat warning; refused: 403/404; invalid: the page with the problems.</summary>
    private async Task<IActionResult> After(Outcome<ReportWritten> outcome, string message)
    {
        if (this.Finish(outcome, field => field, written => written.Repeated.Count == 0 ? message
                : $"{message}注意：{string.Join("、", written.Repeated.Select(s => $"「{s.Heading()}」"))}与上一年度已公开的报告内容基本相同，请根据本年度情况修改。",
                _ => PageUrl) is { } finished)
            return finished;
        if (await LoadAsync() is { } refused)
            return refused;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync()
    {
        var scope = HttpContext.StaffScope();
        var unit = await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == Unit);
        if (unit is null)
            return NotFound();
        if (!scope.Covers(unit.Path))
            return Forbid();
        UnitName = unit.FullName;
        Sections = NarrativeSections.For(unit.Kind);
        CanWrite = scope.CanWriteReports;
        TooEarly = ReportDeadline.TooEarly(Year, clock.Today());
        Report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.UnitId == unit.Id && r.Year == Year);
        LastYear = await db.AnnualReports.PublishedAsync(unit.Id, Year - 1);
        var compiled = await compile.HandleAsync(Unit, Year, ChosenScope, HttpContext.RequestAborted);
        if (!compiled.Succeeded)
            return BadRequest();
        Compiled = Report is null ? compiled.Value : Report.Checked(compiled.Value!);
        return null;
    }
}
