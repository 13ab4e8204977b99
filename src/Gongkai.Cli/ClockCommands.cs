using System.CommandLine;
using System.Globalization;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Core.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>`gongkai clock due|explain` and `gongkai calendar import`: the statutory clock from the command line.</summary>
internal static class ClockCommands
{
    public static Command Clock(CliContext cli)
    {
        var received = new Option<string>("--received") { Description = "收到申请的日期 YYYY-MM-DD", Required = true };
        var regime = new Option<string?>("--regime") { Description = "适用的条例：2008 或 2019（默认按收到日期：2019-05-15 起适用 2019 年条例）" };
        var extended = new Option<bool>("--extended") { Description = "按延长答复期限后的期限计算" };
        Command Make(string name, string description, bool explain)
        {
            var command = new Command(name, description) { received, regime, extended };
            command.SetAction((parse, ct) => cli.RunAsync(async services =>
            {
                if (!DateOnly.TryParseExact(parse.GetValue(received), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    await cli.Error.WriteLineAsync($"--received 应为 YYYY-MM-DD 格式的日期，而不是“{parse.GetValue(received)}”。");
                    return GongkaiCli.BadInput;
                }
                DisclosureRegime? chosen = parse.GetValue(regime) switch
                {
                    null => null,
                    "2008" => DisclosureRegime.Rules2008,
                    "2019" => DisclosureRegime.Rules2019,
                    _ => (DisclosureRegime)(-1),
                };
                if (chosen is { } r && !Enum.IsDefined(r))
                {
                    await cli.Error.WriteLineAsync($"--regime 应为 2008 或 2019，而不是“{parse.GetValue(regime)}”。");
                    return GongkaiCli.BadInput;
                }
                var calendar = await CalendarAsync(services, cli, ct);
                var facts = new ClockFacts(day) { Regime = chosen };
                facts = facts with { ExtensionDays = parse.GetValue(extended) ? facts.EffectiveRegime.MaxExtension() : 0 };
                if (explain)
                {
                    foreach (var step in ClockExplanation.Explain(calendar, facts, day))
                        await cli.Out.WriteLineAsync(step.Text);
                }
                await cli.Out.WriteLineAsync($"{DeadlineClock.Compute(calendar, facts, day).Due:yyyy-MM-dd}");
                return GongkaiCli.Done;
            }, needsSchema: false));
            return command;
        }
        return new Command("clock", "答复期限计算") { Make("due", "计算答复期限届满日（最后一行输出 YYYY-MM-DD）", false), Make("explain", "逐日说明答复期限的计算过程", true) };
    }

    public static Command Calendar(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "JSON 文件：{\"years\": {\"2027\": {\"holidays\": [...], \"workdays\": [...]}}}" };
        var import = new Command("import", "导入新一年的节假日安排，并重算所有未办结申请的答复期限") { file };
        import.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"找不到文件：{path.FullName}");
                return GongkaiCli.NotFound;
            }
            var outcome = await services.GetRequiredService<ImportCalendar>().HandleAsync(await File.ReadAllTextAsync(path.FullName, ct), "命令行导入", ct);
            if (!outcome.Succeeded)
                return await cli.ReportAsync(outcome);
            var r = outcome.Value!;
            await cli.Out.WriteLineAsync($"已导入 {string.Join("、", r.Years)} 年的工作日历；重算了 {r.OpenApplications} 件未办结申请，其中 {r.DueDatesMoved} 件的答复期限有变化。");
            return GongkaiCli.Done;
        }));
        return new Command("calendar", "工作日历") { import };
    }

    /// <summary>The calendar in force; without a migrated database, the bundled one (with a note on standard error).</summary>
    internal static async Task<WorkCalendar> CalendarAsync(IServiceProvider services, CliContext cli, CancellationToken ct)
    {
        var db = services.GetRequiredService<GongkaiDb>();
        try
        {
            if (!(await db.Database.GetPendingMigrationsAsync(ct)).Any())
                return await services.GetRequiredService<OfficialCalendar>().GetAsync(db, ct);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException)
        {
        }
        await cli.Error.WriteLineAsync("（数据库尚未初始化，使用内置的 2007—2026 年工作日历。）");
        return new WorkCalendar(OfficialCalendar.BundledYears);
    }
}
