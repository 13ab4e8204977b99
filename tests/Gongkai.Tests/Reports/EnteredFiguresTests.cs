using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Reports;
using Gongkai.Cli;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;

namespace Gongkai.Tests.Reports;

/// <summary>
/// Figures entered or imported instead of counted (issue 5): table 二's rows held by other systems, units without
/// records in Gongkai, and the years before it (2008–2018 in the legacy 统计表), with 同比 across them.
/// </summary>
public class EnteredFiguresTests
{
    private static readonly string District = SeedDemoData.CodeOf("yy");
    private static readonly string Education = SeedDemoData.CodeOf("yy-jyj");
    private static readonly string Finance = SeedDemoData.CodeOf("yy-czj");

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<StaffScope> WriterAsync(TestDatabase db, string unit) =>
        await Cases.CaseBuilder.StaffOfAsync(db, unit, StaffRole.CatalogEditor);

    private static async Task EnterAsync(TestDatabase db, StaffScope who, string unit, int year, ReportScope scope, params (string Key, decimal? Value)[] figures)
    {
        await using var s = db.Scope();
        var saved = await db.Get<SaveEnteredFigures>(s).HandleAsync(new(unit, year, scope, figures.ToDictionary(f => f.Key, f => f.Value), "年度报告原文"), who);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
    }

    private static async Task<CompiledReport> CompileAsync(TestDatabase db, string unit, int year, ReportScope scope)
    {
        await using var s = db.Scope();
        var outcome = await db.Get<CompileReport>(s).HandleAsync(unit, year, scope);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Value!;
    }

    private static decimal V(CompiledReport report, string key) => report.Figures[key]!.Value.Value;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Entered_cells_should_join_the_counted_ones_and_add_up_over_the_jurisdiction(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await CompileReportTests.ApplicationAsync(db, "yy-jyj", "2024-03-04", "2024-03-20");
        db.Clock.SetToday(D("2025-01-10"));
        var writer = await WriterAsync(db, "yy");
        // 第二十条第（五）项 from the licensing system, for two bureaus; the 财政局 keeps its applications elsewhere.
        await EnterAsync(db, writer, Education, 2024, ReportScope.Unit, ("t2.licensing.decisions", 120), ("t2.fees.amount", 1.5m));
        await EnterAsync(db, writer, Finance, 2024, ReportScope.Unit, ("t2.licensing.decisions", 30),
            ("t3.received.natural_person", 4), ("t3.received.total", 4), ("t3.outcomes.disclosed.natural_person", 4),
            ("t3.outcomes.disclosed.total", 4), ("t3.outcomes.total.natural_person", 4), ("t3.outcomes.total.total", 4));

        var education = await CompileAsync(db, Education, 2024, ReportScope.Unit);
        Assert.Equal((120m, 1.5m, 1m), (V(education, "t2.licensing.decisions"), V(education, "t2.fees.amount"), V(education, "t3.received.total")));
        Assert.False(education.Figures.Has("t2.penalties.decisions"));             // not entered, not counted: blank
        Assert.Contains("t2.licensing.decisions", education.EnteredCells);
        Assert.DoesNotContain("t3.received.total", education.EnteredCells);

        var district = await CompileAsync(db, District, 2024, ReportScope.Jurisdiction);
        Assert.Equal(150m, V(district, "t2.licensing.decisions"));
        Assert.Equal(5m, V(district, "t3.received.total"));                          // 1 counted + 4 entered
        Assert.Equal(4m, V(district, "t3.outcomes.disclosed.natural_person") - 1);
        Assert.Empty(district.Findings);
        Assert.Equal(4m, district.Units.Single(u => u.Code == Finance).Figures["t3.received.total"]!.Value.Value);

        // Entering again replaces the unit's cells; a blank value removes one.
        await EnterAsync(db, writer, Education, 2024, ReportScope.Unit, ("t2.licensing.decisions", null), ("t2.fees.amount", 2m));
        education = await CompileAsync(db, Education, 2024, ReportScope.Unit);
        Assert.False(education.Figures.Has("t2.licensing.decisions"));
        Assert.Equal(2m, V(education, "t2.fees.amount"));
    }

    [Fact]
    public async Task Entering_should_be_refused_outside_the_form_the_year_and_the_writers_subtree()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        db.Clock.SetToday(D("2025-01-10"));
        var writer = await WriterAsync(db, "yy-jyj");
        await using var s = db.Scope();
        var save = db.Get<SaveEnteredFigures>(s);
        var wrong = await save.HandleAsync(new(Education, 2024, ReportScope.Unit, new Dictionary<string, decimal?>
        { ["t2.licensing.decisions"] = 1.5m, ["t3.nonsense"] = 1, ["t2.fees.amount"] = -2 }, null), writer);
        Assert.Equal(App.OutcomeKind.Invalid, wrong.Kind);
        Assert.Equal(3, wrong.Problems.Count);
        Assert.Contains(wrong.Problems, p => p.Field == "t2.licensing.decisions" && p.Message.Contains("整数"));
        Assert.Equal(App.OutcomeKind.Invalid, (await save.HandleAsync(new(Education, 2026, ReportScope.Unit, new Dictionary<string, decimal?>(), null), writer)).Kind);
        Assert.Equal(App.OutcomeKind.Denied, (await save.HandleAsync(new(District, 2024, ReportScope.Unit, new Dictionary<string, decimal?>(), null), writer)).Kind);
        var officer = await Cases.CaseBuilder.StaffOfAsync(db, "yy-jyj");            // 依申请办理 only
        Assert.Equal(App.OutcomeKind.Denied, (await save.HandleAsync(new(Education, 2024, ReportScope.Unit, new Dictionary<string, decimal?>(), null), officer)).Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_legacy_year_imported_from_csv_should_compile_as_entered_and_give_the_next_report_its_year_on_year(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var csv = Path.GetTempFileName();
        // The district's 2018 report (统计表) as published for the whole district, one bureau's own 2018 figures, and 2019
        // applications counted from records.
        await File.WriteAllTextAsync(csv, $"""
            单位代码,年度,范围,项目,数值,来源说明
            {District},2018,jurisdiction,legacy.applications.received,40,2018年度报告原文
            {District},2018,jurisdiction,legacy.reconsideration,2,
            {District},2018,jurisdiction,legacy.litigation,1,
            {Education},2018,unit,legacy.applications.received,12,
            """);
        db.Clock.SetToday(D("2020-02-01"));
        var run = await CliRun.RunAsync(db, "report", "figures", "import", csv);
        Assert.Equal(GongkaiCli.Done, run.ExitCode);
        Assert.Contains("已导入 4 个单元格", run.Out);
        await CompileReportTests.ApplicationAsync(db, "yy", "2019-06-03", "2019-06-10");
        await CompileReportTests.ApplicationAsync(db, "yy-jyj", "2019-07-01", "2019-07-05");

        var y2018 = await CompileAsync(db, District, 2018, ReportScope.Jurisdiction);
        Assert.Equal(Core.Reports.ReportForm.Legacy, y2018.Form);
        Assert.True(y2018.AsEntered);                                                // the whole report as published, not the sum of units
        Assert.Equal(40m, V(y2018, "legacy.applications.received"));
        Assert.Equal(12m, V(await CompileAsync(db, Education, 2018, ReportScope.Unit), "legacy.applications.received"));

        var y2019 = await CompileAsync(db, District, 2019, ReportScope.Jurisdiction);
        var received = y2019.Changes.Single(c => c.Key == "applications.received");
        Assert.Equal((2m, 40m, -38m, -95.0m), (received.ThisYear.Value, received.LastYear.Value, received.Change, received.Percent));
        Assert.Contains(y2019.Changes, c => c.Key == "litigation.total" && c.LastYear.Value == 1);
        db.Clock.SetToday(D("2026-01-01"));
        Assert.False((await db.Get<CompileReport>(db.Scope()).HandleAsync(District, 2017, ReportScope.Jurisdiction)).Succeeded);   // nothing entered

        // A bad file writes nothing and names each line.
        await File.WriteAllTextAsync(csv, $"""
            unit,year,scope,key,value
            {Education},2017,unit,legacy.applications.received,9
            {Education},2017,unit,legacy.applications.received,x
            000,2017,unit,legacy.fees,1
            {Education},2017,whole,legacy.fees,1
            {Education},2017,unit,t3.received.total,1
            """);
        run = await CliRun.RunAsync(db, "report", "figures", "import", csv);
        Assert.Equal(GongkaiCli.BadInput, run.ExitCode);
        Assert.Contains("第 3 行 数值：「x」不是数字", run.Error);
        Assert.Contains("第 4 行 单位代码：没有代码为 000 的单位", run.Error);
        Assert.Contains("第 5 行 范围", run.Error);
        Assert.Contains("第 6 行 项目：「t3.received.total」不是", run.Error);
        Assert.False((await db.Get<CompileReport>(db.Scope()).HandleAsync(Education, 2017, ReportScope.Unit)).Succeeded);
        File.Delete(csv);
    }
}
