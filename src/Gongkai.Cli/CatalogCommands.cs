using System.CommandLine;
using Gongkai.App.Catalog;
using Gongkai.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

internal static class CatalogCommands
{
    /// <summary>What a bulk write did with this machine's search index, ending the command's last line.</summary>
    public static string IndexNote(IServiceProvider services) =>
        services.GetRequiredService<Gongkai.App.Catalog.BulkCatalogWriter>().IndexedHere
            ? "，检索索引已同时更新。"
            : "；门户正在运行，检索索引由门户按变更日志随后更新。";

    public static Command Create(CliContext cli)
    {
        var screen = new Command("screen", "扫描全部已发布信息及其附件中的个人信息（身份证号码、手机号码、银行卡号、电子邮箱），逐条列出（已遮盖）");
        screen.SetAction((_, ct) => cli.RunAsync(async services =>
        {
            var count = 0;
            await foreach (var f in services.GetRequiredService<ScreenCatalog>().HandleAsync(ct))
            {
                count++;
                await cli.Out.WriteLineAsync($"{f.IndexNumber}\t{f.Kind.ChineseName()}\t{f.Masked}\t{f.Title}{(f.Attachment.Length > 0 ? $"\t附件《{f.Attachment}》" : "")}");
            }
            await cli.Error.WriteLineAsync(count == 0 ? "未发现个人信息。" : $"共发现 {count} 处个人信息，请逐条核查。");
            return GongkaiCli.Done;
        }));
        var file = new Argument<FileInfo>("file") { Description = "UTF-8 编码的 JSON Lines（.jsonl，每行一条）或 CSV 文件；字段见 README" };
        var import = new Command("import", "导入原有目录：先检查全部行并逐条报告错误；无误则全部写入（保留原索引号），否则不写入；门户运行时可用（检索索引由门户随后更新）") { file };
        import.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"找不到文件：{path.FullName}");
                return GongkaiCli.NotFound;
            }
            var csv = path.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var outcome = await services.GetRequiredService<ImportCatalog>().HandleAsync(() => path.OpenRead(), csv, "命令行导入", cli.ProgressBar(), ct);
            await cli.Error.WriteLineAsync();
            if (!outcome.Succeeded)
            {
                await cli.Error.WriteLineAsync(outcome.Problems.Count >= ImportCatalog.MaxProblems
                    ? $"导入失败，未写入任何数据。错误过多，以下是前 {outcome.Problems.Count} 处："
                    : $"导入失败，未写入任何数据。共 {outcome.Problems.Count} 处错误：");
                return await cli.ReportAsync(outcome);
            }
            foreach (var phase in services.GetRequiredService<ImportCatalog>().Timings)
                await cli.Error.WriteLineAsync($"  {phase.Name}：{phase.Wall.TotalSeconds:0.0} 秒（处理器 {phase.Processor.TotalSeconds:0.0} 秒）");
            await cli.Out.WriteLineAsync($"已导入 {outcome.Value:N0} 条信息（{started.Elapsed.TotalSeconds:0.0} 秒，每秒 {outcome.Value / Math.Max(0.001, started.Elapsed.TotalSeconds):N0} 条）" + IndexNote(services));
            return GongkaiCli.Done;
        }));
        var sanitize = new Command("sanitize", "按现行规则重新清理全部正文（删除表单、定位样式、外部图片等），每条改动记入该信息的办理记录；升级后运行一次");
        sanitize.SetAction((_, ct) => cli.RunAsync(async services =>
        {
            var changed = await services.GetRequiredService<SanitizeCatalogBodies>().HandleAsync(Gongkai.App.Accounts.StaffScope.System, cli.ProgressBar(), ct);
            await cli.Error.WriteLineAsync();
            await cli.Out.WriteLineAsync(changed == 0 ? "全部正文均符合现行规则，未作改动。"
                : $"已清理 {changed:N0} 条信息的正文；检索索引由门户按变更日志随后更新。");
            return GongkaiCli.Done;
        }));
        return new Command("catalog", "主动公开目录") { screen, sanitize, import };
    }
}
