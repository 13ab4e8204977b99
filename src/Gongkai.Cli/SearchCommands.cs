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
            var bar = cli.ProgressBar();
            var count = await services.GetRequiredService<ApplySearchWork>().RebuildAsync(bar, ct);
            await cli.Error.WriteLineAsync();
            await cli.Out.WriteLineAsync($"检索索引已重建：{count} 条已发布信息。");
            return GongkaiCli.Done;
        }));
        return new Command("search", "检索索引") { rebuild };
    }
}
