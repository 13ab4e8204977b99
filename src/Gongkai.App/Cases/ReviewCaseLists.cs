using Gongkai.App.Units;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Cases;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Cases;

/// <summary>The choices of cases shared by the office pages, the staff API and the report.</summary>
public static class ReviewCaseLists
{
    /// <summary>A case with its unit, application and log, if it lies inside the actor's scope.</summary>
    public static Task<ReviewCase?> FindCaseAsync(this GongkaiDb db, Guid id, StaffScope actor, CancellationToken ct = default)
    {
        var scope = actor.ScopePath;
        return db.ReviewCases.Include(c => c.Unit).Include(c => c.Application).Include(c => c.Log.OrderBy(e => e.Sequence))
            .Within(scope).SingleOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>The cases of the actor's subtree.</summary>
    public static IQueryable<ReviewCase> InScope(this IQueryable<ReviewCase> cases, StaffScope actor)
    {
        var scope = actor.ScopePath;
        return cases.Within(scope);
    }

    /// <summary>
    /// The cases that belong in table 四 of <paramref name="year"/>'s report by <see cref="CaseCounting.StateAtYearEnd"/>:
    /// filed by 31 December and not decided before 1 January (the same rule, as a query). Cases a unit does not count
    /// under 201号 are included; narrow with <see cref="ReviewCase.Counted"/>.
    /// </summary>
    public static IQueryable<ReviewCase> InReportYear(this IQueryable<ReviewCase> cases, int? year)
    {
        if (year is not { } y)
            return cases;
        if (y is < 1 or > 9999)
            return cases.Where(c => false);   // no date has that year (0, 10000, -99999)
        var (first, last) = ReportForms.YearBounds(y);
        return cases.Where(c => c.FiledOn <= last && (c.DecidedOn == null || c.DecidedOn >= first));
    }

    /// <summary>As the lists show them: newest filing first, by case number within a day, at most 1,000.</summary>
    public static IQueryable<ReviewCase> Listed(this IQueryable<ReviewCase> cases) =>
        cases.OrderByDescending(c => c.FiledOn).ThenBy(c => c.CaseNumber).Take(1000);

    public static IQueryable<ReviewCase> OfKind(this IQueryable<ReviewCase> cases, CaseKind? kind) =>
        kind is { } k ? cases.Where(c => c.Kind == k) : cases;
}
