using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Letters;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Letters.LetterTestData;

namespace Gongkai.Tests.Letters;

/// <summary>`gongkai letters due|import|stats`.</summary>
public class LettersCliTests
{
    [Theory]
    [InlineData("2024-09-30", "咨询", false, "2024-10-10")]
    [InlineData("2024-10-12", "求助", false, "2024-10-16")] // arrives on the 调休 Saturday
    [InlineData("2024-09-27", "建议", true, "2024-11-07")]  // 13 + 13 working days
    [InlineData("2026-02-13", "找错", false, "2026-02-25")]
    public async Task Letters_due_should_print_the_due_date_on_its_last_line(string received, string type, bool extended, string due)
    {
        await using var test = await TestDatabase.CreateAsync(Gongkai.App.Data.DatabaseProvider.Sqlite, demo: false);
        var run = await CliRun.RunAsync(test, [.. new[] { "letters", "due", "--received", received, "--type", type }, .. extended ? new[] { "--extended" } : []]);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(due, run.Out.TrimEnd().Split('\n')[^1].Trim());
    }

    [Fact]
    public async Task Letters_due_should_take_the_time_limit_from_configuration()
    {
        await using var test = await TestDatabase.CreateAsync(Gongkai.App.Data.DatabaseProvider.Sqlite, demo: false);
        var settings = test.Settings.ToDictionary();
        settings["Letters:TimeLimits:咨询"] = "5";
        var run = await CliRun.RunAsync(settings, "letters", "due", "--received", "2024-09-30", "--type", "咨询");
        Assert.Equal("2024-10-12", run.Out.TrimEnd().Split('\n')[^1].Trim()); // 10-08 … 10-12 (调休 Saturday)
        var bad = await CliRun.RunAsync(test, "letters", "due", "--received", "2024-09-30", "--type", "表扬");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--type", bad.Error);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_import_should_keep_the_numbers_and_history_or_write_nothing(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 3, 1));
        var city = SeedDemoData.CodeOf("city");
        var jyj = SeedDemoData.CodeOf("jyj");
        var folder = Directory.CreateTempSubdirectory("gongkai-letters-").FullName;
        var good = Path.Combine(folder, "letters.csv");
        await File.WriteAllTextAsync(good, string.Join('\n',
            "信件编号,信箱,类型,标题,内容,姓名,电话,同意公开,来信日期,承办单位,答复日期,答复内容,评价,公开日期,无效原因",
            $"XX2024000101,{city},咨询,学区划分,请问今年映月区小学学区如何划分？何时公布？,李四,13800001111,是,2024-09-30,{jyj},2024-10-10,学区划分方案将于五月在教育局网站公布。,满意,2024-10-12,",
            $"XX2024000102,{city},建议,推销,本公司专业代办各类证件，价格优惠，欢迎来电。,王五,13800002222,否,2024-10-08,,,,,,广告",
            $"XX2024000103,{city},投诉,噪音扰民,夜间施工噪音扰民，持续两周无人处理。,赵六,13800003333,否,2024-11-18,{jyj},,,,,"));
        var run = await CliRun.RunAsync(test, "letters", "import", good);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("已导入 3 件来信", run.Out);

        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var letters = await db.Letters.AsNoTracking().Include(l => l.Unit).OrderBy(l => l.Number).ToListAsync();
        Assert.Equal(["XX2024000101", "XX2024000102", "XX2024000103"], letters.Select(l => l.Number));
        // Answered on time by the bureau it was assigned to, rated 满意 (so closed), published.
        Assert.Equal((LetterState.Closed, true, true, "青岚市教育局"), (letters[0].State, letters[0].AnsweredOnTime, letters[0].Published, letters[0].Unit.FullName));
        Assert.Equal(LetterRating.Satisfied, letters[0].Rating);
        Assert.Equal(LetterState.Invalid, letters[1].State);
        Assert.Equal(LetterState.InProgress, letters[2].State);
        Assert.True(letters[2].DueOn < new DateOnly(2025, 3, 1));

        // A file with one bad row writes nothing, and names the line and the column.
        var bad = Path.Combine(folder, "bad.jsonl");
        await File.WriteAllTextAsync(bad, string.Join('\n',
            JsonSerializer.Serialize(new Dictionary<string, string> { ["number"] = "XX2024000201", ["mailbox"] = city, ["type"] = "咨询", ["subject"] = "公交线路", ["content"] = "请问 12 路公交何时恢复原线路运行？", ["name"] = "钱七", ["phone"] = "13800004444", ["received_on"] = "2024-12-02" }),
            JsonSerializer.Serialize(new Dictionary<string, string> { ["number"] = "XX2024000101", ["mailbox"] = city, ["type"] = "表扬", ["subject"] = "感谢", ["content"] = "感谢市政府及时修复路灯，方便了居民出行。", ["name"] = "孙八", ["phone"] = "13800005555", ["received_on"] = "2024-12-03" })));
        var refused = await CliRun.RunAsync(test, "letters", "import", bad);
        Assert.Equal(1, refused.ExitCode);
        Assert.True(refused.Error.Contains("第 2 行 类型") && refused.Error.Contains("第 2 行 信件编号：信件编号 XX2024000101 已在系统中"), refused.Error);
        Assert.Equal(3, await db.Letters.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Letters_stats_should_count_received_valid_answered_on_time_and_satisfaction(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await OpenMailboxesAsync(test, "city", "jyj");
        var office = await StaffAsync(test, "city");
        test.Clock.SetToday(new DateOnly(2024, 9, 30));
        var onTime = await WriteAsync(test, "city");
        var invalid = await WriteAsync(test, "city", Letter("代办证件"));
        var late = await WriteAsync(test, "jyj", Letter("学区划分"));
        test.Clock.SetToday(new DateOnly(2024, 10, 10)); // the 咨询 due date
        await AnswerAsync(test, office, onTime.Id);
        await using (var scope = test.Scope())
            await test.Get<Gongkai.App.Letters.RecordLetterStep>(scope).HandleAsync(new(invalid.Id, LetterEventKind.Rejected, InvalidReason: InvalidReason.Advertising), office);
        test.Clock.SetToday(new DateOnly(2024, 10, 11)); // the day after the 咨询 due date
        await AnswerAsync(test, office, late.Id);
        await using (var scope = test.Scope())
            await test.Get<Gongkai.App.Letters.RateLetter>(scope).RateAsync(late.QueryCode, LetterRating.Unsatisfied);

        var run = await CliRun.RunAsync(test, "letters", "stats", "--unit", SeedDemoData.CodeOf("city"), "--year", "2024", "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var total = json.GetProperty("total");
        Assert.Equal((3, 2, 1, 2, 1, 1), (total.GetProperty("received").GetInt32(), total.GetProperty("valid").GetInt32(), total.GetProperty("invalid").GetInt32(),
            total.GetProperty("answered").GetInt32(), total.GetProperty("answeredOnTime").GetInt32(), total.GetProperty("overdue").GetInt32()));
        Assert.Equal(0.0, total.GetProperty("satisfactionRate").GetDouble());
        // 3 working days (9-30 → 10-10) and 4 (9-30 → 10-11): 3.5 on average.
        Assert.Equal(3.5, total.GetProperty("averageWorkingDays").GetDouble());
        var rows = json.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("label").GetString()!, r => r.GetProperty("figures").GetProperty("received").GetInt32());
        Assert.Equal(2, rows["市长信箱"]);
        Assert.Equal(1, rows["市教育局信箱"]);
        var text = await CliRun.RunAsync(test, "letters", "stats", "--unit", SeedDemoData.CodeOf("city"), "--year", "2024", "--by", "month");
        Assert.True(text.Out.Contains("9月\t收到 3"), text.Out + text.Error);
    }
}
