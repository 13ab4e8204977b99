using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Reports;
using Gongkai.Core.Reports;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Demo;

/// <summary>The demo city's annual reports (issue 5): the last three years and this one compile, pass their checks, and show 同比.</summary>
public class SeedDemoReportsTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_demo_city_reports_of_recent_years_should_compile_without_errors_and_compare_with_the_year_before(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        await new SeedDemoApplications(db, test.Get<OfficialCalendar>(scope), test.Clock).HandleAsync();
        await test.Get<SeedDemoCases>(scope).HandleAsync();
        var figures = test.Get<SeedDemoReportFigures>(scope);
        Assert.True(await figures.HandleAsync() > 0);
        Assert.Equal(0, await figures.HandleAsync());   // once

        var compile = test.Get<CompileReport>(scope);
        for (var year = Today.Year - 2; year <= Today.Year; year++)
        {
            var report = (await compile.HandleAsync(SeedDemoData.CityCode, year, ReportScope.Jurisdiction)).Value!;
            Assert.Empty(report.Findings.Where(f => f.Severity == Severity.Error).Select(f => $"{year}: {f.Message}"));
            Assert.InRange(report.Figures["t3.received.total"]!.Value.Value, year == Today.Year ? 200 : 280, 450);
            Assert.True(report.Figures["t3.carried_over.total"]!.Value.Value > 0, $"{year}: applications carried over from {year - 1}");
            Assert.True(report.Figures["t2.licensing.decisions"]!.Value.Value > 0, $"{year}: 行政许可 entered for the demo units");
            var received = report.Changes.Single(c => c.Key == "applications.received");
            Assert.True(received.LastYear.Value > 0, $"{year}: 同比 against {year - 1}");
            Assert.Contains(report.Changes, c => c.Key == "reconsideration.total");
        }
    }
}

public class SeedDemoPublishedReportsTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_demo_should_publish_the_last_two_years_reports_mostly_in_time_with_text_that_matches_the_tables(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2026, 11, 20));
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        await new SeedDemoApplications(db, test.Get<OfficialCalendar>(scope), test.Clock).HandleAsync();
        await test.Get<SeedDemoCases>(scope).HandleAsync();
        await test.Get<SeedDemoReportFigures>(scope).HandleAsync();
        var seed = test.Get<SeedDemoReports>(scope);
        var published = await seed.HandleAsync();
        Assert.Equal(0, await seed.HandleAsync());   // once

        var reports = await db.AnnualReports.AsNoTracking().Include(r => r.Unit).ToListAsync();
        Assert.Equal(published, reports.Count);
        Assert.Equal([2024, 2025], reports.Select(r => r.Year).Distinct().Order());
        Assert.All(reports, r =>
        {
            Assert.Equal(AnnualReportState.Published, r.State);
            Assert.DoesNotContain(r.PublishedFindings(), f => f.Severity == Severity.Error);   // the text quotes the tables rightly
            Assert.Null(r.OverrideReason);
        });
        var timeliness = reports.Select(r => PublicationTimelinessRules.Of(ReportDeadline.For(r.Unit.Kind, r.Year),
            DateOnly.FromDateTime(r.FirstPublishedAt!.Value.AddHours(8)), new DateOnly(2026, 11, 20))).ToList();
        Assert.True(timeliness.Count(t => t == PublicationTimeliness.OnTime) > timeliness.Count * 3 / 4);
        Assert.Contains(PublicationTimeliness.Late, timeliness);
        var city = reports.Single(r => r.Unit.Code == SeedDemoData.CityCode && r.Year == 2025);
        Assert.Equal(ReportScope.Jurisdiction, city.Scope);
        Assert.Contains(city.PublishedReport().Changes, c => c.Key == "applications.received");    // 同比 kept in the snapshot
    }
}
