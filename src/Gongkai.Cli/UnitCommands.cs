using System.CommandLine;
using System.Text;
using Gongkai.App.Units;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

internal static class UnitCommands
{
    public static Command Create(CliContext cli)
    {
        var file = new Argument<FileInfo>("file") { Description = "UTF-8 编码的 CSV 文件；列名见 README" };
        var import = new Command("import", "从 CSV 文件导入单位：先检查全部行，有任何错误则不写入") { file };
        import.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"找不到文件：{path.FullName}");
                return GongkaiCli.NotFound;
            }
            using var reader = new StreamReader(path.FullName, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var outcome = await services.GetRequiredService<ImportUnits>().HandleAsync(reader, ct);
            if (!outcome.Succeeded)
            {
                await cli.Error.WriteLineAsync($"导入失败，未写入任何数据。共 {outcome.Problems.Count} 处错误：");
                return await cli.ReportAsync(outcome);
            }
            await cli.Out.WriteLineAsync($"已导入 {outcome.Value} 个单位。");
            return GongkaiCli.Done;
        }));
        return new Command("units", "单位（行政机关）") { import };
    }
}
