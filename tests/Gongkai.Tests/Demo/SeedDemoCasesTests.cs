using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Reports;
using Gongkai.Core.Cases;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Demo;

/// <summary>Demo reconsideration and litigation cases: table 四 of the demo reports counts something, and the checks hold.</summary>
public class SeedDemoCasesTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Demo_cases_should_follow_refusals_once_and_fill_table_four_of_the_city_report(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        await new SeedDemoApplications(db, test.Get<OfficialCalendar>(scope), test.Clock).HandleAsync();
        var seed = test.Get<SeedDemoCases>(scope);
        var added = await seed.HandleAsync();
        Assert.InRange(added, 20, 300);   // against about one refusal in seven over the demo years
        Assert.Equal(0, await seed.HandleAsync());   // once

        var cases = await db.ReviewCases.AsNoTracking().Include(c => c.Application).ToListAsync();
        Assert.Equal(added, cases.Count);
        Assert.All(cases, c =>
        {
            Assert.NotNull(c.Application);
            Assert.True(c.FiledOn > c.Application!.AnsweredOn && c.FiledOn <= Today);   // a challenge follows the answer
            Assert.Equal(c.DecidedOn is null, c.Result == CaseResult.Pending);
        });
        Assert.Contains(cases, c => c.Kind == CaseKind.Reconsideration);
        Assert.Contains(cases, c => c.Kind != CaseKind.Reconsideration);

        var year = cases.GroupBy(c => c.FiledOn.Year).OrderByDescending(g => g.Count()).First().Key;
        var report = (await test.Get<CompileReport>(scope).HandleAsync(SeedDemoData.CityCode, year, ReportScope.Jurisdiction)).Value!;
        var tableFour = new[] { "reconsideration", "litigation.direct", "litigation.after_reconsideration" }
            .Sum(g => report.Figures[$"t4.{g}.total"]!.Value.Value);
        Assert.True(tableFour > 0);
        Assert.DoesNotContain(report.Findings, f => f.Rule.StartsWith("t4", StringComparison.Ordinal));
    }
}
