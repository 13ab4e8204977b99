using Gongkai.App.Units;
using Gongkai.App.Applications;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Web.Areas.Office.Pages.Applications;

/// <summary>One application: what was asked, the due date and why, the log, and the steps open to the officer now.</summary>
public class DetailsModel(GongkaiDb db, ApplicationLog log, OfficialCalendar calendars, RecordStep recordStep,
    TransferApplication transfer, AnswerApplication answer, AddAnswerDocument addDocument, ReadApplicantContact contacts) : PageModel
{
    public sealed class StepForm
    {
        public ApplicationEventKind Kind { get; set; }
        public DateOnly Date { get; set; }
        public string Note { get; set; } = "";
        public string Party { get; set; } = "";
        public int? Days { get; set; }
        public decimal? Amount { get; set; }
        public DateOnly? Until { get; set; }
        public string ToUnitCode { get; set; } = "";
        public Outcome? Outcome { get; set; }
        public bool ConfirmActiveContent { get; set; }
    }

    [BindProperty] public StepForm Step { get; set; } = new();
    public Application Application { get; private set; } = null!;

    /// <summary>The applicant's identity and contact: in full (and the read recorded) for the roles that handle applications.</summary>
    public Core.Privacy.ApplicantContact Contact { get; private set; } = null!;

    /// <summary>Who read the full record lately (shown to those who may read it).</summary>
    public IReadOnlyList<ApplicantDataRead> Reads { get; private set; } = [];
    public Deadline? Deadline { get; private set; }
    public IReadOnlyList<ClockStep> Explanation { get; private set; } = [];
    public IReadOnlyList<ApplicationEventKind> Allowed { get; private set; } = [];
    /// <summary>
    /// The allowed steps shown open: the ones that usually come next in the state (confirm, close the pause, answer,
    /// add a missing document). Which steps are allowed at all is <see cref="ApplicationTransitions.Allowed"/>'s alone.
    /// </summary>
    public IReadOnlyList<ApplicationEventKind> Primary => [.. Allowed.Where(CommonSteps.Contains)];

    /// <summary>The other allowed steps (补正告知、征求意见、收费、延期、转办), folded under 其他办理事项.</summary>
    public IReadOnlyList<ApplicationEventKind> Other => [.. Allowed.Where(k => !CommonSteps.Contains(k))];

    private static readonly HashSet<ApplicationEventKind> CommonSteps =
    [
        ApplicationEventKind.Confirmed, ApplicationEventKind.CorrectionReceived, ApplicationEventKind.ConsultationEnded,
        ApplicationEventKind.FeePaid, ApplicationEventKind.Answered, ApplicationEventKind.DocumentAdded,
    ];

    public int? DaysLeft { get; private set; }
    public DateOnly Today { get; private set; }
    public List<SelectListItem> Units { get; private set; } = [];
    public IReadOnlyList<ApplicationDocument> Documents { get; private set; } = [];

    /// <summary>按件 (109号): this is the applicant's n-th application received in its calendar month, and what that costs.</summary>
    public (int Nth, decimal Fee)? PerApplicationFee { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>A document released with the answer, for staff of the subtree.</summary>
    public async Task<IActionResult> OnGetDocumentAsync(Guid id, Guid documentId)
    {
        if (await log.FindAsync(id, HttpContext.StaffScope()) is null)
            return NotFound();
        var document = await db.ApplicationDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId && d.ApplicationId == id);
        if (document is null)
            return NotFound();
        // The type its content is, never what was claimed at upload; in the browser's window only a harmless PDF or an image.
        var (type, inline) = ReleasedDocument.Served(document.FileName, document.Content, document.ActiveContent);
        Response.Headers.XContentTypeOptions = "nosniff";
        if (!inline)
            return File(document.Content, type, document.FileName);
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("inline") { FileNameStar = document.FileName }.ToString();
        return File(document.Content, type);
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id)
    {
        var scope = HttpContext.StaffScope();
        var outcome = await recordStep.HandleAsync(new(id, Step.Kind, Step.Date, Step.Note ?? "", Step.Party ?? "", Step.Days, Step.Amount, Step.Until), scope);
        return await FinishAsync(id, outcome, $"已记录：{Step.Kind.ChineseName()}。");
    }

    public async Task<IActionResult> OnPostTransferAsync(Guid id)
    {
        var outcome = await transfer.HandleAsync(new(id, Step.Date, Step.ToUnitCode ?? "", Step.Note ?? ""), HttpContext.StaffScope());
        return await FinishAsync(id, outcome, "已转办。", transferred: true);
    }

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, List<IFormFile> files)
    {
        var documents = new List<ReleasedDocument>();
        foreach (var file in files.Where(f => f.Length > 0))
        {
            if (await ReadAsync(file, "Step.Documents") is { } document)
                documents.Add(document);
        }
        if (!ModelState.IsValid)
            return await LoadAsync(id) ? Page() : NotFound();
        var outcome = await answer.HandleAsync(new(id, Step.Date, Step.Outcome ?? (Outcome)(-1), Step.Note ?? "", documents, Step.ConfirmActiveContent),
            HttpContext.StaffScope());
        return await FinishAsync(id, outcome, "已答复。");
    }

    /// <summary>A document that should have gone out with the answer, added to the answered application with the reason.</summary>
    public async Task<IActionResult> OnPostAddDocumentAsync(Guid id, IFormFile? file)
    {
        if (file is null || file.Length == 0)
            ModelState.AddModelError("Step.File", "请选择要补充的文件。");
        var document = file is { Length: > 0 } ? await ReadAsync(file, "Step.File") : null;
        if (document is null)
            return await LoadAsync(id) ? Page() : NotFound();
        var outcome = await addDocument.HandleAsync(new(id, document, Step.Note ?? "", Step.ConfirmActiveContent), HttpContext.StaffScope());
        return await FinishAsync(id, outcome, $"已补充答复文件《{document.StoredName}》。");
    }

    /// <summary>An uploaded file, or null with the problem on <paramref name="field"/> when it is over the size limit (not read).</summary>
    private async Task<ReleasedDocument?> ReadAsync(IFormFile file, string field)
    {
        if (file.Length > ReleasedDocument.MaxBytes)
        {
            ModelState.AddModelError(field, $"“{file.FileName}”超过 20 MB。");
            return null;
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        return new(file.FileName, buffer.ToArray());
    }

    private async Task<IActionResult> FinishAsync(Guid id, App.Outcome<ApplicationLogEntry> outcome, string done, bool transferred = false)
    {
        var next = transferred ? "/office/applications" : $"/office/applications/{id}";
        if (this.Finish(outcome, nameof(Step), _ => done, next) is { } finished)
            return finished;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var scope = HttpContext.StaffScope();
        var found = await log.FindAsync(id, scope);
        if (found is null)
            return false;
        Application = found;
        Contact = await contacts.HandleAsync(found, scope, "办理页面");
        if (!Contact.Masked)
            Reads = await contacts.ReadsAsync(found.Id);
        Today = log.Today;
        if (Step.Date == default)
            Step.Date = Today;
        var calendar = await calendars.GetAsync(db);
        var status = ApplicationHistory.Replay(found.Log.Select(e => e.ToEvent()));
        if (status.Clock is { } facts)
        {
            Deadline = DeadlineClock.Compute(calendar, facts, Today);
            Explanation = ClockExplanation.Explain(calendar, facts, Today);
            DaysLeft = status.State == ApplicationState.Answered ? null : Deadline.WorkingDaysLeft(calendar, Today);
        }
        Allowed = scope.CanHandleApplications ? [.. ApplicationTransitions.Allowed(status.State).Distinct()] : [];
        Documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.Id)
            .Select(d => new ApplicationDocument { Id = d.Id, FileName = d.FileName, LogEntryId = d.LogEntryId, ActiveContent = d.ActiveContent }).ToListAsync();
        if (Allowed.Contains(ApplicationEventKind.FeeNoticeSent) && found.ReceivedOn is { } received)
        {
            var monthStart = new DateOnly(received.Year, received.Month, 1);
            var nth = await db.Applications.CountAsync(a => a.IdNumber == found.IdNumber && a.ReceivedOn >= monthStart
                && (a.ReceivedOn < received || (a.ReceivedOn == received && a.CreatedAt <= found.CreatedAt)));
            PerApplicationFee = (nth, ProcessingFee.PerApplication(Math.Max(nth, 1)));
        }
        if (Allowed.Contains(ApplicationEventKind.Transferred))
        {
            Units = [.. (await db.Units.Where(u => u.Id != found.UnitId).InTreeOrderAsync()).Select(u => new SelectListItem(u.FullName, u.Code))];
        }
        return true;
    }

    public static IEnumerable<SelectListItem> OutcomeChoices
    {
        get
        {
            var groups = Enum.GetValues<OutcomeCategory>().ToDictionary(c => c, c => new SelectListGroup { Name = c.ChineseName() });
            return Outcomes.All.Select(o => new SelectListItem($"{o.Row} {o.Name}", o.Outcome.ToString()) { Group = groups[o.Category] });
        }
    }
}
