using Gongkai.App.Data;
using Gongkai.Cli;
using Gongkai.Tests.Data;

namespace Gongkai.Tests.Cli;

/// <summary>`gongkai clock due|explain` (条例第三十三条 on the official calendar) and `gongkai calendar import`.</summary>
public class ClockCliTests
{
    [Theory]
    [InlineData("2024-09-27", "2024-10-30")]          // National Day week, 调休 Sunday and Saturday
    [InlineData("2019-05-14", "2019-06-04")]          // the 2008 rules' last day: 15 working days
    public async Task Clock_due_should_print_the_due_date_on_its_last_line(string received, string due)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, demo: false);
        var run = await CliRun.RunAsync(db, "clock", "due", "--received", received);
        Assert.Equal(GongkaiCli.Done, run.ExitCode);
        Assert.Equal(due, run.Out.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task Clock_options_should_choose_the_regime_and_the_extension()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, demo: false);
        // 2008 rules, 15 + 15 working days over 端午 2019-06-07.
        Assert.Equal("2019-06-26", (await CliRun.RunAsync(db, "clock", "due", "--received", "2019-05-14", "--extended")).Out.Trim());
        // The 2019 rules forced on an earlier date: 20 working days.
        Assert.Equal("2019-06-12", (await CliRun.RunAsync(db, "clock", "due", "--received", "2019-05-14", "--regime", "2019")).Out.Trim());
        var bad = await CliRun.RunAsync(db, "clock", "due", "--received", "2019-05-14", "--regime", "2020");
        Assert.Equal((GongkaiCli.BadInput, true), (bad.ExitCode, bad.Error.Contains("2008 或 2019")));
    }

    [Fact]
    public async Task Clock_explain_should_say_which_days_were_skipped_and_which_weekend_days_counted()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, demo: false);
        var lines = (await CliRun.RunAsync(db, "clock", "explain", "--received", "2024-09-27")).Out.TrimEnd().Split('\n');
        Assert.Contains("2024-10-01（周二）至2024-10-07（周一）：法定节假日，不计入。", lines);
        Assert.Contains("2024-10-12（周六）：周末调休上班，计为第 7 个工作日。", lines);
        Assert.Equal("2024-10-30", lines[^1]);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Calendar_import_should_load_a_new_year_and_move_due_dates(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, demo: false);
        Assert.Equal("2027-01-28", (await CliRun.RunAsync(db, "clock", "due", "--received", "2026-12-31")).Out.Trim());

        var file = Path.Combine(Directory.CreateTempSubdirectory("gongkai-cal-").FullName, "2027.json");
        await File.WriteAllTextAsync(file, """{"years": {"2027": {"holidays": ["2027-01-01"], "workdays": []}}}""");
        var import = await CliRun.RunAsync(db, "calendar", "import", file);
        Assert.Equal(GongkaiCli.Done, import.ExitCode);
        Assert.Contains("已导入 2027 年的工作日历", import.Out);
        Assert.Equal("2027-01-29", (await CliRun.RunAsync(db, "clock", "due", "--received", "2026-12-31")).Out.Trim());

        await File.WriteAllTextAsync(file, """{"years": {"2027": {"holidays": ["2027-02-30"], "workdays": []}}}""");
        var bad = await CliRun.RunAsync(db, "calendar", "import", file);
        Assert.Equal(GongkaiCli.BadInput, bad.ExitCode);
        Assert.Contains("不是 YYYY-MM-DD", bad.Error);
    }
}
