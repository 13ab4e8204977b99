using System.CommandLine;
using Gongkai.App.Reports;
using Gongkai.App.Reports.Audit;
using Gongkai.Core.Reports;
using Gongkai.Core.Reports.Reading;
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
            if (ReportScopes.Parse(scopeText) is not { } chosenScope)
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
                chosenScope, ct);
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
            var errors = document.Report.Findings.Count(f => f.Severity == Severity.Error);
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
        return new Command("report", "政府信息公开工作年度报告") { build, new Command("figures", "录入的年度报告数字") { import }, Audit(cli) };
    }

    /// <summary>
    /// `report audit FILE|FOLDER…`: reads published reports (text, HTML, DOCX, PDF) and checks them. With --format json,
    /// standard output holds only the JSON (one object for one file, an array for several); progress goes to standard
    /// error. A file that cannot be read gets its error and the batch goes on; the exit code is then 1.
    /// </summary>
    private static Command Audit(CliContext cli)
    {
        var paths = new Argument<string[]>("files") { Description = "报告文件（.txt、.html、.docx、.pdf）或文件夹，可多个", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text（默认，便于阅读）或 json", DefaultValueFactory = _ => "text" };
        var save = new Option<string?>("--save") { Description = "把读出的表格数字保存为该单位（统一社会信用代码）该年度的数字（只能审读一份报告时使用）" };
        var scope = new Option<string>("--scope") { Description = "与 --save 同用：unit（本单位，默认）或 jurisdiction（政府的全辖区报告）", DefaultValueFactory = _ => "unit" };
        var year = new Option<int?>("--year") { Description = "与 --save 同用：报告未写明年度时指定" };
        var score = new Option<string?>("--score") { Description = "真值文件夹（ID.json）：把同名报告的读取结果与真值比较，按表、版式和格式列出准确率和每处漏读、误读、多读" };
        var audit = new Command("audit", "审读已公开的年度报告：识别格式、单位和年度，读出统计数字，检查勾稽关系和文中数字") { paths, format, save, scope, year, score };
        audit.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var formatText = parse.GetValue(format)!;
            if (formatText is not ("text" or "json"))
            {
                await cli.Error.WriteLineAsync($"--format 应为 text 或 json，而不是“{formatText}”。");
                return GongkaiCli.BadInput;
            }
            var files = new List<string>();
            foreach (var path in parse.GetValue(paths)!)
            {
                if (Directory.Exists(path))
                    files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal));
                else if (File.Exists(path))
                    files.Add(path);
                else
                {
                    await cli.Error.WriteLineAsync($"找不到文件或文件夹：{path}");
                    return GongkaiCli.NotFound;
                }
            }
            if (parse.GetValue(score) is { } truthFolder)
                return await ScoreAsync(cli, truthFolder, files, ct);
            if (parse.GetValue(save) is not null && files.Count != 1)
            {
                await cli.Error.WriteLineAsync("--save 只能在审读一份报告时使用。");
                return GongkaiCli.BadInput;
            }
            var reports = new List<AuditedReport>();
            foreach (var file in files)
            {
                ct.ThrowIfCancellationRequested();
                var info = new FileInfo(file);
                var report = info.Length > AuditFile.MaxBytes
                    ? new AuditedReport(file, null, [], AuditFile.TooLarge)
                    : AuditReport.Audit(file, await File.ReadAllBytesAsync(file, ct), services.GetRequiredService<ScannedPdf>(), ct);
                reports.Add(report);
                await cli.Error.WriteLineAsync(report.Failed ? $"{file}：无法审读：{report.Error}"
                    : $"{file}：{report.Findings.Count(f => f.Severity == Severity.Error)} 个错误，{report.Findings.Count(f => f.Severity == Severity.Warning)} 个警告");
            }
            reports = [.. AuditReport.AcrossYears(reports)];
            if (formatText == "json")
            {
                using var buffer = new MemoryStream();
                AuditReport.Write(buffer, reports);
                await cli.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            }
            else
                foreach (var report in reports)
                    await cli.Out.WriteAsync(AuditText(report));
            if (parse.GetValue(save) is { } unit && !reports[0].Failed)
            {
                var read = reports[0].Read!;
                if ((parse.GetValue(year) ?? read.Year) is not { } reportYear)
                {
                    await cli.Error.WriteLineAsync("报告未写明年度，请用 --year 指定。");
                    return GongkaiCli.BadInput;
                }
                var saved = await services.GetRequiredService<SaveEnteredFigures>().HandleAsync(new(unit, reportYear,
                    ReportScopes.Parse(parse.GetValue(scope)) ?? ReportScope.Unit,
                    reports[0].FormCells.Values.ToDictionary(v => v.Key, v => (decimal?)v.Value.Value), $"审读自 {Path.GetFileName(files[0])}", FigureSource.Audited),
                    Gongkai.App.Accounts.StaffScope.System, ct);
                if (!saved.Succeeded)
                    return await cli.ReportAsync(saved);
                await cli.Error.WriteLineAsync($"已保存为 {unit} {reportYear} 年度的 {saved.Value!.Count} 个数字。");
            }
            return reports.Any(r => r.Failed) ? GongkaiCli.BadInput : GongkaiCli.Done;
        }, needsSchema: parse.GetValue(save) is not null));   // reading needs no database; saving does
        return audit;
    }

    /// <summary>
    /// `report audit --score TRUTH_DIR REPORTS_DIR` (issue 18): each truth file ID.json against the report file named ID
    /// (any extension) among the files given, read as any audit reads it; prints <see cref="ReaderScore.Describe"/>.
    /// </summary>
    private static async Task<int> ScoreAsync(CliContext cli, string truthFolder, IReadOnlyList<string> files, CancellationToken ct)
    {
        if (!Directory.Exists(truthFolder))
        {
            await cli.Error.WriteLineAsync($"找不到真值文件夹：{truthFolder}");
            return GongkaiCli.NotFound;
        }
        var reportsById = files.Where(f => !f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .GroupBy(f => Path.GetFileNameWithoutExtension(f)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var scores = new List<ReportScore>();
        foreach (var truthFile in Directory.EnumerateFiles(truthFolder, "*.json").Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            var id = Path.GetFileNameWithoutExtension(truthFile);
            CorpusTruth truth;
            try
            {
                truth = CorpusTruth.Parse(id, await File.ReadAllTextAsync(truthFile, ct));
            }
            catch (FormatException e)
            {
                await cli.Error.WriteLineAsync(e.Message);
                return GongkaiCli.BadInput;
            }
            if (!reportsById.TryGetValue(id, out var reportFile))
            {
                await cli.Error.WriteLineAsync($"真值 {id} 没有同名的报告文件。");
                return GongkaiCli.NotFound;
            }
            var report = AuditReport.Audit(reportFile, await File.ReadAllBytesAsync(reportFile, ct));
            scores.Add(ReaderScore.Score(truth, report.Read ?? ReportReader.Read(""), report.Findings));
        }
        await cli.Out.WriteAsync(ReaderScore.Describe(scores));
        return GongkaiCli.Done;
    }

    /// <summary>A report's audit as a reader wants it on a terminal.</summary>
    private static string AuditText(AuditedReport report)
    {
        var text = new System.Text.StringBuilder($"== {report.Name}\n");
        if (report.Failed)
            return text.Append($"无法审读：{report.Error}\n\n").ToString();
        var read = report.Read!;
        text.Append($"格式：{read.Form.ChineseName()}；单位：{read.Unit ?? "（未写明）"}；年度：{read.Year?.ToString() ?? "（未写明）"}；读出 {read.Figures.Count} 个数字\n");
        if (report.OcrPages.Count > 0)
            text.Append($"第{string.Join("、", report.OcrPages)}页是图片，文字由 OCR 识别，数字可能有误，请与原件核对。\n");
        if (report.Findings.Count == 0)
            text.Append("勾稽关系和文中数字检查通过。\n");
        foreach (var finding in report.Findings.OrderByDescending(f => f.Severity))
        {
            text.Append($"[{(finding.Severity == Severity.Error ? "错误" : "警告")}] {finding.Message}（{finding.Rule}）\n");
            foreach (var evidence in Gongkai.Core.Reports.Reading.ReportAudit.Quotes(read, finding).Where(e => e.Quote is not null))
                text.Append($"    {evidence.Figure}{(evidence.Ocr ? "（OCR识别）" : "")}：「{evidence.Quote}」\n");
        }
        foreach (var note in read.Notes)
            text.Append($"说明：{note}\n");
        return text.Append('\n').ToString();
    }
}
