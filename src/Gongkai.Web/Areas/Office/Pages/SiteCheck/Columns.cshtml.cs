using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Settings;
using Gongkai.Core.SiteCheck;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.SiteCheck;

/// <summary>
/// /office/site-check/columns: a unit's columns — Gongkai's own (kept by the check) and those of its other sites — each
/// with its newest date, class, what the last check said of it and why it could not be read; add an external column or
/// change one (?id=) through <see cref="SaveColumn"/> (of Gongkai's own, the class and flags only).
/// </summary>
public class ColumnsModel(GongkaiDb db, SaveColumn save) : SiteCheckPageModel(db)
{
    public sealed class ColumnForm
    {
        public string Name { get; set; } = "";
        public Guid? WebsiteId { get; set; }
        public string Url { get; set; } = "";
        public DateSource DateSource { get; set; } = DateSource.Feed;
        public string SourceUrl { get; set; } = "";
        public string DatePattern { get; set; } = "";
        public UpdateClass UpdateClass { get; set; } = UpdateClass.News;
        public bool TopLevel { get; set; } = true;
        public bool NeedsUpdates { get; set; } = true;
        public bool OnHomepage { get; set; }
        public bool Active { get; set; } = true;
        public DateOnly? NewestOn { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public ColumnForm Form { get; set; } = new();
    public List<SiteColumn> Columns { get; private set; } = [];
    public Dictionary<Guid, string> SiteNames { get; private set; } = [];

    /// <summary>What the latest run found about each column (by the column's id).</summary>
    public ILookup<string, string> Verdicts { get; private set; } = Enumerable.Empty<string>().ToLookup(x => x);

    /// <summary>When the unit was last checked: a column changed since has no verdict yet.</summary>
    public DateTime? LastRunAt { get; private set; }

    /// <summary>The column being edited when it is one of Gongkai's own: only its class and flags are on the form.</summary>
    public SiteColumn? OwnColumn { get; private set; }

    public static IEnumerable<SelectListItem> Classes => Enum.GetValues<UpdateClass>().Select(c => new SelectListItem(c.ChineseName(), c.ToString()));

    public static IEnumerable<SelectListItem> Sources =>
        new[] { DateSource.Feed, DateSource.Sitemap, DateSource.ListPage, DateSource.Entered }.Select(s => new SelectListItem(s.ChineseName(), s.ToString()));

    public IEnumerable<SelectListItem> Sites => SiteNames.Select(s => new SelectListItem(s.Value, s.Key.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (Id is { } id)
        {
            if (Columns.FirstOrDefault(c => c.Id == id) is not { } c)
                return NotFound();
            Form = new()
            {
                Name = c.Name, WebsiteId = c.WebsiteId, Url = c.Url, DateSource = c.DateSource, SourceUrl = c.SourceUrl, DatePattern = c.DatePattern,
                UpdateClass = c.UpdateClass, TopLevel = c.TopLevel, NeedsUpdates = c.NeedsUpdates, OnHomepage = c.OnHomepage, Active = c.Active, NewestOn = c.NewestOn,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (!ModelState.IsValid)
            this.ExplainBindingErrors();
        else
        {
            var f = Form;
            var outcome = await save.HandleAsync(new(Id, Current.Code, f.Name, f.WebsiteId, f.Url, f.DateSource, f.SourceUrl, f.DatePattern, f.UpdateClass,
                f.TopLevel, f.NeedsUpdates, f.OnHomepage, f.Active, f.NewestOn), HttpContext.StaffScope(), HttpContext.RequestAborted);
            if (this.Finish(outcome, nameof(Form), c => $"已保存栏目“{c.Name}”。", Link("/columns")) is { } finished)
                return finished;
        }
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (!await LoadUnitAsync())
            return false;
        Columns = await Db.SiteColumns.AsNoTracking().Where(c => c.UnitId == Current.Id)
            .OrderBy(c => c.Source == ColumnSource.External).ThenBy(c => c.Source).ThenBy(c => c.Name).ToListAsync();
        SiteNames = await Db.Websites.AsNoTracking().Where(w => w.UnitId == Current.Id).OrderBy(w => w.CreatedAt).ToDictionaryAsync(w => w.Id, w => w.Name);
        var lastRun = await Db.SiteCheckRuns.Where(r => r.UnitId == Current.Id).OrderByDescending(r => r.At).Select(r => new { r.Id, r.At }).FirstOrDefaultAsync();
        LastRunAt = lastRun?.At;
        if (lastRun?.Id is { } runId)
            Verdicts = (await Db.SiteFindings.AsNoTracking().Where(f => f.RunId == runId && f.TargetKind == "column").Select(f => new { f.TargetId, f.Title }).ToListAsync())
                .ToLookup(f => f.TargetId, f => f.Title);
        OwnColumn = Id is { } id ? Columns.FirstOrDefault(c => c.Id == id && c.Source != ColumnSource.External) : null;
        return true;
    }
}
