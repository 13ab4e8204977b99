using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.Search;
using Gongkai.App.Units;
using Gongkai.Core.Calendar;
using Gongkai.Core.Letters;
using Gongkai.Core.Privacy;
using Gongkai.Core.Units;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using K = Gongkai.Core.Letters.LetterEventKind;

namespace Gongkai.Web.Areas.Office.Pages.Letters;

/// <summary>
/// One letter: what the writer sent (contact in full to letter handlers, masked to other roles), its files, the due
/// date and flags, the whole log, a form for each step the account may take now, and earlier letters like it.
/// </summary>
public class DetailsModel(GongkaiDb db, LetterLog log, OfficeLetters inbox, RecordLetterStep record, PublishLetter publish, ReadWriterContact contacts) : PageModel
{
    public sealed class StepForm
    {
        public K Kind { get; set; }
        public string Note { get; set; } = "";
        public int? Days { get; set; }
        public InvalidReason? InvalidReason { get; set; }
        public TransferChannel? Transfer { get; set; }
        public RoutingClass? Routing { get; set; }
        public string UnitCode { get; set; } = "";
        public string Party { get; set; } = "";
    }

    public sealed class PublishForm
    {
        public string Subject { get; set; } = "";
        public string Content { get; set; } = "";
        public string Answer { get; set; } = "";
    }

    [BindProperty] public StepForm Step { get; set; } = new();
    [BindProperty] public PublishForm Publication { get; set; } = new();

    public Letter Letter { get; private set; } = null!;
    public WriterContact Contact { get; private set; } = null!;
    public LetterStatus Status { get; private set; } = null!;
    public DueFlag Due { get; private set; }
    public bool NearVeto { get; private set; }
    public bool PastVeto { get; private set; }
    public int TimeLimit { get; private set; }
    public string Mailbox { get; private set; } = "";

    /// <summary>The steps this account may take now, in the transition table's order (公开选登 included).</summary>
    public IReadOnlyList<K> Allowed { get; private set; } = [];

    /// <summary>The form that was posted and refused: its errors are shown inside it.</summary>
    public string? Refused { get; private set; }
    public List<SelectListItem> AssignUnits { get; private set; } = [];
    public IReadOnlyList<LetterAttachment> Files { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> UnitNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<LetterSearch.Hit> Similar { get; private set; } = [];

    /// <summary>What the personal-data screen finds in the texts as they would be published (公开选登).</summary>
    public IReadOnlyList<(string Label, PersonalDataHit Hit, string Text)> ScreenHits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>A file of the letter or of an answer: always a download with the type its content was found to be, never shown inline.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId)
    {
        if (await log.FindAsync(id, HttpContext.StaffScope()) is null)
            return NotFound();
        var file = await db.LetterAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.LetterId == id);
        if (file is null)
            return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, List<IFormFile> files)
    {
        var uploads = new List<LetterUpload>();
        foreach (var file in files.Where(f => f.Length > 0))
        {
            if (file.Length > WriteLetter.MaxFileBytes * 2)
            {
                ModelState.AddModelError("Step.Files", $"“{file.FileName}”过大。");
                continue;
            }
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer);
            uploads.Add(new(file.FileName, buffer.ToArray()));
        }
        if (ModelState.IsValid)
        {
            var outcome = await record.HandleAsync(new(id, Step.Kind, Step.Note ?? "", Step.Days, Step.InvalidReason, Step.Transfer, Step.Routing,
                Step.UnitCode, Step.Party ?? "", uploads), HttpContext.StaffScope());
            var next = Step.Kind is K.Assigned or K.TransferredOut or K.Rejected or K.Returned ? "/office/letters" : $"/office/letters/{id}";
            if (this.Finish(outcome, nameof(Step), _ => $"已办理：{Step.Kind.ChineseName()}。", next) is { } finished)
                return finished;
        }
        Refused = Step.Kind.ToString();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(Guid id)
    {
        var outcome = await publish.HandleAsync(new(id, Publication.Subject, Publication.Content, Publication.Answer), HttpContext.StaffScope());
        if (this.Finish(outcome, field => field == "letter" ? nameof(Publication) : $"{nameof(Publication)}.{char.ToUpperInvariant(field[0])}{field[1..]}",
                _ => "已公开选登（来信人姓名以“张**”形式显示）。", _ => $"/office/letters/{id}") is { } finished)
            return finished;
        Refused = K.Published.ToString();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var scope = HttpContext.StaffScope();
        var letter = await log.FindAsync(id, scope);
        if (letter is null)
            return false;
        Letter = letter;
        Contact = await contacts.HandleAsync(letter, scope, "办理页面");
        var calendar = await log.CalendarAsync();
        var today = log.Today;
        Status = log.Status(letter, calendar);
        Due = LetterHistory.Flag(Status, calendar, today);
        NearVeto = Status.State.IsOpen() && LetterClock.IsNearVeto(Status.Received, today);
        PastVeto = Status.State.IsOpen() && LetterClock.IsPastVeto(Status.Received, today);
        TimeLimit = log.Settings.TimeLimits.For(letter.Type);
        Mailbox = letter.Channel == LetterChannel.SiteError ? "我为政府网站找错"
            : await db.Mailboxes.AsNoTracking().Where(m => m.UnitId == letter.MailboxUnitId).Select(m => m.Name).SingleOrDefaultAsync() ?? letter.MailboxUnit.ShortName;
        Allowed = OfficeLetters.StepsFor(letter, Status, scope);
        Files = await db.LetterAttachments.AsNoTracking().Where(a => a.LetterId == id).OrderBy(a => a.FileName)
            .Select(a => new LetterAttachment { Id = a.Id, FileName = a.FileName, ContentType = a.ContentType, LogEntryId = a.LogEntryId }).ToListAsync();
        var unitIds = letter.Log.Where(e => e.ToUnitId is not null).Select(e => e.ToUnitId!.Value).Distinct().ToList();
        UnitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName);
        if (Allowed.Contains(K.Assigned))
        {
            var rows = await Units.UnitRow.InTreeOrderAsync(db.Units.Within(letter.MailboxUnit.Path));
            var top = rows.Min(r => UnitPath.Depth(r.Path));
            AssignUnits = [.. rows.Where(r => r.Id != letter.UnitId)
                .Select(r => new SelectListItem(new string('　', UnitPath.Depth(r.Path) - top) + r.FullName, r.Code))];
        }
        if (Allowed.Contains(K.Published))
        {
            if (Refused != K.Published.ToString())
                Publication = new() { Subject = letter.Subject, Content = letter.Content, Answer = letter.Answer };
            ScreenHits = [.. new[] { ("标题", Publication.Subject), ("来信内容", Publication.Content), ("答复内容", Publication.Answer) }
                .SelectMany(t => PersonalDataScreen.Find(t.Item2 ?? "").Select(h => (t.Item1, h, t.Item2 ?? "")))];
        }
        if (Refused is null && Allowed.Contains(K.Answered))
            Step.Note = letter.Log.OrderBy(e => e.Sequence).LastOrDefault(e => e.Kind == K.AnswerSubmitted)?.Note ?? "";
        Similar = await inbox.SimilarAsync(letter);
        return true;
    }
}
