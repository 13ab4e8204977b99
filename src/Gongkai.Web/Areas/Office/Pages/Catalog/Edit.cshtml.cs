using Gongkai.App;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Gongkai.Web.Areas.Office.Pages.Catalog;

/// <summary>An editor (信息发布) writes a new draft or changes one; it can be sent for review (信息审核) in the same step.</summary>
public class EditModel(GongkaiDb db, CatalogLog log, SaveCatalogDraft save, SubmitCatalogItem submit) : PageModel
{
    /// <summary>The channels an editor may tick; 政府网站 is always one of an item's channels.</summary>
    public static readonly IReadOnlyList<PublicationChannels> OptionalChannels =
        [PublicationChannels.Gazette, PublicationChannels.Weibo, PublicationChannels.WeChat, PublicationChannels.Other];

    /// <summary>The draft as the form posts it; checked by <see cref="SaveCatalogDraft"/>, not by MVC.</summary>
    [BindProperty] public CatalogDraft Form { get; set; } = new() { Title = "", FormedOn = default, Theme = "", Genre = Genre.Notice };
    [BindProperty] public string UnitCode { get; set; } = "";

    /// <summary>The ticked channels (the checkboxes post one value each), ORed into the draft's <see cref="CatalogDraft.Channels"/>.</summary>
    [BindProperty] public List<PublicationChannels> Channels { get; set; } = [];
    public Guid? Id { get; private set; }

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

    public async Task<IActionResult> OnGetAsync(Guid? id)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanEditCatalog)
            return Forbid();
        if (id is not null)
        {
            var item = await log.FindAsync(id.Value, scope);
            if (item is null)
                return NotFound();
            if (item.State != CatalogState.Draft)
            {
                TempData["Message"] = $"该信息当前为“{item.State.ChineseName()}”，只有草稿可以修改。";
                return Redirect($"/office/catalog/{item.Id}");
            }
            (Form, UnitCode) = (item.Draft(), item.Unit.Code);
            Channels = [.. OptionalChannels.Where(c => item.Channels.HasFlag(c))];
        }
        await LoadAsync(id);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(Guid? id) => SaveAsync(id, thenSubmit: false);

    /// <summary>保存并提交审核: two steps; when the review step refuses, the saved draft stays open in the form.</summary>
    public Task<IActionResult> OnPostSubmitAsync(Guid? id) => SaveAsync(id, thenSubmit: true);

    private async Task<IActionResult> SaveAsync(Guid? id, bool thenSubmit)
    {
        var scope = HttpContext.StaffScope();
        if (!scope.CanEditCatalog)
            return Forbid();
        if (!ModelState.IsValid)
        {
            // Only a hand-made request gets here (the form posts dates and listed values): say so in Chinese, save nothing.
            foreach (var (key, entry) in ModelState.Where(e => e.Value!.Errors.Count > 0).ToList())
            {
                entry!.Errors.Clear();
                entry.Errors.Add(key.EndsWith("On", StringComparison.Ordinal) ? "请填写有效的日期（年-月-日）。" : "请从列表中选择。");
            }
            await LoadAsync(id);
            return Page();
        }
        var draft = Form with { Channels = Channels.Aggregate(PublicationChannels.Website, (all, c) => all | c) };
        var saved = await save.HandleAsync(new(id, UnitCode, draft), scope);
        if (Refused(saved) is { } refused)
            return refused;
        if (!saved.Succeeded)
        {
            await LoadAsync(id);
            return Page();
        }
        var item = saved.Value!;
        if (!thenSubmit)
            return Done(item, $"已保存草稿“{item.Title}”。");
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
            ModelState.AddModelError(problem.Field switch { "UnitCode" => "UnitCode", "" or "State" => "", var f => $"Form.{f}" }, problem.Message);
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
        Units = await UnitChoices.InScopeAsync(db, HttpContext.StaffScope(), r => r.Code);
    }
}
