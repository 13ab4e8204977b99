using System.Globalization;
using System.Text;
using Gongkai.App.Data;
using Gongkai.App.SiteCheck.Scorecards;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Areas.Office.Pages.SiteCheck;

/// <summary>/office/site-check/history: a unit's runs over time, as a table and a line of scores drawn on the server (SVG, with a text alternative).</summary>
public class HistoryModel(GongkaiDb db, ShowHistory history) : SiteCheckPageModel(db)
{
    public ShowHistory.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadUnitAsync())
            return NotFound();
        var outcome = await history.HandleAsync(Current.Code, HttpContext.StaffScope(), HttpContext.RequestAborted);
        if (!outcome.Succeeded)
            return NotFound();
        View = outcome.Value!;
        return Page();
    }

    public const int Width = 640, Height = 200, Pad = 30;

    /// <summary>The polyline's points: x by run, y by score (0 at the bottom, the highest possible at the top).</summary>
    public string Points()
    {
        var runs = View.Runs;
        var top = Math.Max(100, runs.Max(r => r.Score));
        var text = new StringBuilder();
        for (var i = 0; i < runs.Count; i++)
        {
            var x = Pad + (runs.Count == 1 ? (Width - 2 * Pad) / 2.0 : i * (Width - 2.0 * Pad) / (runs.Count - 1));
            var y = Height - Pad - Math.Max(0, runs[i].Score) * (Height - 2.0 * Pad) / top;
            text.Append(CultureInfo.InvariantCulture, $"{x:0.#},{y:0.#} ");
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>The y of a score on the chart.</summary>
    public double Y(int score) => Height - Pad - score * (Height - 2.0 * Pad) / Math.Max(100, View.Runs.Max(r => r.Score));
}
