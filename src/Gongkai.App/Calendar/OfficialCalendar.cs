using Gongkai.App.Data;
using Gongkai.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Calendar;

/// <summary>
/// The working-day calendar in force: the bundled cn-workdays.json (2007–2026, from the State Council notices listed
/// in its "source") with any years imported since layered over it. Built once and rebuilt when an import is recorded,
/// so a web app sees a calendar the CLI loaded beside it.
/// </summary>
public sealed class OfficialCalendar
{
    private static readonly Lazy<IReadOnlyList<CalendarYear>> Bundled = new(() =>
    {
        using var stream = typeof(OfficialCalendar).Assembly.GetManifestResourceStream("Gongkai.App.Calendar.cn-workdays.json")!;
        var (years, problems) = CalendarFile.Parse(new StreamReader(stream).ReadToEnd());
        return problems.Count == 0 ? years : throw new InvalidOperationException(string.Join("; ", problems));
    });

    private readonly Lock gate = new();
    private (int Version, WorkCalendar Calendar)? current;

    public static IReadOnlyList<CalendarYear> BundledYears => Bundled.Value;

    public async Task<WorkCalendar> GetAsync(GongkaiDb db, CancellationToken ct = default)
    {
        var version = await db.CalendarImports.MaxAsync(i => (int?)i.Id, ct) ?? 0;
        lock (gate)
        {
            if (current is { } c && c.Version == version)
                return c.Calendar;
        }
        var imported = await db.CalendarDays.AsNoTracking().ToListAsync(ct);
        var calendar = new WorkCalendar(Merge(Bundled.Value, imported));
        lock (gate)
            current = (version, calendar);
        return calendar;
    }

    internal static IEnumerable<CalendarYear> Merge(IEnumerable<CalendarYear> bundled, IEnumerable<CalendarDay> imported)
    {
        var byYear = imported.GroupBy(d => d.Year).ToDictionary(g => g.Key, g => new CalendarYear(g.Key,
            [.. g.Where(d => !d.IsWorkday).Select(d => d.Date)], [.. g.Where(d => d.IsWorkday).Select(d => d.Date)]));
        return bundled.Where(y => !byYear.ContainsKey(y.Year)).Concat(byYear.Values);
    }
}
