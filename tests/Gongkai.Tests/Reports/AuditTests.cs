using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Reports;
using Gongkai.App.Reports.Audit;
using Gongkai.Cli;
using Gongkai.Core.Reports;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Reports;

/// <summary>
/// Auditing published reports (issue 6) from the outside: `gongkai report audit` over files and folders, POST
/// /api/v1/audit, the /tools/audit page, and saving what was read as a unit's figures. The reader itself is tested in
/// Gongkai.Core.Tests (Reports/Reading).
/// </summary>
public class AuditTests
{
    /// <summary>The three published samples, kept with the reader's tests.</summary>
    private static string Samples => Path.Combine(FindUp("tests"), "Gongkai.Core.Tests", "Reports", "Reading", "Samples");

    private static string FindUp(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, folder)))
                return Path.Combine(dir.FullName, folder);
        throw new DirectoryNotFoundException(folder);
    }

    private static string Sample(string name) => Directory.EnumerateFiles(Samples).Single(f => Path.GetFileName(f).StartsWith(name, StringComparison.Ordinal));

    [Fact]
    public void Gongkais_own_docx_and_html_exports_should_read_back_to_the_figures_they_print()
    {
        var document = ReportExportGoldenTests.District2024();
        foreach (var (name, write) in new (string, Action<Stream, ReportDocument>)[] { ("report.docx", ReportDocx.Write), ("report.html", ReportHtml.Write) })
        {
            using var file = new MemoryStream();
            write(file, document);
            var audited = AuditReport.Audit(name, file.ToArray());
            Assert.False(audited.Failed, audited.Error);
            var read = audited.Read!;
            Assert.Equal((ReportForm.Form2021, 2024), (read.Form, read.Year));
            Assert.Contains("映月区", read.Unit);
            var printed = document.Report.Figures.Values.Where(v => v.Key.StartsWith("t3.", StringComparison.Ordinal) || v.Key.StartsWith("t4.", StringComparison.Ordinal));
            Assert.All(printed, v => Assert.True(audited.Cells[v.Key] == v.Value, $"{name}: {v.Key} printed {v.Value}, read {audited.Cells[v.Key]}"));
            // The text says 9 applications were received; table 三 says 6: the audit names it.
            Assert.Contains(audited.Findings, f => f.Rule == "narrative.matches_table" && f.Severity == Severity.Error);
        }
    }

    [Fact]
    public void A_batch_with_the_units_report_of_the_year_before_should_check_the_carry_over()
    {
        var y2024 = ReportExportGoldenTests.District2024();
        // The 2023 report as published said 3 applications went forward into 2024; the 2024 report carried over 1.
        var y2023 = y2024 with { Report = y2024.Report with { Year = 2023, Figures = y2024.Report.Figures.With("t3.carried_forward.total", 3) }, Sections = [] };
        AuditedReport Html(ReportDocument document)
        {
            using var file = new MemoryStream();
            ReportHtml.Write(file, document);
            return AuditReport.Audit($"{document.Report.Year}.html", file.ToArray());
        }

        var batch = AuditReport.AcrossYears([Html(y2023), Html(y2024)]);
        Assert.DoesNotContain(batch[0].Findings, f => f.Rule == "t3.carry_over");
        var carry = Assert.Single(batch[1].Findings, f => f.Rule == "t3.carry_over" && f.Evidence.Any(e => e.Key == "t3.carried_forward.total" && e.LastYear));
        Assert.Equal(Severity.Error, carry.Severity);
        Assert.DoesNotContain(AuditReport.AcrossYears([Html(y2024)])[0].Findings, f => f.Rule == "t3.carry_over");   // alone: nothing to compare
    }

    [Fact]
    public async Task Report_audit_should_print_only_json_for_a_folder_and_go_on_past_a_bad_file()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("gongkai-audit-").FullName;
        foreach (var file in Directory.EnumerateFiles(Samples))
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        await File.WriteAllBytesAsync(Path.Combine(folder, "broken.docx"), [0x50, 0x4B, 0x03, 0x04, 1, 2, 3]);

        var run = await CliRun.RunAsync(db, "report", "audit", folder, "--format", "json");
        Assert.Equal(GongkaiCli.BadInput, run.ExitCode);                    // one file could not be read …
        var reports = JsonDocument.Parse(run.Out).RootElement.EnumerateArray().ToDictionary(r => Path.GetFileName(r.GetProperty("file").GetString()!));
        Assert.Equal(4, reports.Count);                                     // … and the others were audited
        Assert.Contains("无法", reports["broken.docx"].GetProperty("error").GetString());
        var changsha = reports.Single(r => r.Key.StartsWith("changsha", StringComparison.Ordinal)).Value;
        Assert.Equal(("legacy", 2018), (changsha.GetProperty("form").GetString(), changsha.GetProperty("year").GetInt32()));
        Assert.Equal(283, changsha.GetProperty("figures").GetProperty("applications.received").GetInt32());
        Assert.Equal(1_422_000, changsha.GetProperty("figures").GetProperty("proactive.total").GetInt32());   // 「142.2万条」
        var finding = Assert.Single(changsha.GetProperty("findings").EnumerateArray());
        Assert.Equal(("prose.parts_of_whole", "error"), (finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString()));
        Assert.Contains(finding.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("quote").GetString()!.Contains("97.8万"));
        var xiangxi = reports.Single(r => r.Key.StartsWith("xiangxi", StringComparison.Ordinal)).Value;
        Assert.Equal(["legacy.proactive.channels", "legacy.reconsideration"],
            xiangxi.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).Order());
        Assert.Contains("broken.docx：无法审读", run.Error);                // progress and problems on standard error only

        var one = await CliRun.RunAsync(db, "report", "audit", Sample("kaifu"), "--format", "json");
        Assert.Equal(GongkaiCli.Done, one.ExitCode);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(one.Out).RootElement.ValueKind);   // one file: one object
        Directory.Delete(folder, true);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_report_read_by_the_audit_should_be_saved_as_the_units_figures_for_that_year(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var run = await CliRun.RunAsync(db, "report", "audit", Sample("xiangxi"), "--save", SeedDemoData.CityCode, "--scope", "jurisdiction");
        Assert.Equal(GongkaiCli.Done, run.ExitCode);
        Assert.Contains("已保存", run.Error);

        await using var scope = db.Scope();
        var report = (await db.Get<CompileReport>(scope).HandleAsync(SeedDemoData.CityCode, 2017, ReportScope.Jurisdiction)).Value!;
        Assert.True(report.AsEntered);
        Assert.Equal((248071m, 101m), (report.Figures["legacy.proactive.total"]!.Value.Value, report.Figures["legacy.reconsideration"]!.Value.Value));
        Assert.Contains(report.Findings, f => f.Rule == "legacy.reconsideration");   // the saved figures keep their error
    }

    /// <summary>Issue 18's corpus of real published reports, next to the reader's tests.</summary>
    private static string Corpus => Path.Combine(FindUp("tests"), "Gongkai.Core.Tests", "Reports", "Reading", "Corpus");

    [Fact]
    public void Every_figure_read_from_a_real_report_should_be_shown_either_in_a_table_or_among_the_prose_figures()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Corpus, "reports")))
        {
            var audited = AuditReport.Audit(file, File.ReadAllBytes(file));
            Assert.False(audited.Failed, $"{file}: {audited.Error}");
            var read = audited.Read!;
            Assert.Equal(read.Figures.Count, audited.Cells.Count + audited.ProseFigures.Count);
            Assert.All(audited.Cells.Keys, key => Assert.NotNull(audited.Layout.Cell(key)));
            Assert.All(audited.FormCells.Keys, key => Assert.NotNull(ReportLayouts.For(read.Form).Cell(key)));
        }
    }

    [Fact]
    public async Task The_audit_page_should_show_as_many_table_figures_as_it_says_it_read()
    {
        // Corpus a08: a 2021 report whose 第二十条第(一)项 has the 2019 form's columns; its 2019-keyed cells must be in a table.
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var text = await File.ReadAllTextAsync(Path.Combine(Corpus, "reports", "a08-qujiaoyuju-2021.txt"));
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            await (await app.Browser().PostFormAsync("/tools/audit", new() { ["Text"] = text })).Content.ReadAsStringAsync());
        var stated = html.QuerySelector(".audit-result h3:not(#prose-figures)")!.TextContent;   // 统计表中的数字（N 个）
        var shown = html.QuerySelectorAll(".report-tables td.num").Count(td => td.TextContent.Trim().Length > 0);
        Assert.Contains($"（{shown} 个）", stated);
        Assert.True(shown > 40, $"only {shown} figures shown");
        Assert.Contains(html.QuerySelectorAll(".report-tables th"), th => th.TextContent.Contains("本年新制作数量") || th.TextContent.Contains("本年新"));
    }

    [Fact]
    public async Task Scoring_the_reader_against_truth_files_should_print_accuracy_by_layout_and_every_miss()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var folder = Directory.CreateTempSubdirectory("gongkai-score-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "truth"));
        Directory.CreateDirectory(Path.Combine(folder, "reports"));
        foreach (var id in new[] { "a21-hanyang-2022", "b01-shenji-2020" })
        {
            File.Copy(Path.Combine(Corpus, "reports", id + ".txt"), Path.Combine(folder, "reports", id + ".txt"));
            File.Copy(Path.Combine(Corpus, "truth", id + ".json"), Path.Combine(folder, "truth", id + ".json"));
        }
        // A truth that says one more figure than the text states: the score shows it as missed.
        var truth = File.ReadAllText(Path.Combine(folder, "truth", "b01-shenji-2020.json")).Replace("\"figures\": {", "\"figures\": {\n    \"t3.received.total\": 9,");
        File.WriteAllText(Path.Combine(folder, "truth", "b01-shenji-2020.json"), truth);

        var run = await CliRun.RunAsync(db, "report", "audit", "--score", Path.Combine(folder, "truth"), Path.Combine(folder, "reports"));
        Assert.Equal(GongkaiCli.Done, run.ExitCode);
        Assert.Contains("语料：2 份报告", run.Out);
        Assert.Contains("按版式：", run.Out);
        Assert.Matches(@"\n  pdf\t\d+/\d+", run.Out);
        Assert.Matches(@"漏读：\n(?:.*\n)*?  b01-shenji-2020：[^\n]*t3\.received\.total=9", run.Out);

        File.Delete(Path.Combine(folder, "reports", "a21-hanyang-2022.txt"));
        var missing = await CliRun.RunAsync(db, "report", "audit", "--score", Path.Combine(folder, "truth"), Path.Combine(folder, "reports"));
        Assert.Equal(GongkaiCli.NotFound, missing.ExitCode);
        Assert.Contains("a21-hanyang-2022", missing.Error);
        Directory.Delete(folder, true);
    }

    [Fact]
    public async Task The_audit_api_and_page_should_read_pasted_text_and_uploaded_files()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        var changsha = await File.ReadAllTextAsync(Sample("changsha"));

        var response = await client.PostAsync("/api/v1/audit", new StringContent(changsha, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("长沙市人民政府", 2018), (json.GetProperty("unit").GetString(), json.GetProperty("year").GetInt32()));

        using var files = new MultipartFormDataContent();
        foreach (var name in new[] { "kaifu", "xiangxi" })
            files.Add(new ByteArrayContent(await File.ReadAllBytesAsync(Sample(name))) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") } }, "file", name + ".txt");
        var batch = JsonDocument.Parse(await (await client.PostAsync("/api/v1/audit", files)).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, batch.GetArrayLength());
        Assert.Equal(2, batch[1].GetProperty("findings").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/audit", new StringContent("", Encoding.UTF8, "text/plain"))).StatusCode);

        var page = await client.PostFormAsync("/tools/audit", new() { ["Text"] = changsha });
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        Assert.Contains("长沙市人民政府", html.QuerySelector(".audit-result dl")!.TextContent);
        var error = Assert.Single(html.QuerySelectorAll("li.finding.error"));
        Assert.Contains("超过了所述总数", error.TextContent);
        Assert.Contains("市级机关97.8万条", error.QuerySelector("ul.evidence")!.TextContent);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostFormAsync("/tools/audit", new() { ["Text"] = "" })).StatusCode);
    }
}

public class AuditSavePageTests
{
    [Fact]
    public async Task Staff_should_keep_the_figures_read_on_the_audit_page_as_a_units_figures()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-editor", "yy", Core.Accounts.StaffRole.CatalogEditor);
        var xiangxi = await File.ReadAllTextAsync(Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..",
            "Gongkai.Core.Tests", "Reports", "Reading", "Samples")).Single(f => Path.GetFileName(f).StartsWith("xiangxi", StringComparison.Ordinal)));

        var publicPage = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            await (await app.Browser().PostFormAsync("/tools/audit", new() { ["Text"] = xiangxi })).Content.ReadAsStringAsync());
        Assert.Null(publicPage.QuerySelector("form.inline-save"));                      // the public cannot save

        var staff = await app.SignedInAsync("yy-editor");
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(
            await (await staff.PostFormAsync("/tools/audit", new() { ["Text"] = xiangxi })).Content.ReadAsStringAsync());
        var form = page.QuerySelector("form.inline-save")!;
        Assert.Equal("2017", form.QuerySelector("#SaveYear")!.GetAttribute("value"));
        var saved = await staff.PostFormAsync("/tools/audit?handler=Save", new()
        {
            ["Text"] = form.QuerySelector("input[name=Text]")!.GetAttribute("value")!,
            ["SaveUnit"] = SeedDemoData.CodeOf("yy-jyj"),
            ["SaveYear"] = "2017",
            ["SaveScope"] = "unit",
        }, formPage: "/tools/audit");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        await using var scope = app.Database.Scope();
        var report = (await app.Database.Get<CompileReport>(scope).HandleAsync(SeedDemoData.CodeOf("yy-jyj"), 2017, ReportScope.Unit)).Value!;
        Assert.Equal(101m, report.Figures["legacy.reconsideration"]!.Value.Value);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostFormAsync("/tools/audit?handler=Save", new()
        { ["Text"] = xiangxi, ["SaveUnit"] = SeedDemoData.CodeOf("st"), ["SaveYear"] = "2017" }, formPage: "/tools/audit")).StatusCode);  // another district: refused
        Assert.False((await app.Database.Get<CompileReport>(scope).HandleAsync(SeedDemoData.CodeOf("st"), 2017, ReportScope.Unit)).Succeeded);
    }
}

/// <summary>Files as they come: whatever the bytes, reading a file for the audit ends in a result, never an exception.</summary>
public class AuditFileFuzzTests
{
    [Fact]
    public void Random_and_truncated_files_of_every_kind_should_give_a_result_or_a_clear_error()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var random = new Random(6);
        using var docx = new MemoryStream();
        ReportDocx.Write(docx, ReportExportGoldenTests.District2024());
        var real = docx.ToArray();
        var inputs = new List<(string Name, byte[] Content)>();
        foreach (var extension in new[] { ".txt", ".html", ".docx", ".pdf", "" })
            for (var i = 0; i < 20; i++)
            {
                var bytes = new byte[random.Next(0, 4096)];
                random.NextBytes(bytes);
                inputs.Add(("fuzz" + extension, bytes));
            }
        for (var cut = 0; cut < real.Length; cut += real.Length / 25)
            inputs.Add(("truncated.docx", real[..cut]));
        inputs.Add(("gbk.txt", System.Text.Encoding.GetEncoding("GB18030").GetBytes("青岚市2024年政府信息公开工作年度报告\n全年共收到政府信息公开申请12件。")));
        foreach (var (name, content) in inputs)
        {
            var result = AuditReport.Audit(name, content);
            Assert.True(result.Failed ? result.Error!.Length > 0 : result.Read is not null, name);
        }
        var gbk = AuditReport.Audit("gbk.txt", inputs[^1].Content);
        Assert.Equal((2024, 12m), (gbk.Read!.Year, gbk.Figures["applications.received"]!.Value.Value));   // GB18030 text decoded
    }
}

/// <summary>The audit page shows the figures it read as the report writes them, and echoes pasted text as valid HTML.</summary>
public class AuditPageFiguresTests
{
    private static string Sample(string name) => Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..",
        "Gongkai.Core.Tests", "Reports", "Reading", "Samples")).Single(f => Path.GetFileName(f).StartsWith(name, StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_real_reports_figures_should_be_listed_as_written_and_pasted_line_ends_not_echoed_as_carriage_returns(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        // Changsha 2018 states its figures in prose only: they are what the page lists, not an empty statistics table.
        var changsha = (await File.ReadAllTextAsync(Sample("changsha"))).ReplaceLineEndings("\r\n");
        var response = await app.Browser().PostFormAsync("/tools/audit", new() { ["Text"] = changsha });
        var html = await response.Content.ReadAsStringAsync();
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

        var rows = page.QuerySelectorAll("table.prose-figures tbody tr")
            .Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelectorAll("td")[0].TextContent)).ToList();
        Assert.Equal(8, rows.Count);
        Assert.Contains(("主动公开政府信息数", "142.2万条"), rows);   // as written, measure word and all
        Assert.Contains(("信函申请数", "232"), rows);
        Assert.DoesNotContain("1422000", page.QuerySelector("table.prose-figures")!.TextContent);
        Assert.Contains("表格 0 个，正文 8 个", page.QuerySelector(".audit-result dl")!.TextContent);
        Assert.Null(page.QuerySelector("table.report-table"));   // no statistics table was read: none shown empty
        Assert.Contains("97.8万", page.QuerySelector("li.finding.error ul.evidence")!.TextContent);
        Assert.DoesNotContain('\r', page.QuerySelector("#Text")!.TextContent);
        Assert.DoesNotContain("\r", html);
    }
}
