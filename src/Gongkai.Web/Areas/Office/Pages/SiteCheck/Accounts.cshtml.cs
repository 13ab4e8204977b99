using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.SiteCheck;
using Gongkai.App.SiteCheck.Settings;
using Gongkai.Core.SiteCheck;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.SiteCheck;

/// <summary>/office/site-check/accounts: a unit's 政务新媒体 accounts with their last post; add or change one (?id=) through <see cref="SaveAccount"/>.</summary>
public class AccountsModel(GongkaiDb db, SaveAccount save, TimeProvider clock) : SiteCheckPageModel(db)
{
    public sealed class AccountForm
    {
        public AccountPlatform Platform { get; set; } = AccountPlatform.WeChat;
        public string Name { get; set; } = "";
        public string Handle { get; set; } = "";
        public string FeedUrl { get; set; } = "";
        public AccountStatus Status { get; set; } = AccountStatus.Publishing;
        public DateOnly? ClosedOn { get; set; }
        public DateOnly? LastPostOn { get; set; }
    }

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public AccountForm Form { get; set; } = new();
    public List<NewMediaAccount> Accounts { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public static IEnumerable<SelectListItem> Platforms => Enum.GetValues<AccountPlatform>().Select(p => new SelectListItem(p.ChineseName(), p.ToString()));

    public static IEnumerable<SelectListItem> Statuses => Enum.GetValues<AccountStatus>().Select(s => new SelectListItem(s.ChineseName(), s.ToString()));

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        if (Id is { } id)
        {
            if (Accounts.FirstOrDefault(a => a.Id == id) is not { } a)
                return NotFound();
            Form = new() { Platform = a.Platform, Name = a.Name, Handle = a.Handle, FeedUrl = a.FeedUrl, Status = a.Status, ClosedOn = a.ClosedOn, LastPostOn = a.LastPostOn };
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
            var outcome = await save.HandleAsync(new(Id, Current.Code, f.Platform, f.Name, f.Handle, f.FeedUrl, f.Status, f.ClosedOn, f.LastPostOn),
                HttpContext.StaffScope(), HttpContext.RequestAborted);
            if (this.Finish(outcome, nameof(Form), a => $"已保存账号“{a.Name}”。", Link("/accounts")) is { } finished)
                return finished;
        }
        return Page();
    }

    /// <summary>Days since the last post, for a publishing account.</summary>
    public int? SilentDays(NewMediaAccount a) => a.Status == AccountStatus.Publishing && a.LastPostOn is { } last ? Today.DayNumber - last.DayNumber : null;

    private async Task<bool> LoadAsync()
    {
        if (!await LoadUnitAsync())
            return false;
        Today = clock.Today();
        Accounts = await Db.NewMediaAccounts.AsNoTracking().Where(a => a.UnitId == Current.Id).OrderBy(a => a.Status).ThenBy(a => a.Platform).ThenBy(a => a.Name).ToListAsync();
        return true;
    }
}
