using Gongkai.App.Units;
using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Catalog;

/// <summary>
/// An editor (信息发布) writes a new draft or changes one; it can be sent for review (信息审核) in the same step. Its
/// attachments (附件) are uploaded and removed by the same form, so every button saves what was typed with the change
/// (issue 12: an upload posted apart lost the draft's unsaved edits); a file chosen is uploaded whichever button is pressed.
/// </summary>
public class EditModel(GongkaiDb db, CatalogLog log, SaveCatalogDraft save, SubmitCatalogItem submit, AttachmentLimits limits,
    IWebHostEnvironment environment) : PageModel
{
    /// <summary>Whether the build installed the rich-text editor (wwwroot/lib/trix, from npm); without it the body is a plain text box.</summary>
    public bool HasRichEditor => environment.WebRootFileProvider.GetFileInfo("lib/trix/trix.umd.min.js").Exists;

    /// <summary>The channels an editor may tick; 政府网站 is always one of an item's channels.</summary>
    public static readonly IReadOnlyList<PublicationChannels> OptionalChannels =
        [PublicationChannels.Gazette, PublicationChannels.Weibo, PublicationChannels.WeChat, PublicationChannels.Other];

    /// <summary>The draft as the form posts it; checked by <see cref="SaveCatalogDraft"/>, not by MVC.</summary>
    [BindProperty] public CatalogDraft Form { get; set; } = new() { Title = "", FormedOn = default, Theme = "", Genre = Genre.Notice };
    [BindProperty] public string UnitCode { get; set; } = "";

    /// <summary>The ticked channels (the checkboxes post one value each), ORed into the draft's <see cref="CatalogDraft.Channels"/>.</summary>
    [BindProperty] public List<PublicationChannels> Channels { get; set; } = [];

    /// <summary>For a 解读: the ticked forms (one value per checkbox), ORed into <see cref="CatalogDraft.InterpretationForms"/>.</summary>
    [BindProperty] public List<Core.Participation.InterpretationForms> Forms { get; set; } = [];

    /// <summary>The policy a 解读 is drafted against before it has a 索引号 (解读三同步), shown by title.</summary>
    public string? InterpretsTitle { get; private set; }

    /// <summary>The file chosen in the form's 附件 section; none when the field was left empty.</summary>
    [BindProperty] public IFormFile? Upload { get; set; }

    /// <summary>The file chosen, if any (a browser posts an empty file field as a nameless part).</summary>
    private IFormFile? Chosen => Upload is { Length: > 0 } or { FileName.Length: > 0 } ? Upload : null;

    /// <summary>The attachment whose 删除 button was pressed.</summary>
    [BindProperty] public Guid? Detach { get; set; }
    public Guid? Id { get; private set; }
    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];
    public AttachmentLimits Limits => limits;

    /// <summary>Only the upload was refused: its problems show next to the file field only, not above the draft's form.</summary>
    public bool OnlyUploadRefused => ModelState.Where(e => e.Value!.Errors.Count > 0).All(e => e.Key == nameof(Upload));

    /// <summary>保存并提交审核 saved the draft but the review step refused it.</summary>
    public bool SavedOnly { get; private set; }
    public DateOnly Today => log.Today;
    public List<SelectListItem> Units { get; private set; } = [];

    public IEnumerable<SelectListItem> Themes =>
        CatalogTerms.Themes.Contains(Form.Theme) || string.IsNullOrWhiteSpace(Form.Theme)
            ? CatalogTerms.Themes.Select(t => new SelectListItem(t, t))
            : CatalogTerms.Themes.Select(t => new SelectListItem(t, t)).Prepend(new SelectListItem(Form.Theme, Form.Theme));

    public static IEnumerable<SelectListItem> Genres => Enum.GetValues<Genre>().Select(g => new SelectListItem(g.ChineseName(), g.ToString()));
    public static IEnumerable<SelectListItem> Attributes =>
        Enum.GetValues<DisclosureAttribute>().Select(a => new SelectListItem(a.ChineseName(), a.ToString()));
    public static IEnumerable<SelectListItem> Validities => Enum.GetValues<Validity>().Select(v => new SelectListItem(v.ChineseName(), v.ToString()));

    /// <param name="interprets">起草解读 from a policy's page: a new 解读 of that policy (解读三同步, before or after it is published).</param>
    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? interprets)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanEditCatalog)
            return Forbid();
        if (id is not null && await FillAsync(id.Value, scope) is { } elsewhere)
            return elsewhere;
        if (id is null && interprets is { } policyId && await log.FindAsync(policyId, scope) is { Genre: not Genre.Interpretation } policy)
        {
            Form = Form with
            {
                Title = $"《{policy.Title}》政策解读",
                Genre = Genre.Interpretation,
                Theme = policy.Theme,
                FormedOn = log.Today,
                InterpretsIndexNumber = policy.IndexNumber ?? "",
                InterpretsId = policy.IndexNumber is null ? policy.Id : null,
            };
            UnitCode = policy.Unit.Code;
            Forms = [Core.Participation.InterpretationForms.Text];
        }
        await LoadAsync(id);
        return Page();
    }

    /// <summary>Fills the form from the stored draft; null, or 404, or the item's page when it is no longer a draft.</summary>
    private async Task<IActionResult?> FillAsync(Guid id, StaffScope scope)
    {
        var item = await log.FindAsync(id, scope);
        if (item is null)
            return NotFound();
        if (item.State != CatalogState.Draft)
        {
            TempData["Message"] = $"该信息当前为“{item.State.ChineseName()}”，只有草稿可以修改。";
            return Redirect($"/office/catalog/{item.Id}");
        }
        (Form, UnitCode) = (item.Draft(), item.Unit.Code);
        Channels = [.. OptionalChannels.Where(c => item.Channels.HasFlag(c))];
        Forms = [.. Core.Participation.InterpretationRule.EachForm.Where(f => item.InterpretationForms.HasFlag(f))];
        return null;
    }

    private enum Then { ShowItem, Submit, KeepEditing }

    public Task<IActionResult> OnPostAsync(Guid? id) => SaveAsync(id, Then.ShowItem);

    /// <summary>保存并提交审核: two steps; when the review step refuses, the saved draft stays open in the form.</summary>
    public Task<IActionResult> OnPostSubmitAsync(Guid? id) => SaveAsync(id, Then.Submit);

    /// <summary>上传: the draft saved with the file chosen, back to the form.</summary>
    public async Task<IActionResult> OnPostAttachAsync(Guid? id)
    {
        if (Chosen is not null || !ModelState.IsValid)
            return await SaveAsync(id, Then.KeepEditing);
        ModelState.AddModelError(nameof(Upload), "请选择要上传的文件。");   // save nothing: the form comes back as it was typed
        await LoadAsync(id);
        return Page();
    }

    /// <summary>An attachment's 删除: the draft saved without it, back to the form.</summary>
    public Task<IActionResult> OnPostDetachAsync(Guid? id) => SaveAsync(id, Then.KeepEditing);

    private async Task<IActionResult> SaveAsync(Guid? id, Then then)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanEditCatalog)
            return Forbid();
        var file = Chosen;
        if (!ModelState.IsValid)
        {
            this.ExplainBindingErrors();   // save nothing
            await LoadAsync(id);
            return Page();
        }
        var draft = Form with
        {
            Channels = Channels.Aggregate(PublicationChannels.Website, (all, c) => all | c),
            InterpretationForms = Forms.Aggregate(Core.Participation.InterpretationForms.None, (all, f) => all | f),
        };
        var detached = Detach is { } detach && id is { } itemId
            ? await db.CatalogAttachments.Where(a => a.Id == detach && a.ItemId == itemId).Select(a => a.FileName).SingleOrDefaultAsync()
            : null;
        await using var content = file?.OpenReadStream();
        var upload = file is null ? null : new AttachmentUpload(file.FileName, file.Length, content!);
        var saved = await save.HandleAsync(new(id, UnitCode, draft, upload, Detach), scope);
        if (Refused(saved) is { } refused)
            return refused;
        if (!saved.Succeeded)
        {
            if (file is not null && ModelState[nameof(Upload)] is not { Errors.Count: > 0 })
                ModelState.AddModelError(nameof(Upload), $"附件《{file.FileName}》未上传：草稿有需要改正之处（见上），改正后请重新选择文件。");
            await LoadAsync(id);
            return Page();
        }
        var item = saved.Value!;
        var message = $"已保存草稿“{item.Title}”"
            + (detached is null ? "" : $"，删除了附件《{detached}》")
            + (upload is null ? "" : $"，上传了附件《{AttachmentRules.SafeFileName(upload.FileName)}》") + "。";
        if (then == Then.KeepEditing)
        {
            TempData["Message"] = message;
            return Redirect($"/office/catalog/edit/{item.Id}#attachments");
        }
        if (then == Then.ShowItem)
            return Done(item, message);
        var submitted = await submit.HandleAsync(item.Id, scope);
        if (submitted.Succeeded)
            return Done(item, $"已保存并提交审核：“{item.Title}”。");
        SavedOnly = true;
        Refused(submitted);
        await LoadAsync(item.Id);
        return Page();
    }

    /// <summary>403 or 404 for a refused or missing item; otherwise puts each problem on its field and returns null.</summary>
    private IActionResult? Refused(Outcome<CatalogItem> outcome)
    {
        if (outcome.Kind == OutcomeKind.Denied)
            return Forbid();
        if (outcome.Kind == OutcomeKind.Missing)
            return NotFound();
        foreach (var problem in outcome.Problems)
            ModelState.AddModelError(problem.Field switch { "UnitCode" => "UnitCode", "File" => nameof(Upload), "" or "State" => "", var f => $"Form.{f}" }, problem.Message);
        return null;
    }

    private RedirectResult Done(CatalogItem item, string message)
    {
        TempData["Message"] = message;
        return Redirect($"/office/catalog/{item.Id}");
    }

    private async Task LoadAsync(Guid? id)
    {
        Id = id;
        var scope = HttpContext.StaffScope();
        Units = await UnitChoices.InScopeAsync(db, scope, r => r.Code);
        var path = scope.ScopePath;
        if (id is { } itemId && await db.CatalogItems.Within(path).AnyAsync(i => i.Id == itemId))
            Attachments = await CatalogAttachment.RowsOf(db, itemId).ToListAsync();
        if (Form.InterpretsId is { } policyId)
            InterpretsTitle = await db.CatalogItems.Within(path).Where(i => i.Id == policyId).Select(i => i.Title).SingleOrDefaultAsync();
    }
}
