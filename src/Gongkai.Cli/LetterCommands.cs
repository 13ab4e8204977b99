using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Gongkai.App.Letters;
using Gongkai.Core.Letters;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>`gongkai letters due|import|stats`: the letters' clock, bringing letters over, and their statistics.</summary>
internal static class LetterCommands
{
    public static Command Create(CliContext cli) => new("letters", "来信（领导信箱、留言、我为政府网站找错）") { Due(cli), Import(cli), Stats(cli) };

    private static Command Due(CliContext cli)
    {
        var received = new Option<string>("--received") { Description = "来信日期 YYYY-MM-DD（当日不计入）", Required = true };
        var type = new Option<string>("--type") { Description = "来信类型：咨询、建议、投诉、求助、其他或找错", Required = true };
        var extended = new Option<bool>("--extended") { Description = "按延期一次（延长该类来信的办理时限）后的期限计算" };
        var command = new Command("due", "计算来信的办理期限（最后一行输出 YYYY-MM-DD）；时限取自配置 Letters:TimeLimits") { received, type, extended };
        command.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(received), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                await cli.Error.WriteLineAsync($"--received 应为 YYYY-MM-DD 格式的日期，而不是“{parse.GetValue(received)}”。");
                return GongkaiCli.BadInput;
            }
            if (LetterTerms.ParseType(parse.GetValue(type)) is not { } letterType)
            {
                await cli.Error.WriteLineAsync($"--type 应为咨询、建议、投诉、求助、其他或找错，而不是“{parse.GetValue(type)}”。");
                return GongkaiCli.BadInput;
            }
            var limit = services.GetRequiredService<LetterSettings>().TimeLimits.For(letterType);
            var days = parse.GetValue(extended) ? 2 * limit : limit;
            var calendar = await ClockCommands.CalendarAsync(services, cli, ct);
            if (!calendar.IsPublished(day.Year))
                await cli.Error.WriteLineAsync($"（{day.Year} 年的节假日安排尚未导入，按周一至周五计算。）");
            await cli.Out.WriteLineAsync($"{letterType.ChineseName()}类来信的办理时限为 {days} 个工作日（来信当日不计入）。");
            await cli.Out.WriteLineAsync($"{LetterClock.Due(calendar, day, days):yyyy-MM-dd}");
            return GongkaiCli.Done;
        }, needsSchema: false));
        return command;
    }

    private static Command Import(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "UTF-8 编码的 CSV（带表头）或 JSON Lines（.jsonl）文件；字段见 README" };
        var command = new Command("import", "从原信箱系统导入来信：先检查全部行并逐条报告错误；无误则全部写入（保留原信件编号），否则不写入") { file };
        command.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"找不到文件：{path.FullName}");
                return GongkaiCli.NotFound;
            }
            var csv = path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase);
            var outcome = await services.GetRequiredService<ImportLetters>().HandleAsync(() => path.OpenRead(), csv, cli.ProgressBar(), ct);
            await cli.Error.WriteLineAsync();
            if (!outcome.Succeeded)
            {
                await cli.Error.WriteLineAsync(outcome.Problems.Count >= ImportLetters.MaxProblems
                    ? $"导入失败，未写入任何来信。错误过多，以下是前 {outcome.Problems.Count} 处："
                    : $"导入失败，未写入任何来信。共 {outcome.Problems.Count} 处错误：");
                return await cli.ReportAsync(outcome);
            }
            await cli.Out.WriteLineAsync($"已导入 {outcome.Value:N0} 件来信。");
            return GongkaiCli.Done;
        }));
        return command;
    }

    private static Command Stats(CliContext cli)
    {
        var unit = new Option<string>("--unit") { Description = "单位的组织机构代码或统一社会信用代码（统计其信箱及下级单位的信箱）", Required = true };
        var year = new Option<int>("--year") { Description = "年份", Required = true };
        var by = new Option<string>("--by") { Description = "分组：mailbox（信箱，默认）、unit（承办单位）、type（类型）、month（月份）、quarter（季度）" };
        var format = new Option<string>("--format") { Description = "text（默认）或 json" };
        var command = new Command("stats", "来信统计：收到、有效、无效、转出、答复、按期答复、逾期、平均答复用时、满意率、公开选登") { unit, year, by, format };
        command.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var formatText = parse.GetValue(format) ?? "text";
            if (formatText is not ("text" or "json"))
            {
                await cli.Error.WriteLineAsync($"--format 应为 text 或 json，而不是“{formatText}”。");
                return GongkaiCli.BadInput;
            }
            if (!Enum.TryParse<LetterStats.Grouping>(parse.GetValue(by) ?? "mailbox", true, out var grouping))
            {
                await cli.Error.WriteLineAsync($"--by 应为 mailbox、unit、type、month 或 quarter，而不是“{parse.GetValue(by)}”。");
                return GongkaiCli.BadInput;
            }
            var outcome = await services.GetRequiredService<LetterStats>().HandleAsync(
                new LetterStats.Query(parse.GetValue(unit), parse.GetValue(year), By: grouping), Gongkai.App.Accounts.StaffScope.System, ct);
            if (!outcome.Succeeded)
                return await cli.ReportAsync(outcome);
            var report = outcome.Value!;
            if (formatText == "json")
            {
                await cli.Out.WriteLineAsync(JsonSerializer.Serialize(LetterStatsJson.From(report), LetterStatsJson.Options));
                return GongkaiCli.Done;
            }
            await cli.Out.WriteLineAsync($"{report.Unit} {report.From:yyyy-MM-dd} 至 {report.To:yyyy-MM-dd} 来信统计");
            string Line(string label, LetterFigures f) =>
                $"{label}\t收到 {f[LetterFigure.Received]}\t有效 {f[LetterFigure.Valid]}\t无效 {f[LetterFigure.Invalid]}\t转出 {f[LetterFigure.TransferredOut]}" +
                $"\t已答复 {f[LetterFigure.Answered]}\t按期 {f[LetterFigure.AnsweredOnTime]}\t逾期 {f[LetterFigure.Overdue]}" +
                $"\t平均用时 {(f.AverageWorkingDays is { } d ? $"{d:0.0} 个工作日" : "—")}\t满意率 {(f.SatisfactionRate is { } s ? $"{s:0.0}%" : "—")}\t公开 {f[LetterFigure.Published]}";
            foreach (var row in report.Rows)
                await cli.Out.WriteLineAsync(Line(row.Label, row.Figures));
            await cli.Out.WriteLineAsync(Line("合计", report.Total));
            return GongkaiCli.Done;
        }));
        return command;
    }
}
