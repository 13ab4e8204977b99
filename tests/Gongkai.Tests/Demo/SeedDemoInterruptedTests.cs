using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Demo;

/// <summary>A demo seed that writes many records is stopped halfway (a killed process): it leaves none, and the next run seeds them all.</summary>
public class SeedDemoInterruptedTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Cases_and_reports_stopped_after_a_few_writes_should_leave_nothing_and_be_seeded_on_the_next_run(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2026, 11, 20));
        await using (var scope = test.Scope())
        {
            await new SeedDemoApplications(test.Get<GongkaiDb>(scope), test.Get<OfficialCalendar>(scope), test.Clock).HandleAsync();
            await test.Get<SeedDemoReportFigures>(scope).HandleAsync();
        }

        await using (var scope = test.Scope())
        {
            StopAfterWrites(test.Get<GongkaiDb>(scope), 3);
            await Assert.ThrowsAsync<DbUpdateException>(() => test.Get<SeedDemoCases>(scope).HandleAsync());
        }
        await using (var scope = test.Scope())
        {
            StopAfterWrites(test.Get<GongkaiDb>(scope), 5);
            await Assert.ThrowsAsync<DbUpdateException>(() => test.Get<SeedDemoReports>(scope).HandleAsync());
        }
        await using (var scope = test.Scope())
        {
            var db = test.Get<GongkaiDb>(scope);
            Assert.Equal((0, 0), (await db.ReviewCases.CountAsync(), await db.AnnualReports.CountAsync()));
        }

        await using (var scope = test.Scope())
        {
            Assert.True(await test.Get<SeedDemoCases>(scope).HandleAsync() > 0);
            Assert.True(await test.Get<SeedDemoReports>(scope).HandleAsync() > 0);
        }
    }

    /// <summary>The context's writes after the first <paramref name="writes"/> fail, as if the process had died there.</summary>
    private static void StopAfterWrites(GongkaiDb db, int writes)
    {
        var count = 0;
        db.SavingChanges += (_, _) =>
        {
            if (++count > writes)
                throw new DbUpdateException("进程已终止（测试）");
        };
    }
}
