using System.CommandLine;
using Gongkai.App.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

internal static class SearchCommands
{
    public static Command Create(CliContext cli)
    {
        var rebuild = new Command("rebuild", "从数据库重建检索索引（索引只是缓存，可随时重建）；须先停止门户");
        rebuild.SetAction((_, ct) => cli.RunAsync(async services =>
        {
            var progress = new Progress<(int Done, int Total)>(p =>
                cli.Error.Write($"\r[{new string('#', p.Total == 0 ? 30 : 30 * p.Done / p.Total).PadRight(30)}] {p.Done}/{p.Total}"));
            try
            {
                var count = await services.GetRequiredService<ApplySearchWork>().RebuildAsync(progress, ct);
                await cli.Error.WriteLineAsync();
                await cli.Out.WriteLineAsync($"检索索引已重建：{count} 条已发布信息。");
                return GongkaiCli.Done;
            }
            catch (Lucene.Net.Store.LockObtainFailedException)
            {
                await cli.Error.WriteLineAsync("检索索引正被门户使用：请先停止门户再重建（门户运行时会自动保持索引最新）。");
                return GongkaiCli.NotReady;
            }
        }));
        return new Command("search", "检索索引") { rebuild };
    }
}
