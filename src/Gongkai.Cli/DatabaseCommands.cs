using System.CommandLine;
using Gongkai.App.Data;
using Gongkai.App.Demo;
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
        return new Command("db", "数据库") { migrate };
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
            var units = await services.GetRequiredService<SeedDemoData>().HandleAsync(ct);
            var applications = await services.GetRequiredService<SeedDemoApplications>().HandleAsync(ct);
            var items = await services.GetRequiredService<SeedDemoCatalog>().HandleAsync(ct: ct);
            if (items > 0)
                await services.GetRequiredService<Gongkai.App.Search.ApplySearchWork>().EnqueueAllAsync(ct);
            await cli.Out.WriteLineAsync(units + applications + items == 0 ? "演示数据已存在，未重复载入。"
                : $"已载入演示数据：{units} 个单位，{applications} 件依申请公开申请，{items} 条主动公开信息。");
            return GongkaiCli.Done;
        }, needsSchema: false));
        return new Command("demo", "演示数据") { seed };
    }
}
