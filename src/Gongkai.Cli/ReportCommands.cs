using System.CommandLine;
using Gongkai.App.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

internal static class ReportCommands
{
    public static Command Create(CliContext cli)
    {
        var unit = new Option<string>("--unit") { Description = "单位的统一社会信用代码或组织机构代码", Required = true };
        var year = new Option<int>("--year") { Description = "报告年度（2019 年起可从记录编制）", Required = true };
        var scope = new Option<string>("--scope") { Description = "unit（本机关）或 jurisdiction（本级政府及所属各单位）", DefaultValueFactory = _ => "unit" };
        var format = new Option<string>("--format") { Description = "json、html、docx 或 xlsx", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "写入文件；不指定则写到标准输出（docx、xlsx 必须指定）" };
        var build = new Command("build", "从记录编制年度报告的统计表并检查勾稽关系") { unit, year, scope, format, output };
        build.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var scopeText = parse.GetValue(scope)!;
            if (scopeText is not ("unit" or "jurisdiction"))
            {
                await cli.Error.WriteLineAsync($"--scope 应为 unit 或 jurisdiction，而不是“{scopeText}”。");
                return GongkaiCli.BadInput;
            }
            var formatText = parse.GetValue(format)!;
            if (formatText is not ("json" or "html" or "docx" or "xlsx"))
            {
                await cli.Error.WriteLineAsync($"--format 应为 json、html、docx 或 xlsx，而不是“{formatText}”。");
                return GongkaiCli.BadInput;
            }
            if (formatText is "xlsx" or "docx" && parse.GetValue(output) is null)
            {
                await cli.Error.WriteLineAsync($"输出 {formatText} 时必须用 --out 指定文件：它是二进制文件，不能写到终端。");
                return GongkaiCli.BadInput;
            }
            var outcome = await services.GetRequiredService<ReportDocuments>().CompiledAsync(parse.GetValue(unit)!, parse.GetValue(year),
                scopeText == "unit" ? ReportScope.Unit : ReportScope.Jurisdiction, ct);
            if (!outcome.Succeeded)
                return await cli.ReportAsync(outcome);
            using var buffer = new MemoryStream();
            var document = outcome.Value!;
            switch (formatText)
            {
                case "xlsx": ReportXlsx.Write(buffer, document.Report); break;
                case "docx": ReportDocx.Write(buffer, document); break;
                case "html": ReportHtml.Write(buffer, document); break;
                default: ReportJson.Write(buffer, document.Report); break;
            }
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllBytesAsync(file.FullName, buffer.ToArray(), ct);
                await cli.Error.WriteLineAsync($"已写入 {file.FullName}");
            }
            else
                await cli.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            var errors = document.Report.Findings.Count(f => f.Severity == Gongkai.Core.Reports.Severity.Error);
            await cli.Error.WriteLineAsync(errors == 0 ? "勾稽关系检查通过。" : $"勾稽关系检查发现 {errors} 处错误，详见 {(formatText switch { "xlsx" => "「勾稽关系检查」表", "json" => "findings", _ => "report build --format json 的 findings" })}。");
            return GongkaiCli.Done;
        }));
        var file = new Argument<FileInfo>("file") { Description = "UTF-8 编码的 CSV：单位代码,年度,范围,项目,数值,来源说明（或 unit,year,scope,key,value,note）；项目为单元格键" };
        var import = new Command("import", "导入年度报告数字（其他系统的第二十条数据、未使用本平台的单位、2008—2018 年度的统计表）：先检查全部行，有错则不写入") { file };
        import.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                await cli.Error.WriteLineAsync($"找不到文件：{path.FullName}");
                return GongkaiCli.NotFound;
            }
            using var reader = new StreamReader(path.FullName, detectEncodingFromByteOrderMarks: true);
            var outcome = await services.GetRequiredService<SaveEnteredFigures>().ImportAsync(SaveEnteredFigures.ReadCsv(reader), "命令行导入", ct);
            if (!outcome.Succeeded)
            {
                await cli.Error.WriteLineAsync($"导入失败，未写入任何数据。共 {outcome.Problems.Count} 处错误：");
                return await cli.ReportAsync(outcome);
            }
            await cli.Out.WriteLineAsync($"已导入 {outcome.Value} 个单元格的数字。");
            return GongkaiCli.Done;
        }));
        return new Command("report", "政府信息公开工作年度报告") { build, new Command("figures", "录入的年度报告数字") { import } };
    }
}
