using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.PageCache;
using Gongkai.App.Units;
using Gongkai.Web.PageCache;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Hdjl;

/// <summary>/hdjl/stats: the published figures per mailbox of a unit's mailboxes (the top unit's by default) for a year, a quarter or a month.</summary>
[OutputCache(PolicyName = PortalPageCache.Policy, Tags = [PortalAreas.Letters])]
public class StatsModel(GongkaiDb db, LetterStats stats, LetterSettings settings, TimeProvider clock) : PageModel
{
    public LetterSettings Settings => settings;

    [BindProperty(SupportsGet = true)] public string? Unit { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Quarter { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }

    public LetterStats.Report? Report { get; private set; }
    public string? Problem { get; private set; }
    public int ThisYear { get; private set; }

    /// <summary>Units whose mailboxes can be counted together: the top unit and every unit with a mailbox.</summary>
    public IReadOnlyList<(string Code, string Name)> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        ThisYear = clock.Today().Year;
        Year ??= ThisYear;
        if (Month is not null)
            Quarter = null;   // a month is narrower than its quarter
        Units = [.. (await db.Units.Where(u => u.ParentId == null || db.Mailboxes.Any(m => m.UnitId == u.Id)).InTreeOrderAsync(ct))
            .Select(u => (u.Code, u.FullName))];
        var outcome = await stats.HandleAsync(new LetterStats.Query(Unit, Year.Value, Quarter, Month, LetterStats.Grouping.Mailbox), actor: null, ct);
        if (outcome.Kind == App.OutcomeKind.Missing)
            return NotFound();
        Report = outcome.Value;
        Problem = outcome.Succeeded ? null : outcome.Problems[0].Message;
        return Page();
    }

    public static string Percent(double? rate) => rate is { } r ? $"{r:0.#}%" : "—";

    public static string Days(double? days) => days is { } d ? $"{d:0.#}" : "—";
}
