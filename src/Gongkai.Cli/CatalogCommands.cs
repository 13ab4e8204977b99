using System.CommandLine;
using Gongkai.App.Catalog;
using Gongkai.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

internal static class CatalogCommands
{
    public static Command Create(CliContext cli)
    {
        var screen = new Command("screen", "扫描全部已发布信息中的个人信息（身份证号码、手机号码、银行卡号、电子邮箱），逐条列出（已遮盖）");
        screen.SetAction((_, ct) => cli.RunAsync(async services =>
        {
            var count = 0;
            await foreach (var f in services.GetRequiredService<ScreenCatalog>().HandleAsync(ct))
            {
                count++;
                await cli.Out.WriteLineAsync($"{f.IndexNumber}\t{f.Kind.ChineseName()}\t{f.Masked}\t{f.Title}");
            }
            await cli.Error.WriteLineAsync(count == 0 ? "未发现个人信息。" : $"共发现 {count} 处个人信息，请逐条核查。");
            return GongkaiCli.Done;
        }));
        return new Command("catalog", "主动公开目录") { screen };
    }
}
