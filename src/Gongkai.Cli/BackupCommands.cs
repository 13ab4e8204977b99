using System.CommandLine;
using Gongkai.App;
using Gongkai.App.Backup;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>
/// `db backup` and `db restore`. Exit codes as everywhere, with: 1 not a backup this program can restore, or the
/// restored counts differ from the manifest; 2 the backup file is missing, the database is not empty (without
/// --force), or the portal runs; 3 pg_dump / pg_restore missing or failed.
/// </summary>
internal static class BackupCommands
{
    public static Command Backup(CliContext cli)
    {
        var output = new Option<FileInfo>("--out") { Description = "备份文件（zip），如 /var/backups/gongkai/gongkai-2026-05-20.zip", Required = true };
        var backup = new Command("backup", "备份数据库（含附件，以及不含密码的配置）到一个文件；门户运行时也可备份，所得为同一时刻的一致副本") { output };
        backup.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var file = parse.GetValue(output)!;
            var outcome = await services.GetRequiredService<BackupDatabase>().HandleAsync(file.FullName, ct);
            if (!outcome.Succeeded)
                return await FailedAsync(cli, outcome);
            var manifest = outcome.Value!;
            await cli.Out.WriteLineAsync($"已备份到 {file.FullName}（{Size(new FileInfo(file.FullName).Length)}，{manifest.Database}）：");
            foreach (var (name, count) in manifest.Counts.Lines())
                await cli.Out.WriteLineAsync($"  {name}：{count:N0}");
            return GongkaiCli.Done;
        }));
        return backup;
    }

    public static Command Restore(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "gongkai db backup 生成的备份文件" };
        var force = new Option<bool>("--force") { Description = "目标数据库已有数据时仍然恢复（现有数据被备份替换）" };
        var restore = new Command("restore", "从备份恢复到所配置的数据库（须为空数据库，或加 --force）；核对数量，清空检索索引（门户启动时重建）；须先停止门户") { file, force };
        restore.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"找不到文件：{path.FullName}");
                return GongkaiCli.NotFound;
            }
            var outcome = await services.GetRequiredService<RestoreDatabase>().HandleAsync(new(path.FullName, parse.GetValue(force)), ct);
            if (!outcome.Succeeded)
                return await FailedAsync(cli, outcome);
            var result = outcome.Value!;
            var made = result.Manifest.CreatedAt.UtcDateTime.InChina();
            await cli.Out.WriteLineAsync($"已从 {path.FullName}（{made:yyyy-MM-dd HH:mm:ss} 北京时间备份，{result.Manifest.Database}）恢复。"
                + (result.Migrated ? "数据库已升级到本版本的结构。" : ""));
            foreach (var (m, r) in result.Manifest.Counts.Lines().Zip(result.Restored.Lines()))
                await cli.Out.WriteLineAsync($"  {m.Name}：备份清单 {m.Count:N0}，恢复后 {r.Count:N0}{(m.Count == r.Count ? "" : "（不符）")}");
            await cli.Out.WriteLineAsync($"检索索引（{result.IndexPath}）已清空：门户下次启动时从数据库重建（也可先运行 gongkai search rebuild）。");
            if (result.CountsMatch)
                return GongkaiCli.Done;
            await cli.Error.WriteLineAsync("恢复后的数量与备份清单不符：备份文件可能已损坏，请换一份备份再恢复。");
            return GongkaiCli.BadInput;
        }, needsSchema: false));
        return restore;
    }

    private static async Task<int> FailedAsync<T>(CliContext cli, Outcome<T> outcome)
    {
        foreach (var problem in outcome.Problems)
            await cli.Error.WriteLineAsync(problem.ToString());
        return outcome.Kind switch
        {
            OutcomeKind.Invalid => GongkaiCli.BadInput,
            OutcomeKind.Denied => GongkaiCli.NotFound,
            _ => GongkaiCli.NotReady,
        };
    }

    private static string Size(long bytes) => bytes >= 1 << 20 ? $"{bytes / (double)(1 << 20):0.0} MB" : $"{bytes / 1024.0:0.0} KB";
}
