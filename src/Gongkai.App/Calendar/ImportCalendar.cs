using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Calendar;

/// <summary>
/// Loads a year's holiday arrangement without a release (`gongkai calendar import FILE.json`, the office's 工作日历 page).
/// The years in the file replace what was there for them; every open application's due date is recomputed and each
/// one that moves gets a log entry saying so; the import itself is recorded. All in one transaction.
/// </summary>
public sealed class ImportCalendar(GongkaiDb db, ApplicationLog log, TimeProvider clock)
{
    public sealed record Result(IReadOnlyList<int> Years, int OpenApplications, int DueDatesMoved);

    public async Task<Outcome<Result>> HandleAsync(string json, string actorName, CancellationToken ct = default)
    {
        var (years, problems) = CalendarFile.Parse(json);
        if (problems.Count > 0)
            return Outcome<Result>.Invalid([.. problems.Select(p => new Problem("file", p))]);

        var numbers = years.Select(y => y.Year).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.CalendarDays.RemoveRange(await db.CalendarDays.Where(d => numbers.Contains(d.Year)).ToListAsync(ct));
        foreach (var year in years)
        {
            db.CalendarDays.AddRange(year.Holidays.Select(d => new CalendarDay { Date = d, Year = year.Year, IsWorkday = false }));
            db.CalendarDays.AddRange(year.Workdays.Select(d => new CalendarDay { Date = d, Year = year.Year, IsWorkday = true }));
        }
        var kept = await db.CalendarDays.AsNoTracking().Where(d => !numbers.Contains(d.Year)).ToListAsync(ct);
        var calendar = new WorkCalendar(OfficialCalendar.Merge(OfficialCalendar.BundledYears.Where(y => !numbers.Contains(y.Year)), kept).Concat(years));

        var open = await db.Applications.Include(a => a.Log)
            .Where(a => a.State != ApplicationState.Answered && a.ReceivedOn != null).ToListAsync(ct);
        var moved = open.Count(a => log.Recompute(a, calendar, actorName));
        db.CalendarImports.Add(new CalendarImport
        {
            ImportedAt = clock.GetUtcNow().UtcDateTime,
            ImportedBy = actorName,
            Years = string.Join(",", numbers),
            DueDatesMoved = moved,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<Result>.Done(new Result(numbers, open.Count, moved));
    }
}
