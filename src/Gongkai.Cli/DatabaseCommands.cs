using System.CommandLine;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

internal static class DatabaseCommands
{
    public static Command Create(CliContext cli)
    {
        var migrate = new Command("migrate", "创建数据库或升级到最新结构（SQLite 或 PostgreSQL，按配置）");
        migrate.SetAction((_, ct) => cli.RunAsync(async services =>
        {
            await services.GetRequiredService<MigrateDatabase>().HandleAsync(ct);
            await cli.Out.WriteLineAsync($"数据库已是最新结构。{services.GetRequiredService<DatabaseSettings>().Describe()}");
            return GongkaiCli.Done;
        }, needsSchema: false));
        return new Command("db", "数据库") { migrate, BackupCommands.Backup(cli), BackupCommands.Restore(cli) };
    }
}

internal static class DemoCommands
{
    public static Command Create(CliContext cli)
    {
        var seed = new Command("seed", "载入演示数据：虚构的青岚市及其部门、区县和乡镇街道");
        seed.SetAction((_, ct) => cli.RunAsync(async services =>
        {
            await services.GetRequiredService<MigrateDatabase>().HandleAsync(ct);
            var seeded = await services.GetRequiredService<SeedDemo>().HandleAsync(ct);
            await cli.Out.WriteLineAsync(seeded.Nothing ? "演示数据已存在，未重复载入。"
                : $"已载入演示数据：{seeded.Units} 个单位，{seeded.Applications} 件依申请公开申请，{seeded.Items} 条主动公开信息，"
                    + $"{seeded.Cases} 件复议诉讼案件，{seeded.ReportFigures} 个年度报告录入数字，{seeded.Reports} 份已公开的年度报告，{seeded.Letters} 件来信，{seeded.Participation} 项政民互动记录（意见征集、调查、访谈、发布会、回应），{seeded.SiteCheck} 项网站自查设置（网站、栏目、新媒体账号、词库）。");
            return GongkaiCli.Done;
        }, needsSchema: false));
        var count = new Option<int>("--items") { Description = "条数（1 至 1,000,000）", DefaultValueFactory = _ => 3000 };
        var output = new Option<FileInfo?>("--out") { Description = "写成导入文件（JSON Lines，供 gongkai catalog import）而不写入数据库" };
        var catalog = new Command("catalog", "生成演示目录：青岚市各单位近三年的主动公开信息，可多至一百万条（检验检索和导入的性能）；门户运行时可用（检索索引由门户随后更新）") { count, output };
        catalog.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var (n, file) = (parse.GetValue(count), parse.GetValue(output));
            if (n is < 1 or > 1_000_000)
            {
                await cli.Error.WriteLineAsync("--items 应为 1 至 1,000,000。");
                return GongkaiCli.BadInput;
            }
            await services.GetRequiredService<MigrateDatabase>().HandleAsync(ct);
            await services.GetRequiredService<SeedDemoData>().HandleAsync(ct);
            var db = services.GetRequiredService<GongkaiDb>();
            var codes = await db.Units.ToDictionaryAsync(u => u.Id, u => u.Code, ct);
            var items = services.GetRequiredService<SeedDemoCatalog>().StreamAsync(n, ct);
            var bar = cli.ProgressBar();
            var started = System.Diagnostics.Stopwatch.StartNew();
            if (file is not null)
            {
                await using var stream = new BufferedStream(file.Create(), 1 << 20);
                var numbers = new Dictionary<Guid, string>();
                var written = 0;
                await foreach (var item in items)
                {
                    numbers[item.Id] = item.IndexNumber!;
                    ImportCatalog.WriteLine(stream, item, codes[item.UnitId], item.InterpretsId is { } target ? numbers[target] : null);
                    if (++written % 1000 == 0)
                        bar.Report((written, n));
                }
                bar.Report((written, n));
                await cli.Error.WriteLineAsync();
                await cli.Out.WriteLineAsync($"已生成 {written:N0} 条演示信息：{file.FullName}");
                return GongkaiCli.Done;
            }
            var loaded = await services.GetRequiredService<BulkCatalogWriter>().WriteAsync(items, codes, bar, n, ct);
            await cli.Error.WriteLineAsync();
            await cli.Out.WriteLineAsync($"已载入 {loaded:N0} 条演示信息（{started.Elapsed.TotalSeconds:0.0} 秒，每秒 {loaded / Math.Max(0.001, started.Elapsed.TotalSeconds):N0} 条）" + CatalogCommands.IndexNote(services));
            return GongkaiCli.Done;
        }, needsSchema: false));
        return new Command("demo", "演示数据") { seed, catalog, DemoLetterCommands.Letters(cli) };
    }

}
