using System.CommandLine;
using Gongkai.App.Participation.SiteReport;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>`gongkai site report`: the 解读回应 and 互动交流 sections of the 《政府网站工作年度报表》, counted from records.</summary>
internal static class SiteCommands
{
    public static Command Create(CliContext cli) => new("site", "政府网站") { Report(cli) };

    private static Command Report(CliContext cli)
    {
        var unit = new Option<string>("--unit") { Description = "单位的统一社会信用代码或组织机构代码（统计本单位及下级单位）", Required = true };
        var year = new Option<int>("--year") { Description = "年度", Required = true };
        var format = new Option<string>("--format") { Description = "json 或 docx", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "写入文件；不指定则写到标准输出（docx 必须指定）" };
        var command = new Command("report", "编制《政府网站工作年度报表》的解读回应、互动交流部分（解读、回应、留言办理、征集调查、在线访谈）") { unit, year, format, output };
        command.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var formatText = parse.GetValue(format)!;
            if (formatText is not ("json" or "docx"))
            {
                await cli.Error.WriteLineAsync($"--format 应为 json 或 docx，而不是“{formatText}”。");
                return GongkaiCli.BadInput;
            }
            if (formatText == "docx" && parse.GetValue(output) is null)
            {
                await cli.Error.WriteLineAsync("输出 docx 时必须用 --out 指定文件：它是二进制文件，不能写到终端。");
                return GongkaiCli.BadInput;
            }
            var outcome = await services.GetRequiredService<CompileSiteReport>().HandleAsync(parse.GetValue(unit)!, parse.GetValue(year), ct);
            if (!outcome.Succeeded)
                return await cli.ReportAsync(outcome);
            using var buffer = new MemoryStream();
            if (formatText == "docx")
                SiteReportDocx.Write(buffer, outcome.Value!);
            else
                buffer.Write(System.Text.Encoding.UTF8.GetBytes(SiteReportJson.Write(outcome.Value!)));
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, buffer.ToArray(), ct);
                await cli.Error.WriteLineAsync($"已写入 {file.FullName}");
            }
            else
                await cli.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return GongkaiCli.Done;
        }));
        return command;
    }
}
