using System.Globalization;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo seed`, after <see cref="SeedDemoData"/>: the table 二 figures other systems hold — 行政许可, 行政处罚 and
/// 行政强制 decisions, 行政事业性收费 (万元) — for every demo government and department and the last three years and this
/// one, imported as an office would import them (<see cref="SaveEnteredFigures.ImportAsync"/>). Towns get none (they
/// decide few). The same figures for the same day (fixed seed). Adds nothing when any figures were entered.
/// </summary>
public sealed class SeedDemoReportFigures(GongkaiDb db, SaveEnteredFigures save, TimeProvider clock)
{
    /// <summary>The generator's seed: 条例第二十条, the items table 二 reports.</summary>
    private const int Seed = 20;

    /// <returns>How many cells were entered.</returns>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        if (await db.ReportFigureEntries.AnyAsync(ct) || !await db.Units.AnyAsync(u => u.Code == SeedDemoData.CityCode, ct))
            return 0;
        var units = await db.Units.AsNoTracking().Where(u => u.Kind == UnitKind.Government || u.Kind == UnitKind.Department)
            .OrderBy(u => u.Path).Select(u => new { u.Code, u.Kind }).ToListAsync(ct);
        var (random, today, line) = (new Random(Seed), clock.Today(), 1);
        var rows = new List<SaveEnteredFigures.Row>();
        foreach (var unit in units)
        {
            // A unit's volume is its own; each year moves it by up to a fifth.
            var scale = unit.Kind == UnitKind.Government ? random.Next(150, 400) : random.Next(20, 250);
            for (var year = today.Year - 3; year <= today.Year; year++)
            {
                var drift = 0.8 + random.NextDouble() * 0.4;
                var share = year == today.Year ? (today.DayOfYear / 365.0) : 1;
                string Count(double factor) => ((int)(scale * factor * drift * share)).ToString(CultureInfo.InvariantCulture);
                void Cell(string key, string value) => rows.Add(new(++line, unit.Code, year.ToString(CultureInfo.InvariantCulture), "unit", key, value,
                    "演示数据：模拟行政审批、执法和非税收入系统的导出"));
                Cell("t2.licensing.decisions", Count(1.0));
                Cell("t2.penalties.decisions", Count(0.4 + random.NextDouble() * 0.3));
                Cell("t2.coercion.decisions", Count(0.02 + random.NextDouble() * 0.05));
                Cell("t2.fees.amount", (scale * drift * share * (0.05 + random.NextDouble() * 0.1)).ToString("0.00", CultureInfo.InvariantCulture));
            }
        }
        var outcome = await save.ImportAsync(rows, "演示数据", ct);
        return outcome.Succeeded ? outcome.Value : throw new InvalidOperationException(string.Join("; ", outcome.Problems));
    }
}
