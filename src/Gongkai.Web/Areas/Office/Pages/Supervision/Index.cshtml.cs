using Gongkai.App.Units;
using Gongkai.App;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.Core.Applications;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Supervision;

/// <summary>
/// 督办: per unit of the subtree, the open applications due within 5 working days and those overdue; and the open
/// letters due soon, overdue, approaching and past the 3-month veto, each figure a link to the letters inbox.
/// </summary>
public class IndexModel(GongkaiDb db, OfficialCalendar calendars, OfficeLetters letters, TimeProvider clock) : PageModel
{
    public sealed record Item(Guid Id, string TrackingCode, DateOnly DueOn, int DaysLeft);

    public sealed record UnitLine(string Name, int Open, List<Item> DueSoon, List<Item> Overdue);

    public sealed record LetterLine(string Name, string Code, OfficeLetters.UnitFlags Flags);

    public IReadOnlyList<UnitLine> Units { get; private set; } = [];
    public IReadOnlyList<LetterLine> Letters { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        Today = clock.Today();
        var calendar = await calendars.GetAsync(db);
        var units = (await scope.UnitsIn(db).InTreeOrderAsync()).Select(u => new { u.Id, u.FullName, u.Code }).ToList();
        var open = await db.Applications.AsNoTracking()
            .Within(scope).Where(a => a.State != ApplicationState.Answered)
            .Select(a => new { a.Id, a.UnitId, a.TrackingCode, a.DueOn }).ToListAsync();
        var byUnit = open.ToLookup(a => a.UnitId);
        Units = [.. units.Select(u =>
        {
            var items = byUnit[u.Id].Where(a => a.DueOn is not null)
                .Select(a => new Item(a.Id, a.TrackingCode, a.DueOn!.Value, DeadlineClock.WorkingDaysLeft(calendar, Today, a.DueOn.Value)))
                .OrderBy(i => i.DueOn).ToList();
            return new UnitLine(u.FullName, byUnit[u.Id].Count(), [.. items.Where(i => DeadlineClock.IsDueSoon(i.DaysLeft))], [.. items.Where(i => i.DaysLeft < 0)]);
        })];
        var flags = await letters.FlagsByUnitAsync(scope);
        Letters = [.. units.Where(u => flags.ContainsKey(u.Id)).Select(u => new LetterLine(u.FullName, u.Code, flags[u.Id]))];
    }
}
