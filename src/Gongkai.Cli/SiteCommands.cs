using System.CommandLine;
using System.Text.Json;
using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Participation.SiteReport;
using Gongkai.App.SiteCheck;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

/// <summary>
/// `gongkai site report`: the 解读回应 and 互动交流 sections of the 《政府网站工作年度报表》, counted from records;
/// `gongkai site check`: the website self-check (国办秘函〔2019〕19号) now, exit code 1 when any veto item fails.
/// </summary>
internal static class SiteCommands
{
    public static Command Create(CliContext cli) => new("site", "政府网站") { Report(cli), Check(cli) };

    private static Command Check(CliContext cli)
    {
        var unit = new Option<string?>("--unit") { Description = "只检查这个单位（统一社会信用代码或组织机构代码）；不指定则检查每个顶级单位及其全部下级单位" };
        var format = new Option<string>("--format") { Description = "text 或 json", DefaultValueFactory = _ => "text" };
        var command = new Command("check", "立即运行网站检查（单项否决、扣分加分、问题清单）；有单项否决未通过时退出码为 1") { unit, format };
        command.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var formatText = parse.GetValue(format)!;
            if (formatText is not ("text" or "json"))
            {
                await cli.Error.WriteLineAsync($"--format 应为 text 或 json，而不是“{formatText}”。");
                return GongkaiCli.BadInput;
            }
            var db = services.GetRequiredService<GongkaiDb>();
            var code = parse.GetValue(unit);
            List<(Guid Id, bool Subtree)> targets;
            if (!string.IsNullOrWhiteSpace(code))
            {
                var normalized = code.Trim().Replace("-", "").ToUpperInvariant();
                var id = await db.Units.Where(u => u.Code == normalized).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct);
                if (id is null)
                {
                    await cli.Error.WriteLineAsync($"没有代码为 {code} 的单位。");
                    return GongkaiCli.NotFound;
                }
                targets = [(id.Value, false)];
            }
            else
                targets = [.. (await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).ThenBy(u => u.FullName).Select(u => u.Id).ToListAsync(ct)).Select(id => (id, true))];

            var reports = new List<SiteCheckReport>();
            foreach (var (id, subtree) in targets)
            {
                var outcome = await services.GetRequiredService<RunSiteCheck>().HandleAsync(new(id, subtree, "手动（命令行）"), StaffScope.System, ct);
                if (!outcome.Succeeded)
                    return await cli.ReportAsync(outcome);
                reports.AddRange(outcome.Value!.Select(r => r.Report));
            }
            if (formatText == "json")
                await cli.Out.WriteLineAsync(targets is [(_, false)] ? reports[0].ToJson() : JsonSerializer.Serialize(reports, SiteCheckReport.Json)); // --unit: one object; else an array
            else
                foreach (var report in reports)
                    await cli.Out.WriteAsync(Text(report));
            return reports.Any(r => r.Veto.Any(v => !v.Passed)) ? 1 : GongkaiCli.Done;
        }));
        return command;
    }

    /// <summary>A unit's report as text: the veto table (✓/✗ with evidence), the score and result, then the findings most urgent first.</summary>
    public static string Text(SiteCheckReport r)
    {
        var s = new System.Text.StringBuilder();
        s.AppendLine($"== {r.UnitName}（{r.UnitCode}） 检查时间 {r.At.InChina():yyyy-MM-dd HH:mm}");
        s.AppendLine("单项否决：");
        foreach (var v in r.Veto)
        {
            s.AppendLine($"  {(v.Passed ? "✓" : "✗")} {v.Rule.ChineseName()}（{v.Subject}）");
            foreach (var e in v.Evidence)
                s.AppendLine($"      {e}");
        }
        var card = r.Scorecard;
        s.AppendLine($"得分：{r.Score} 分（扣 {card.Deducted} 分，加 {card.Bonus} 分）  结果：{(r.Passed ? "合格" : card.VetoFailed ? "不合格（单项否决）" : $"不合格（低于 {Scorecard.PassMark} 分）")}");
        foreach (var d in r.Deductions.Where(d => d.Counted > 0))
            s.AppendLine($"  -{d.Counted} {d.Name}");
        foreach (var b in r.Bonuses.Where(b => b.Counted > 0))
            s.AppendLine($"  +{b.Counted} {b.Name}");
        s.AppendLine(r.Findings.Count == 0 ? "问题：无" : $"问题（{r.Findings.Count} 个，最紧急的在前）：");
        foreach (var f in r.Findings)
            s.AppendLine($"  [{Urgency(f.Urgency)}] {f.Title} — {f.Target.Label}：{f.Evidence}{(f.Target.Url is { Length: > 0 } url ? $"  {url}" : "")}");
        s.AppendLine();
        return s.ToString();
    }

    private static string Urgency(int u) => u switch { 0 => "否决", 1 => "紧急", 2 => "扣分", _ => "提示" };

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
