using Gongkai.App;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Surveys;
using Gongkai.Core.Participation;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Surveys;

/// <summary>
/// /office/participation/surveys/{id}: one survey — its questions, the results as on the public page plus the text
/// answers, the steps the account may take now (publish, extend, publish results, withdraw) and its history.
/// </summary>
public class DetailsModel(OfficeSurveys surveys, ParticipationLog log, PublishSurvey publish, ExtendSurvey extend, PublishSurveyResults conclude,
    WithdrawSurvey withdraw) : PageModel
{
    public Survey Survey { get; private set; } = null!;
    public SurveyResults Results { get; private set; } = null!;
    public IReadOnlyList<ParticipationLogEntry> History { get; private set; } = [];
    public bool CanAct { get; private set; }
    public SurveyStage Stage { get; private set; }

    [BindProperty] public DateOnly? ClosesOn { get; set; }
    [BindProperty] public string Reason { get; set; } = "";
    [BindProperty] public string Note { get; set; } = "";

    /// <summary>The form refused (its errors are shown in it).</summary>
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(Guid id) =>
        ActAsync(id, "publish", async scope => await publish.HandleAsync(id, scope, HttpContext.RequestAborted), "调查已发布。");

    public Task<IActionResult> OnPostExtendAsync(Guid id) =>
        ActAsync(id, "extend", async scope => ClosesOn is { } on
            ? await extend.HandleAsync(id, on, Reason, scope, HttpContext.RequestAborted)
            : Outcome<Survey>.Invalid("closesOn", "请填写新的截止日期。"), "期限已延长。");

    public Task<IActionResult> OnPostResultsAsync(Guid id) =>
        ActAsync(id, "results", async scope => await conclude.HandleAsync(id, Note, scope, HttpContext.RequestAborted), "调查结果已公布。");

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) =>
        ActAsync(id, "withdraw", async scope => await withdraw.HandleAsync(id, Reason, scope, HttpContext.RequestAborted), "调查已撤回。");

    private async Task<IActionResult> ActAsync(Guid id, string form, Func<App.Accounts.StaffScope, Task<Outcome<Survey>>> act, string done)
    {
        var outcome = await act(HttpContext.StaffScope());
        if (this.Finish(outcome, f => $"{form}.{f}", _ => done, _ => $"/office/participation/surveys/{id}") is { } result)
            return result;
        Refused = form;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var scope = HttpContext.StaffScope();
        if (await surveys.FindAsync(id, scope, HttpContext.RequestAborted) is not { } s)
            return false;
        Survey = s;
        CanAct = scope.CanHandleParticipation;
        Stage = SurveyStages.Of(s, log.Today);
        Results = await surveys.ResultsAsync(s, scope, HttpContext.RequestAborted);
        History = await log.HistoryAsync(ParticipationKind.Survey, id, HttpContext.RequestAborted);
        if (Note.Length == 0)
            Note = s.ResultsNote;
        return true;
    }

    public IEnumerable<string> Errors(string form) => ViewData.ModelState.Where(e => e.Key.StartsWith(form + ".", StringComparison.Ordinal))
        .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage));
}
