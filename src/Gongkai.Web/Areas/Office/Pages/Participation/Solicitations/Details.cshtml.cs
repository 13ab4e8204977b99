using Gongkai.App;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Solicitations;
using Gongkai.Core.Calendar;
using Gongkai.Core.Participation;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Solicitations;

/// <summary>
/// /office/participation/solicitations/{id}: one solicitation — its details, period and feedback clock, the comments
/// (names and contacts only to roles that handle participation) with moderation and adoption per comment, the feedback,
/// extending, withdrawing, linking the resulting policy, and the log. Each action is its own use case.
/// </summary>
public class DetailsModel(OfficeSolicitations office, ParticipationLog log, PublishSolicitation publish, ModerateComment moderate, RecordAdoption adoption,
    PublishFeedback feedback, EditFeedback editFeedback, ExtendSolicitation extend, WithdrawSolicitation withdraw, LinkPolicy link) : PageModel
{
    public sealed class ActionForm
    {
        public Guid CommentId { get; set; }
        public bool Show { get; set; }
        public string ShownText { get; set; } = "";
        public string Reason { get; set; } = "";
        public Adoption Adoption { get; set; }
        public string Text { get; set; } = "";
        public DateOnly? ClosesOn { get; set; }
        public string IndexNumber { get; set; } = "";
        public string ShortPeriodReason { get; set; } = "";
    }

    [BindProperty] public ActionForm Form { get; set; } = new();

    public Solicitation? Solicitation { get; private set; }
    public OfficeSolicitations.Stage Stage { get; private set; }
    public IReadOnlyList<SolicitationComment> Comments { get; private set; } = [];
    public IReadOnlyList<ParticipationLogEntry> History { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string FileName, long Size)> Attachments { get; private set; } = [];
    public FeedbackSummary Summary { get; private set; } = FeedbackSummary.Of([]);
    public (DateOnly DueOn, DueFlag Flag)? FeedbackDue { get; private set; }
    public MinimumPeriod Minimum { get; private set; } = CommentPeriod.None;
    public bool PeriodIsShort { get; private set; }
    public bool CanAct { get; private set; }

    /// <summary>The form (handler name, with the comment id for per-comment forms) whose problems are shown.</summary>
    public string Refused { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostPublishAsync(Guid id) =>
        Act(id, "Publish", () => publish.HandleAsync(new(id, Form.ShortPeriodReason), HttpContext.StaffScope()), "已发布。");

    public Task<IActionResult> OnPostModerateAsync(Guid id) =>
        Act(id, $"Moderate-{Form.CommentId}", () => moderate.HandleAsync(new(id, Form.CommentId, Form.Show, Form.ShownText, Form.Reason), HttpContext.StaffScope()),
            Form.Show ? "意见已公开。" : "意见不予公开。");

    public Task<IActionResult> OnPostAdoptionAsync(Guid id) =>
        Act(id, $"Adoption-{Form.CommentId}", () => adoption.HandleAsync(new(id, Form.CommentId, Form.Adoption, Form.Reason), HttpContext.StaffScope()), "已记录采纳情况。");

    public Task<IActionResult> OnPostFeedbackAsync(Guid id) =>
        Act(id, "Feedback", () => feedback.HandleAsync(new(id, Form.Text), HttpContext.StaffScope()), "采纳情况已公布。");

    public Task<IActionResult> OnPostEditFeedbackAsync(Guid id) =>
        Act(id, "Feedback", () => editFeedback.HandleAsync(new(id, Form.Text), HttpContext.StaffScope()), "采纳情况说明已修改。");

    public Task<IActionResult> OnPostExtendAsync(Guid id) =>
        Act(id, "Extend", () => extend.HandleAsync(new(id, Form.ClosesOn, Form.Reason), HttpContext.StaffScope()), "征集期限已延长。");

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) =>
        Act(id, "Withdraw", () => withdraw.HandleAsync(new(id, Form.Reason), HttpContext.StaffScope()), "已撤回。");

    public Task<IActionResult> OnPostPolicyAsync(Guid id) =>
        Act(id, "Policy", () => link.HandleAsync(new(id, Form.IndexNumber), HttpContext.StaffScope()), "已关联政策。");

    private async Task<IActionResult> Act<T>(Guid id, string form, Func<Task<Outcome<T>>> action, string done)
    {
        var bindingFailed = !ModelState.IsValid;
        ModelState.Clear();
        Outcome<T> outcome = bindingFailed ? Outcome<T>.Invalid("", "请填写有效的日期（年-月-日）并从列表中选择。") : await action();
        if (this.Finish(outcome, _ => "", _ => done, _ => $"/office/participation/solicitations/{id}") is { } result)
            return result;
        Refused = form;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var scope = HttpContext.StaffScope();
        if ((Solicitation = await office.FindAsync(id, scope)) is not { } s)
            return false;
        CanAct = scope.CanHandleParticipation;
        Stage = OfficeSolicitations.StageOf(s.State, s.OpensOn, s.ClosesOn, log.Today);
        Comments = await office.CommentsAsync(id);
        Summary = FeedbackSummary.Of(Comments.Select(c => new CommentFacts(c.Adoption, c.AdoptionReason)));
        History = await log.HistoryAsync(ParticipationKind.Solicitation, id);
        Attachments = await office.AttachmentsAsync(id);
        FeedbackDue = await office.FeedbackDueAsync(s);
        Minimum = CommentPeriod.Minimum(s.Kind, s.ConcernsBusinesses);
        PeriodIsShort = CommentPeriod.IsShort(await log.CalendarAsync(), s.Kind, s.ConcernsBusinesses, s.OpensOn, s.ClosesOn);
        return true;
    }
}
