using Gongkai.App;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Interviews;
using Gongkai.Core.Participation;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Interviews;

/// <summary>
/// /office/participation/interviews/{id}: one interview — the moderation queue (the askers' name and contact only to
/// roles that handle participation), answers, the transcript with pictures (captions as alternative text), announce,
/// withdraw and the history.
/// </summary>
[RequestSizeLimit(MaxBody)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBody)]
public class DetailsModel(OfficeInterviews interviews, ParticipationLog log, PublishInterview publish, WithdrawInterview withdraw,
    ModerateQuestion moderate, AnswerQuestion answer, PublishTranscript transcript) : PageModel
{
    public const long MaxBody = PublishTranscript.MaxPictureBytes + 1024 * 1024;

    public Interview Interview { get; private set; } = null!;
    public IReadOnlyList<InterviewQuestion> Questions { get; private set; } = [];
    public IReadOnlyList<InterviewPicture> Pictures { get; private set; } = [];
    public IReadOnlyList<ParticipationLogEntry> History { get; private set; } = [];
    public bool CanAct { get; private set; }
    public InterviewStage Stage { get; private set; }

    [BindProperty] public Guid QuestionId { get; set; }
    [BindProperty] public bool Show { get; set; }
    [BindProperty] public string Reason { get; set; } = "";
    [BindProperty] public string Answer { get; set; } = "";
    [BindProperty] public string AnsweredBy { get; set; } = "";
    [BindProperty] public string Transcript { get; set; } = "";
    [BindProperty] public Dictionary<Guid, string> Captions { get; set; } = [];
    [BindProperty] public List<Guid> Remove { get; set; } = [];
    [BindProperty] public IFormFile? Picture { get; set; }
    [BindProperty] public string PictureCaption { get; set; } = "";

    /// <summary>The form refused: its name (and the question's id for per-question forms).</summary>
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(Guid id) => ActAsync(id, "publish", s => publish.HandleAsync(id, s, HttpContext.RequestAborted), _ => "访谈预告已发布。");

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) => ActAsync(id, "withdraw", s => withdraw.HandleAsync(id, Reason, s, HttpContext.RequestAborted), _ => "访谈已撤回。");

    public Task<IActionResult> OnPostModerateAsync(Guid id) => ActAsync(id, $"q{QuestionId}",
        s => moderate.HandleAsync(new(id, QuestionId, Show, Reason), s, HttpContext.RequestAborted), q => q.State == ContributionState.Shown ? "提问已公开。" : "提问不予公开。");

    public Task<IActionResult> OnPostAnswerAsync(Guid id) => ActAsync(id, $"q{QuestionId}",
        s => answer.HandleAsync(new(id, QuestionId, Answer, AnsweredBy), s, HttpContext.RequestAborted), _ => "答复已保存并公开。");

    public async Task<IActionResult> OnPostTranscriptAsync(Guid id)
    {
        var added = new List<PublishTranscript.PictureUpload>();
        if (Picture is { Length: > 0 } file)
            added.Add(new(file.FileName, await file.ReadAllAsync(HttpContext.RequestAborted), PictureCaption));
        return await ActAsync(id, "transcript", s => transcript.HandleAsync(new(id, Transcript, added, Captions, Remove), s, HttpContext.RequestAborted),
            _ => "文字实录已发布。");
    }

    private async Task<IActionResult> ActAsync<T>(Guid id, string form, Func<App.Accounts.StaffScope, Task<Outcome<T>>> act, Func<T, string> done)
    {
        var outcome = await act(HttpContext.StaffScope());
        if (this.Finish(outcome, f => $"{form}.{f}", done, _ => $"/office/participation/interviews/{id}") is { } result)
            return result;
        Refused = form;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var scope = HttpContext.StaffScope();
        if (await interviews.FindAsync(id, scope, HttpContext.RequestAborted) is not { } i)
            return false;
        Interview = i;
        CanAct = scope.CanHandleParticipation;
        Stage = PublicInterviews.StageOf(i, log.Now);
        Questions = await interviews.QuestionsAsync(id, HttpContext.RequestAborted);
        Pictures = await interviews.PicturesAsync(id, HttpContext.RequestAborted);
        History = await log.HistoryAsync(ParticipationKind.Interview, id, HttpContext.RequestAborted);
        if (Refused != "transcript")
            Transcript = i.Transcript;
        return true;
    }

    public IEnumerable<string> Errors(string form) => ViewData.ModelState.Where(e => e.Key.StartsWith(form + ".", StringComparison.Ordinal))
        .SelectMany(e => e.Value!.Errors.Select(x => x.ErrorMessage));
}
