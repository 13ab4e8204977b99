using System.CommandLine;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

internal static class DemoLetterCommands
{
    /// <summary>`gongkai demo letters --count N [--year YYYY] [--backlog P]`: a year of letters to the demo city's mailboxes, written in bulk.</summary>
    public static Command Letters(CliContext cli)
    {
        var count = new Option<int>("--count") { Description = "封数（1 至 1,000,000）", DefaultValueFactory = _ => 3000 };
        var year = new Option<int?>("--year") { Description = "来信年份（默认：截至今天的最近十二个月）" };
        var backlog = new Option<double>("--backlog") { Description = "从未答复的有效来信所占百分比（积压，默认 1）", DefaultValueFactory = _ => 1 };
        var letters = new Command("letters", "生成演示来信：青岚市各信箱和“我为政府网站找错”一年的来信，可多至一百万封（检验检索、收件箱和统计的性能）；门户运行时可用（检索索引由门户随后更新）")
        {
            count, year, backlog,
        };
        letters.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var (n, y, share) = (parse.GetValue(count), parse.GetValue(year), parse.GetValue(backlog));
            var seed = services.GetRequiredService<GenerateDemoLetters>();
            var today = services.GetRequiredService<LetterLog>().Today;
            if (n is < 1 or > 1_000_000 || y is { } given && (given < 2000 || given > today.Year) || share is < 0 or > 100)
            {
                await cli.Error.WriteLineAsync($"--count 应为 1 至 1,000,000，--year 应为 2000 至 {today.Year}，--backlog 应为 0 至 100。");
                return GongkaiCli.BadInput;
            }
            var (from, to) = seed.Period(y);
            if (n > (to.DayNumber - from.DayNumber + 1) * 3000L)
            {
                await cli.Error.WriteLineAsync($"{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd} 平均每天不能超过 3,000 封（编号每天至多 {GenerateDemoLetters.MaxPerDay} 封）。");
                return GongkaiCli.BadInput;
            }
            await services.GetRequiredService<MigrateDatabase>().HandleAsync(ct);
            await services.GetRequiredService<SeedDemoData>().HandleAsync(ct);
            var opened = await services.GetRequiredService<SeedDemoLetters>().OpenMailboxesAsync(ct);
            var bar = cli.ProgressBar();
            var started = System.Diagnostics.Stopwatch.StartNew();
            var writer = services.GetRequiredService<BulkLetterWriter>();
            var written = await writer.WriteAsync(seed.StreamAsync(n, from, to, share / 100, ct), bar, n, ct);
            await cli.Error.WriteLineAsync();
            var seconds = Math.Max(0.001, started.Elapsed.TotalSeconds);
            await cli.Out.WriteLineAsync((opened > 0 ? $"已开设 {opened} 个信箱。" : "") +
                $"已载入 {written:N0} 封演示来信（{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}，其中公开选登 {writer.Published:N0} 封；{seconds:0.0} 秒，每秒 {written / seconds:N0} 封）" +
                (writer.IndexedHere ? "，检索索引已同时更新。" : "；门户正在运行，检索索引由门户按变更日志随后更新。"));
            return GongkaiCli.Done;
        }, needsSchema: false));
        return letters;
    }
}
