using System.CommandLine;
using Gongkai.App.Data;
using Gongkai.App.Search;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

internal static class SearchCommands
{
    public static Command Create(CliContext cli)
    {
        var rebuild = new Command("rebuild", "从数据库重建检索索引（索引只是缓存，可随时重建）；门户运行时则请各节点自行重建");
        rebuild.SetAction((_, ct) => cli.RunAsync(async services => await RebuildAsync(cli, services, ct)));
        return new Command("search", "检索索引") { rebuild };
    }

    /// <summary>
    /// Rebuilds this machine's index when no process holds it; otherwise (a portal runs) writes a rebuild request to
    /// the change log, which every node follows — never a second writer on an index.
    /// </summary>
    public static async Task<int> RebuildAsync(CliContext cli, IServiceProvider services, CancellationToken ct)
    {
        if (services.GetRequiredService<CatalogIndex>().TryOpen())
        {
            var follower = services.GetRequiredService<SearchFollower>();
            var count = await follower.RebuildAsync(cli.ProgressBar(), ct: ct);
            await cli.Error.WriteLineAsync();
            var letters = follower.LettersRebuilt;
            await cli.Out.WriteLineAsync($"检索索引已重建：{count - letters} 条已发布信息" + (letters > 0 ? $"，{letters} 件公开来信。" : "。"));
            return GongkaiCli.Done;
        }
        var db = services.GetRequiredService<GongkaiDb>();
        db.Add(SearchChange.Rebuild(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        await cli.Out.WriteLineAsync("检索索引正由运行中的门户使用：已在变更日志中请求重建，各节点将自行从数据库重建（重建期间检索页面会提示）。");
        return GongkaiCli.Done;
    }
}
