using Gongkai.App;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Solicitations;
using Gongkai.Core.Participation;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Participation.Solicitations;

/// <summary>/office/participation/solicitations/new and /{id}/edit: the draft, its kind, period and files.</summary>
[RequestSizeLimit(SaveSolicitation.MaxFiles * Core.Catalog.AttachmentRules.DefaultMaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = SaveSolicitation.MaxFiles * Core.Catalog.AttachmentRules.DefaultMaxBytes + 1024 * 1024)]
public class EditModel(OfficeSolicitations office, SaveSolicitation save, ParticipationLog log) : PageModel
{
    public sealed class Fields
    {
        public string Title { get; set; } = "";
        public SolicitationKind Kind { get; set; } = SolicitationKind.NormativeDocument;
        public bool ConcernsBusinesses { get; set; }
        public string DraftText { get; set; } = "";
        public string Explanation { get; set; } = "";
        public string Contact { get; set; } = "";
        public DateOnly? OpensOn { get; set; }
        public DateOnly? ClosesOn { get; set; }
        public string ShortPeriodReason { get; set; } = "";
        public bool ShowComments { get; set; } = true;
        public string UnitCode { get; set; } = "";
    }

    [BindProperty] public Fields Input { get; set; } = new();
    [BindProperty] public List<IFormFile> Files { get; set; } = [];
    [BindProperty] public List<Guid> RemoveFiles { get; set; } = [];

    public Guid? Id { get; private set; }
    public bool Published { get; private set; }
    public IReadOnlyList<(Guid Id, string FileName, long Size)> Attachments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        if (!HttpContext.StaffScope().CanHandleParticipation)
            return Forbid();
        if (id is null)
        {
            Input.OpensOn = log.Today;
            Input.ClosesOn = log.Today.AddDays(30);
            return Page();
        }
        if (await office.FindAsync(id.Value, HttpContext.StaffScope()) is not { } s)
            return NotFound();
        (Id, Published) = (s.Id, s.State != ParticipationState.Draft);
        Input = new Fields
        {
            Title = s.Title, Kind = s.Kind, ConcernsBusinesses = s.ConcernsBusinesses, DraftText = s.DraftText, Explanation = s.Explanation, Contact = s.Contact,
            OpensOn = s.OpensOn, ClosesOn = s.ClosesOn, ShortPeriodReason = s.ShortPeriodReason, ShowComments = s.ShowComments,
        };
        Attachments = await office.AttachmentsAsync(s.Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id)
    {
        if (!ModelState.IsValid)
        {
            this.ExplainBindingErrors();
            return await ReloadAsync(id);
        }
        var uploads = new List<SolicitationUpload>();
        foreach (var file in Files)
        {
            using var stream = new MemoryStream();
            await file.CopyToAsync(stream);
            uploads.Add(new(file.FileName, stream.ToArray()));
        }
        var outcome = await save.HandleAsync(new(id, Input.Title, Input.Kind, Input.ConcernsBusinesses, Input.DraftText, Input.Explanation, Input.Contact,
            Input.OpensOn, Input.ClosesOn, Input.ShortPeriodReason, Input.ShowComments, Input.UnitCode, uploads, RemoveFiles), HttpContext.StaffScope());
        return this.Finish(outcome, field => $"Input.{field}", _ => "已保存。", s => $"/office/participation/solicitations/{s.Id}") ?? await ReloadAsync(id);
    }

    private async Task<IActionResult> ReloadAsync(Guid? id)
    {
        if (id is { } existing && await office.FindAsync(existing, HttpContext.StaffScope()) is { } s)
        {
            (Id, Published) = (s.Id, s.State != ParticipationState.Draft);
            Attachments = await office.AttachmentsAsync(s.Id);
        }
        return Page();
    }
}
