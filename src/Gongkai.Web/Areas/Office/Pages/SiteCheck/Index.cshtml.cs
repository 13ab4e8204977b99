using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Scorecards;
using Gongkai.App.SiteCheck.Settings;
using Gongkai.Core.Accounts;
using Gongkai.Core.SiteCheck;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Areas.Office.Pages.SiteCheck;

/// <summary>
/// /office/site-check: a unit's latest scorecard in the check's own layout (一、单项否决指标，二、扣分指标，三、加分指标，总分和结论)
/// and its fix list most urgent first, each finding linking to what it is about; 「立即检查」 runs the checks now (staff who may
/// manage the check, and 督查); a lexicon hit is judged here (确认错误 / 不是错误), and a stale guide confirmed as reviewed.
/// </summary>
public class IndexModel(GongkaiDb db, ShowScorecard show, RunSiteCheck run, JudgeFinding judge, ConfirmGuideReviewed guide) : SiteCheckPageModel(db)
{
    public ShowScorecard.View View { get; private set; } = null!;

    /// <summary>Problems of a judgement just posted, with the finding's key.</summary>
    public (string Key, IReadOnlyList<string> Problems)? JudgeProblems { get; private set; }

    public bool CanRun => CanManage || HttpContext.StaffScope().Roles.Contains(StaffRole.Supervisor);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostRunAsync()
    {
        if (!await LoadUnitAsync())
            return NotFound();
        if (!CanRun)
            return Forbid();
        var scope = HttpContext.StaffScope();
        var outcome = await run.HandleAsync(new(Current.Id, false, $"手动（{scope.DisplayName}）"), scope, HttpContext.RequestAborted);
        switch (outcome.Kind)
        {
            case OutcomeKind.Missing: return NotFound();
            case OutcomeKind.Denied: return Forbid();
            case OutcomeKind.Invalid:
                TempData["Message"] = "未能检查：" + string.Join("；", outcome.Problems.Select(p => p.Message));
                break;
            default:
                var (done, report) = outcome.Value![0];
                TempData["Message"] = $"已完成检查：{report.Score} 分，{(report.Passed ? "合格" : "不合格")}，发现 {done.FindingCount} 项问题。";
                break;
        }
        return Redirect(Link(""));
    }

    public async Task<IActionResult> OnPostJudgeAsync(string key, FindingDecision decision, string? note)
    {
        if (!await LoadUnitAsync())
            return NotFound();
        var outcome = await judge.HandleAsync(new(Current.Code, key ?? "", decision, note ?? ""), HttpContext.StaffScope(), HttpContext.RequestAborted);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Message"] = decision == FindingDecision.Confirmed ? "已确认为错误，请尽快改正。" : "已判定为不是错误，以后的检查不再提示。";
                return Redirect(Link("") + "#fixes");
            case OutcomeKind.Missing: return NotFound();
            case OutcomeKind.Denied: return Forbid();
        }
        JudgeProblems = (key ?? "", [.. outcome.Problems.Select(p => p.Message)]);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostGuideAsync()
    {
        if (!await LoadUnitAsync())
            return NotFound();
        var outcome = await guide.HandleAsync(new(Current.Code), HttpContext.StaffScope(), HttpContext.RequestAborted);
        return this.Finish(outcome, "", _ => "已记录：政府信息公开指南已复核。下次检查时不再提示。", Link("")) ?? Redirect(Link(""));
    }

    private async Task<bool> LoadAsync()
    {
        if (!await LoadUnitAsync())
            return false;
        var outcome = await show.HandleAsync(Current.Code, HttpContext.StaffScope(), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
            return false;
        View = outcome.Value!;
        return true;
    }
}
