using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.Core.Letters;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Web.Areas.Office.Pages.Letters.Stats;

/// <summary>The letters behind one figure of the statistics (<see cref="LetterStats.LettersAsync"/>), as the annual report's cells drill down.</summary>
public class LettersModel(GongkaiDb db, LetterStats stats, TimeProvider clock) : PageModel
{
    public const int Max = 1000;

    [BindProperty(SupportsGet = true)] public StatsQuery Query { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Key { get; set; }
    [BindProperty(SupportsGet = true)] public LetterFigure Figure { get; set; }
    public IReadOnlyList<LetterStats.LetterRow> Rows { get; private set; } = [];
    public string Period { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var query = await Query.ResolveAsync(db, HttpContext.StaffScope(), clock.Today().Year);
        var outcome = await stats.LettersAsync(query, Key, Figure, HttpContext.StaffScope(), Max);
        switch (outcome.Kind)
        {
            case OutcomeKind.Missing:
                return NotFound();
            case OutcomeKind.Denied:
                return Forbid();
            case OutcomeKind.Invalid:
                return BadRequest(outcome.Problems[0].Message);
        }
        (Rows, Period) = (outcome.Value!, StatsQuery.PeriodName(query));
        return Page();
    }
}
