using Gongkai.App;
using Gongkai.App.Cases;
using Gongkai.App.Data;
using Gongkai.Core.Cases;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Cases;

/// <summary>
/// The reconsideration and litigation cases of the account's subtree, newest first; for one year, the cases of that
/// year's table 四 with the column each counts in (the year-end rule, <see cref="CaseCounting.StateAtYearEnd"/>).
/// </summary>
public class IndexModel(GongkaiDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string CaseNumber, CaseKind Kind, string Unit, string ReviewingBody, DateOnly FiledOn,
        DateOnly? DecidedOn, CaseResult Result, CaseResult? YearEnd, bool Counted, string? TrackingCode);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public CaseKind? Kind { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public bool CanRecord { get; private set; }

    /// <summary>For one year: the counted cases by kind and year-end column, as the table 四 of the listed units together.</summary>
    public int Count(CaseKind kind, CaseResult? result) =>
        Rows.Count(r => r.Counted && r.Kind == kind && r.YearEnd is { } state && (result is null || state == result));

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        CanRecord = scope.CanRecordCases;
        if (!ModelState.IsValid)
            (Year, Kind) = (null, null);
        var inScope = db.ReviewCases.AsNoTracking().InScope(scope);
        var first = await inScope.MinAsync(c => (DateOnly?)c.FiledOn);
        var thisYear = clock.Today().Year;
        Years = [.. Enumerable.Range(first?.Year ?? thisYear, thisYear - (first?.Year ?? thisYear) + 1).Reverse()];
        var items = await inScope.InReportYear(Year).OfKind(Kind).Listed()
            .Select(c => new { c.Id, c.CaseNumber, c.Kind, Unit = c.Unit.ShortName, c.ReviewingBody, c.FiledOn, c.DecidedOn, c.Result, c.Counted, TrackingCode = c.Application!.TrackingCode })
            .ToListAsync();
        Rows = [.. items.Select(c => new Row(c.Id, c.CaseNumber, c.Kind, c.Unit, c.ReviewingBody, c.FiledOn, c.DecidedOn, c.Result,
            Year is { } y ? CaseCounting.StateAtYearEnd(c.FiledOn, c.DecidedOn, c.Result, y) : null, c.Counted, c.TrackingCode))];
    }
}
