using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.App.Reports.Audit;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Web.Pages.Tools;

/// <summary>
/// /tools/audit (issue 6): paste a published annual report or upload its file (text, web page, Word, PDF); the page
/// shows the form, unit and year it detected, every finding with the text it rests on, and the figures read, laid out
/// as the form's tables. Works without JavaScript; nothing is saved — except by signed-in staff who may write reports,
/// who can keep the table figures as a unit's figures for the year (<see cref="SaveEnteredFigures"/>, source 审读), so
/// 同比 and the jurisdiction roll-up work for units outside Gongkai. Size, rate and concurrency are limited
/// (<see cref="AuditLimits"/>; the request size limit through a page convention).
/// </summary>
[EnableRateLimiting(PublicForms.AuditPolicy)]
public class AuditModel(GongkaiDb db, SaveEnteredFigures save, AuditLimits limits, ScannedPdf ocr) : PageModel
{
    /// <summary>The longest text accepted in the box (a report is tens of thousands of characters).</summary>
    public const int MaxText = 1_000_000;

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public string? SaveUnit { get; set; }
    [BindProperty] public int? SaveYear { get; set; }
    [BindProperty] public string? SaveScope { get; set; }

    /// <summary>The largest report accepted (Audit:MaxBytes).</summary>
    public long MaxBytes => limits.MaxBytes;

    public AuditedReport? Result { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>The text read (what the save form posts back), and the units staff may save it for; empty for the public.</summary>
    public string ReadText { get; private set; } = "";
    public List<SelectListItem> SaveUnits { get; private set; } = [];

    public async Task OnGetAsync() => await LoadSaveUnitsAsync();

    /// <summary>Staff: keep the table figures of the posted text as the unit's figures for the year.</summary>
    public async Task<IActionResult> OnPostSaveAsync()
    {
        Text = WithLineFeeds(Text);
        if (await HttpContext.LoadStaffScopeAsync() is not { } staff)
            return Challenge();
        using var turn = await limits.WaitForTurnAsync(HttpContext.RequestAborted);
        if (!turn.IsAcquired)
            return RefuseBusy();
        var report = AuditReport.AuditText("粘贴的文字", Text ?? "");
        if (report.Failed || SaveYear is not { } year || string.IsNullOrWhiteSpace(SaveUnit))
            return Refuse(report.Error ?? "请选择单位和年度。");
        var scope = ReportScopes.Parse(SaveScope) ?? ReportScope.Unit;
        var outcome = await save.HandleAsync(new(SaveUnit, year, scope,
            report.FormCells.Values.ToDictionary(v => v.Key, v => (decimal?)v.Value.Value), "审读自公开的年度报告", FigureSource.Audited), staff, HttpContext.RequestAborted);
        if (outcome.Kind == OutcomeKind.Denied)
            return Forbid();
        if (!outcome.Succeeded)
            return Refuse(string.Join("；", outcome.Problems.Select(p => p.Message)));
        TempData["Message"] = $"已保存为该单位 {year} 年度的 {outcome.Value!.Count} 个数字。";
        return Redirect($"/office/reports?unit={SaveUnit}&year={year}&scope={scope.Code()}");
    }

    private async Task LoadSaveUnitsAsync()
    {
        if (await HttpContext.LoadStaffScopeAsync() is { CanWriteReports: true } staff)
            SaveUnits = await Areas.Office.UnitChoices.InScopeAsync(db, staff, r => r.Code);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Text = WithLineFeeds(Text);
        byte[]? content = null;
        if (Upload is { Length: > 0 } file)
        {
            if (file.Length > limits.MaxBytes)
                return Refuse(limits.TooLarge, StatusCodes.Status413PayloadTooLarge);
            content = await file.ReadAllAsync(HttpContext.RequestAborted);
        }
        else if (string.IsNullOrWhiteSpace(Text))
            return Refuse("请粘贴报告全文，或选择报告文件。");
        else if (Text.Length > MaxText)
            return Refuse($"粘贴的文字超过 {MaxText:N0} 个字符，请改为上传文件。");
        using (var turn = await limits.WaitForTurnAsync(HttpContext.RequestAborted))
        {
            if (!turn.IsAcquired)
                return RefuseBusy();
            Result = content is not null ? AuditReport.Audit(Upload!.FileName, content, ocr, HttpContext.RequestAborted) : AuditReport.AuditText("粘贴的文字", Text!);
        }
        if (Result.Failed)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        else
        {
            ReadText = Result.Read!.Text;
            await LoadSaveUnitsAsync();
        }
        return Page();
    }

    /// <summary>Pasted text as a browser posts it (CRLF) with LF line ends only, so what the page echoes holds no carriage returns.</summary>
    private static string? WithLineFeeds(string? text) => text?.ReplaceLineEndings("\n");

    private PageResult Refuse(string problem, int status = StatusCodes.Status400BadRequest)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }

    private PageResult RefuseBusy()
    {
        AuditLimitsSetup.RefuseBusy(Response);
        Problem = AuditLimits.Busy;
        return Page();
    }
}
