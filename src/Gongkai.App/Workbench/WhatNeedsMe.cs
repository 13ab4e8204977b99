using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Calendar;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.Reports;
using Gongkai.App.Units;
using Gongkai.Core.Accounts;
using Gongkai.Core.Applications;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Core.Reports;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Workbench;

/// <summary>
/// 工作台: what needs the account today, inside its unit subtree and by its roles — applications due within
/// <see cref="ClockRules.DueSoonDays"/> working days and overdue, letters likewise (<see cref="LetterClock"/>), catalog
/// items waiting for review (reviewers) or still drafts (editors), and last year's annual reports not yet published
/// (<see cref="ReportDeadline"/>). Every figure is a count the database answers from an index; each has a filtered list.
/// </summary>
public sealed class WhatNeedsMe(GongkaiDb db, OfficialCalendar calendars, OfficeLetters letters, OfficeCatalog catalog, TimeProvider clock)
{
    /// <summary>Open applications: online ones whose receipt is unconfirmed, due soon, overdue.</summary>
    public sealed record ApplicationCounts(int AwaitingConfirmation, int DueSoon, int Overdue);

    public sealed record LetterCounts(int DueSoon, int Overdue);

    public sealed record CatalogCounts(long Drafts, long Submitted);

    /// <summary>Units of the subtree whose report for <paramref name="Year"/> is unpublished, before and after their deadline.</summary>
    public sealed record ReportCounts(int Year, int Due, int Overdue, DateOnly? NextDeadline);

    /// <summary>What the account sees; a part is null when none of its roles works on it.</summary>
    public sealed record Summary(DateOnly Today, ApplicationCounts? Applications, LetterCounts? Letters, CatalogCounts? Catalog, ReportCounts? Reports);

    public async Task<Summary> HandleAsync(StaffScope actor, CancellationToken ct = default)
    {
        var today = clock.Today();
        var calendar = await calendars.GetAsync(db, ct);
        var supervises = actor.Roles.Contains(StaffRole.Supervisor);

        ApplicationCounts? applications = null;
        if (actor.CanHandleApplications || supervises)
        {
            var open = db.Applications.AsNoTracking().Within(actor).Showing("open");
            applications = new(
                await open.CountAsync(a => a.State == ApplicationState.AwaitingConfirmation, ct),
                await open.DueWithin(ApplicationDue.Soon, calendar, today).CountAsync(ct),
                await open.DueWithin(ApplicationDue.Overdue, calendar, today).CountAsync(ct));
        }

        LetterCounts? letterCounts = null;
        if (actor.CanHandleLetters || supervises)
        {
            var flags = await letters.FlagsByUnitAsync(actor, ct);
            letterCounts = new(flags.Values.Sum(f => f.DueSoon), flags.Values.Sum(f => f.Overdue));
        }

        CatalogCounts? catalogCounts = null;
        if (actor.CanEditCatalog || actor.CanReviewCatalog)
        {
            var counts = await catalog.CountUnlistedAsync(actor, ct);
            catalogCounts = new(counts.GetValueOrDefault(CatalogState.Draft), counts.GetValueOrDefault(CatalogState.Submitted));
        }

        ReportCounts? reports = null;
        if (actor.CanWriteReports || supervises)
        {
            var year = today.Year - 1;
            var units = await actor.UnitsIn(db).AsNoTracking().Select(u => new { u.Id, u.Kind }).ToListAsync(ct);
            var ids = units.Select(u => u.Id).ToList();
            var published = (await db.AnnualReports.AsNoTracking()
                .Where(r => ids.Contains(r.UnitId) && r.Year == year && r.State == AnnualReportState.Published)
                .Select(r => r.UnitId).ToListAsync(ct)).ToHashSet();
            var unpublished = units.Where(u => !published.Contains(u.Id)).Select(u => ReportDeadline.For(u.Kind, year)).ToList();
            var ahead = unpublished.Where(d => d >= today).ToList();
            reports = new(year, ahead.Count, unpublished.Count - ahead.Count, ahead.Count > 0 ? ahead.Min() : null);
        }
        return new(today, applications, letterCounts, catalogCounts, reports);
    }
}
