using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Settings;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.SiteCheck;

/// <summary>/office/site-check/websites: a unit's websites with their reachability this week; add one or change one (?id=) through <see cref="SaveWebsite"/>.</summary>
public class WebsitesModel(GongkaiDb db, SaveWebsite save, TimeProvider clock) : SiteCheckPageModel(db)
{
    public sealed class WebsiteForm
    {
        public string Name { get; set; } = "";
        public string HomeUrl { get; set; } = "";
        public string SiteCode { get; set; } = "";
        public bool Active { get; set; } = true;
    }

    public sealed record Row(Website Site, int Probes, int Failed);

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public WebsiteForm Form { get; set; } = new();
    public List<Row> Sites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (Id is { } id)
        {
            if (Sites.FirstOrDefault(r => r.Site.Id == id)?.Site is not { } site)
                return NotFound();
            Form = new() { Name = site.Name, HomeUrl = site.HomeUrl, SiteCode = site.SiteCode, Active = site.Active };
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
            var outcome = await save.HandleAsync(new(Id, Current.Code, Form.Name, Form.HomeUrl, Form.SiteCode, Form.Active), HttpContext.StaffScope(), HttpContext.RequestAborted);
            if (this.Finish(outcome, nameof(Form), w => $"已保存网站“{w.Name}”。", Link("/websites")) is { } finished)
                return finished;
        }
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (!await LoadUnitAsync())
            return false;
        var since = clock.GetUtcNow().UtcDateTime.AddDays(-Core.SiteCheck.SiteCheckRules.MonitorDays);
        var sites = await Db.Websites.AsNoTracking().Where(w => w.UnitId == Current.Id).OrderBy(w => w.CreatedAt).ToListAsync();
        var ids = sites.Select(s => s.Id).ToList();
        var probes = await Db.SiteProbes.Where(p => ids.Contains(p.WebsiteId) && p.At >= since).GroupBy(p => p.WebsiteId)
            .Select(g => new { g.Key, Count = g.Count(), Failed = g.Count(p => !p.Ok) }).ToDictionaryAsync(g => g.Key);
        Sites = [.. sites.Select(s => new Row(s, probes.GetValueOrDefault(s.Id)?.Count ?? 0, probes.GetValueOrDefault(s.Id)?.Failed ?? 0))];
        return true;
    }
}
