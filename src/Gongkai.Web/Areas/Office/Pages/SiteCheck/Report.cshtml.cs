using System.Globalization;
using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.SiteCheck.Scorecards;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Areas.Office.Pages.SiteCheck;

/// <summary>
/// /office/site-check/report?unit=&amp;month=2026-11&amp;subtree=true: the monthly report of a unit or its subtree — the units
/// side by side and each unit's month's last scorecard — on the page, and as Word (?handler=Docx) and Excel (?handler=Xlsx).
/// </summary>
public class ReportModel(GongkaiDb db, CompileMonthlyReport compile, TimeProvider clock) : SiteCheckPageModel(db)
{
    [BindProperty(SupportsGet = true)] public string? Month { get; set; }
    [BindProperty(SupportsGet = true)] public bool Subtree { get; set; }
    public CompileMonthlyReport.Report Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync() => await CompileAsync() ?? Page();

    public async Task<IActionResult> OnGetDocxAsync()
    {
        if (await CompileAsync() is { } problem)
            return problem;
        using var buffer = new MemoryStream();
        MonthlyReportDocx.Write(buffer, Report);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Report.FileName("docx"));
    }

    public async Task<IActionResult> OnGetXlsxAsync()
    {
        if (await CompileAsync() is { } problem)
            return problem;
        using var buffer = new MemoryStream();
        MonthlyReportXlsx.Write(buffer, Report);
        return File(buffer.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Report.FileName("xlsx"));
    }

    /// <summary>This page's query with another handler.</summary>
    public string Download(string handler) => $"{Link("/report", $"month={Month}&subtree={(Subtree ? "true" : "false")}")}&handler={handler}";

    private async Task<IActionResult?> CompileAsync()
    {
        if (!await LoadUnitAsync())
            return NotFound();
        var today = clock.Today();
        var month = DateOnly.TryParseExact((Month ?? "").Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? m : new DateOnly(today.Year, today.Month, 1);
        Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (!Current.HasUnitsBelow)
            Subtree = false;
        var outcome = await compile.HandleAsync(new(Current.Code, month.Year, month.Month, Subtree), HttpContext.StaffScope(), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
            return NotFound();
        Report = outcome.Value!;
        return null;
    }
}
