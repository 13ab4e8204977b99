using Gongkai.App;
using Gongkai.App.Calendar;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Privacy;
using Gongkai.Core.Catalog;
using Gongkai.Core.Privacy;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Catalog;

/// <summary>
/// One catalog item: its metadata and text (personal data masked), its attachments, the 第二十六条 deadline, its log, and the steps the
/// account may take now — submit a draft (信息发布), publish or return a submitted item, revoke or withdraw a published one (信息审核).
/// </summary>
public class DetailsModel(GongkaiDb db, CatalogLog log, OfficialCalendar calendars, SubmitCatalogItem submit,
    PublishCatalogItem publish, ChangeCatalogItem change, ReviseCatalogItem revise) : PageModel
{
    /// <summary>修订 of a published item (<see cref="ReviseCatalogItem"/>).</summary>
    public sealed class RevisionForm
    {
        public string Title { get; set; } = "";
        public string Summary { get; set; } = "";
        public string Body { get; set; } = "";
        public string DocumentNumber { get; set; } = "";
        public string Reason { get; set; } = "";
        public string LawfulReason { get; set; } = "";
    }

    [BindProperty] public RevisionForm Revision { get; set; } = new();

    public sealed class DecisionForm
    {
        public string LawfulReason { get; set; } = "";
        public bool ConfirmActiveContent { get; set; }
        public string InterpretationWaiver { get; set; } = "";
        public string Reason { get; set; } = "";
        public DateOnly? Date { get; set; }
    }

    [BindProperty] public DecisionForm Decision { get; set; } = new();
    public CatalogItem Item { get; private set; } = null!;

    /// <summary>Personal data the publishing screen finds in the title, summary and text; shown kind and masked value only.</summary>
    public IReadOnlyList<PersonalDataHit> Hits { get; private set; } = [];

    /// <summary>Personal data the publishing screen finds in the attachments' text.</summary>
    public IReadOnlyList<AttachmentFinding> AttachmentFindings { get; private set; } = [];
    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];
    public DateOnly Today { get; private set; }

    /// <summary>The last day 第二十六条 allows for publication, and how many working days late it was (or is, unpublished).</summary>
    public (DateOnly LatestOn, int DaysLate) Deadline { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanReview { get; private set; }

    /// <summary>The form whose post failed, so only it shows the posted text again.</summary>
    public string Posted { get; private set; } = "";

    /// <summary>解读三同步: whether the item must go out with its 解读, and its 解读 (any state but withdrawn).</summary>
    public bool MustBeInterpreted => Core.Participation.InterpretationRule.MustBeInterpreted(Item.Genre, Item.NeedsInterpretation);
    public IReadOnlyList<CatalogItem> Interpretations { get; private set; } = [];

    public bool CanRevoke => CanReview && Item.State == CatalogState.Published && Item.Genre.HasValidity() && Item.Validity == Validity.InForce;

    /// <summary>A field's text with every hit of the screen masked, for the office preview.</summary>
    public static string Masked(string text) => PersonalDataScreen.Mask(text);

    /// <summary>
    /// The body as the public will see it — sanitized again by today's rules, whenever it was stored — with personal data
    /// masked and the item's own images shown from the office before publication.
    /// </summary>
    public string PreviewBody { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>An attachment, for staff of the subtree, whatever the item's state.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, Guid attachmentId)
    {
        if (await log.FindAsync(id, HttpContext.StaffScope()) is null)
            return NotFound();
        var file = await db.CatalogAttachments.AsNoTracking().Where(a => a.Id == attachmentId && a.ItemId == id)
            .Select(a => new { a.FileName, a.ContentType, a.Content }).SingleOrDefaultAsync();
        if (file is null)
            return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(file.Content, file.ContentType, file.FileName);
    }

    public async Task<IActionResult> OnPostSubmitAsync(Guid id) =>
        await FinishAsync(id, "Submit", await submit.HandleAsync(id, HttpContext.StaffScope()), _ => "已提交审核。");

    public async Task<IActionResult> OnPostPublishAsync(Guid id) =>
        await FinishAsync(id, "Publish", await publish.HandleAsync(new(id, Decision.LawfulReason, Decision.ConfirmActiveContent, Decision.InterpretationWaiver ?? ""), HttpContext.StaffScope()),
            i => $"已发布，索引号 {i.IndexNumber}。");

    public Task<IActionResult> OnPostReturnAsync(Guid id) => ChangeAsync(id, ChangeCatalogItem.Change.Return, "已退回修改。");

    public Task<IActionResult> OnPostRevokeAsync(Guid id) => ChangeAsync(id, ChangeCatalogItem.Change.Revoke, "已废止。");

    public async Task<IActionResult> OnPostReviseAsync(Guid id) =>
        await FinishAsync(id, "Revise", await revise.HandleAsync(new(id, Revision.Title ?? "", Revision.Summary ?? "", Revision.Body ?? "",
            Revision.DocumentNumber ?? "", Revision.Reason ?? "", Revision.LawfulReason ?? ""), HttpContext.StaffScope()), i => $"已修订，索引号 {i.IndexNumber} 不变。");

    public Task<IActionResult> OnPostWithdrawAsync(Guid id) => ChangeAsync(id, ChangeCatalogItem.Change.Withdraw, "已撤下。");

    private async Task<IActionResult> ChangeAsync(Guid id, ChangeCatalogItem.Change kind, string done) =>
        await FinishAsync(id, kind.ToString(), await change.HandleAsync(new(id, kind, Decision.Reason, Decision.Date), HttpContext.StaffScope()), _ => done);

    private async Task<IActionResult> FinishAsync(Guid id, string form, Outcome<CatalogItem> outcome, Func<CatalogItem, string> done)
    {
        if (this.Finish(outcome, nameof(Decision), done, $"/office/catalog/{id}") is { } finished)
            return finished;
        Posted = form;
        return await LoadAsync(id) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var scope = HttpContext.StaffScope();
        if (await log.FindAsync(id, scope) is not { } item)
            return false;
        Item = item;
        Today = log.Today;
        CanEdit = scope.CanEditCatalog;
        CanReview = scope.CanReviewCatalog;
        Hits = PublishCatalogItem.Screen(item);
        Attachments = await CatalogAttachment.RowsOf(db, id).ToListAsync();
        PreviewBody = Attachments.Aggregate(HtmlReaderText.Mask(CatalogBodyHtml.Sanitize(item.Body)), (body, a) => body.Replace(
            $"src=\"{CatalogBodyHtml.AttachmentPath}{a.Id}\"", $"src=\"/office/catalog/{id}?handler=Attachment&amp;attachmentId={a.Id}\"", StringComparison.OrdinalIgnoreCase));
        AttachmentFindings = item.State is CatalogState.Draft or CatalogState.Submitted ? await PublishCatalogItem.ScreenAttachmentsAsync(db, id) : [];
        Interpretations = MustBeInterpreted || item.Genre != Genre.Interpretation
            ? await db.CatalogItems.AsNoTracking().Where(x => x.InterpretsId == id && x.State != CatalogState.Withdrawn).OrderBy(x => x.CreatedAt).ToListAsync()
            : [];
        var calendar = await calendars.GetAsync(db);
        Deadline = (PublicationDeadline.LatestOn(calendar, item.FormedOn), PublicationDeadline.DaysLate(calendar, item.FormedOn, item.PublishedOn ?? Today));
        return true;
    }
}
