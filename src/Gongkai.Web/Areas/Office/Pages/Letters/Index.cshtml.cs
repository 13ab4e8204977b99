using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.Core.Letters;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Letters;

/// <summary>
/// The letters inbox: letters handled by a unit of the account's scope, open ones by default, nearest due date first
/// (<see cref="OfficeLetters"/>), one page at a time, with 即将到期 / 已逾期 / 临近三个月 / 超过三个月未答复 in words.
/// </summary>
public class IndexModel(GongkaiDb db, OfficeLetters inbox) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Mailbox { get; set; }
    [BindProperty(SupportsGet = true)] public string? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Flag { get; set; }
    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>?page=, from the query string only: Razor Pages keep a route value named "page" (the page's path), which a
    /// bound property of that name would read instead, always staying on the first page.</summary>
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public OfficeLetters.Page Result { get; private set; } = null!;
    public List<SelectListItem> Mailboxes { get; private set; } = [];
    public string? UnitName { get; private set; }

    public static IEnumerable<SelectListItem> States =>
        [new("未办结（待受理、办理中、待审核）", "open"), .. Enum.GetValues<LetterState>().Select(s => new SelectListItem(s.ChineseName(), s.ToString())), new("全部", "all")];

    public static IEnumerable<SelectListItem> Types => Enum.GetValues<LetterType>().Select(t => new SelectListItem(t.ChineseName(), t.ToString()));

    public static IEnumerable<SelectListItem> Flags => Enum.GetValues<LetterFlag>().Select(f => new SelectListItem(f.ChineseName(), f.ToString()));

    public async Task OnGetAsync()
    {
        var flag = Enum.TryParse<LetterFlag>(Flag, true, out var f) && Enum.IsDefined(f) ? f : (LetterFlag?)null;
        Result = await inbox.HandleAsync(new(State, Mailbox, LetterTerms.ParseType(Type), flag, Q, Unit), HttpContext.StaffScope(), PageNumber);
        Mailboxes = [.. (await db.Mailboxes.AsNoTracking().OrderBy(m => m.SortOrder).ThenBy(m => m.Name).Select(m => new { m.Name, m.Unit.Code }).ToListAsync())
            .Select(m => new SelectListItem(m.Name, m.Code)), new SelectListItem("我为政府网站找错", WriteLetter.ErrorChannel)];
        if (!string.IsNullOrWhiteSpace(Unit))
            UnitName = await db.Units.AsNoTracking().Where(u => u.Code == Unit).Select(u => u.FullName).SingleOrDefaultAsync();
    }

    /// <summary>This page's address with the filters kept and the page number changed.</summary>
    public string PageUrl(int page, bool keepUnit = true) => QueryString.Create(new Dictionary<string, string?>
    {
        ["state"] = State, ["mailbox"] = Mailbox, ["type"] = Type, ["flag"] = Flag, ["unit"] = keepUnit ? Unit : null, ["q"] = Q, ["page"] = page.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToString();
}
