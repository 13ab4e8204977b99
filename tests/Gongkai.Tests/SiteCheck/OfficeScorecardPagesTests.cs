using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.SiteCheck;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using static Gongkai.Tests.SiteCheck.OfficeSiteCheckData;

namespace Gongkai.Tests.SiteCheck;

/// <summary>
/// The staff's site-check pages: a unit's scorecard in the check's layout with its fix list most urgent first, judging a
/// lexicon hit, the subtree side by side worst first, the settings forms, and the monthly report in Word and Excel.
/// </summary>
public class OfficeScorecardPagesTests
{
    private static readonly string Zjj = SeedDemoData.CodeOf("zjj");

    public const string HomepageEvidence = "首页最新信息为 2026-10-30《住建局召开安全生产会议》，至检查日已 21 天未更新";
    public const string HomepageTitle = "首页超过 2 周未更新";
    public const string ColumnTitle = "“工作动态”栏目 20 天未更新";
    public const string LexiconTitle = "疑似严重错误：“国务院总里”";

    /// <summary>
    /// 住建局: a passing run on 10 November (92) and on the 20th a failing one — 首页不更新 with its evidence, 12 points off
    /// (88) — with three findings stored out of order; 发改委 passes (90); 映月区 scores 55 without a veto; a run on
    /// 1 December 00:30 Beijing time belongs to December.
    /// </summary>
    internal static async Task SeedRunsAsync(TestDatabase test)
    {
        await RunAsync(test, "zjj", Beijing(2026, 11, 10), Card(Vetoes(), ("信息发布", 8, "政策文件栏目更新不及时")));
        await RunAsync(test, "zjj", Beijing(2026, 11, 20),
            Card(Vetoes((VetoRule.HomepageNotUpdated, HomepageEvidence)), ("信息发布", 12, "“政策文件”栏目 6 个月未更新，扣 5 分；“统计数据”栏目 3 个月未更新，扣 7 分")),
            Finding(FindingRules.Lexicon, LexiconTitle, "《2026年住建工作要点》正文第 3 段：“……国务院总里……”", 2, "item", label: "2026年住建工作要点", judge: true),
            Finding(FindingRules.HomepageStale, HomepageTitle, HomepageEvidence, 0, "site", label: "青岚市住房和城乡建设局网站"),
            Finding(FindingRules.ColumnStale, ColumnTitle, "最新一条为 2026-10-31", 1, "column", label: "工作动态"));
        await RunAsync(test, "fgw", Beijing(2026, 11, 20), Card(Vetoes(), ("信息发布", 10, "解读材料不全")));
        await RunAsync(test, "yy", Beijing(2026, 11, 20), Card(Vetoes(), ("信息发布", 20, "多个栏目更新不及时"), ("互动交流", 20, "留言答复慢"), ("办事服务", 5, "办事指南不全")));
        await RunAsync(test, "zjj", Beijing(2026, 12, 1, 0).AddMinutes(30), Card(Vetoes()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_scorecard_should_show_the_failed_veto_with_its_evidence_and_the_fixes_most_urgent_first(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await SeedRunsAsync(app.Database);
        // The December run is the latest; look at November's through the history and the report, and here at a unit
        // whose latest run fails.
        await RunAsync(app.Database, "zjj", Beijing(2026, 12, 2), Card(Vetoes((VetoRule.HomepageNotUpdated, HomepageEvidence)), ("信息发布", 12, "两个栏目未更新")),
            Finding(FindingRules.Lexicon, LexiconTitle, "《2026年住建工作要点》正文第 3 段：“……国务院总里……”", 2, "item", label: "2026年住建工作要点", judge: true),
            Finding(FindingRules.HomepageStale, HomepageTitle, HomepageEvidence, 0, "site", label: "青岚市住房和城乡建设局网站"),
            Finding(FindingRules.ColumnStale, ColumnTitle, "最新一条为 2026-10-31", 1, "column", label: "工作动态"));
        await app.AddStaffAsync("zjj-letters", "zjj", StaffRole.LettersOfficer);
        await app.AddStaffAsync("city-supervisor", "city", StaffRole.Supervisor);
        var officer = await app.SignedInAsync("zjj-letters");

        var page = await officer.GetPageAsync("/office/site-check");
        var veto = page.QuerySelectorAll("#veto ~ .table-scroll table.scorecard")[0];
        var failed = veto.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("首页不更新"));
        Assert.Contains("不合格", failed.QuerySelector("td[data-label=结果]")!.TextContent);
        Assert.Contains(HomepageEvidence, failed.TextContent);
        Assert.Contains("88", page.QuerySelector(".verdict")!.TextContent);
        Assert.Contains("不合格（单项否决）", page.QuerySelector(".verdict")!.TextContent);
        Assert.Contains("两个栏目未更新", page.QuerySelectorAll("table.scorecard")[1].TextContent);
        var fixes = page.QuerySelectorAll("ol.fix-list > li").ToList();
        Assert.Equal([HomepageTitle, ColumnTitle, LexiconTitle], fixes.Select(li => li.QuerySelector(".fix-title strong")!.TextContent));
        Assert.Contains("单项否决", fixes[0].TextContent);
        Assert.Equal("/office/site-check/columns?unit=" + Zjj, fixes[1].QuerySelector(".target a")!.GetAttribute("href")![..^("&id=".Length + 36)]);
        // Only the lexicon hit asks for a person's judgement.
        Assert.Equal([false, false, true], fixes.Select(li => li.QuerySelector("form.judge") is not null));
        Assert.NotNull(page.QuerySelector("form.run-check button"));

        var key = fixes[2].QuerySelector("input[name=key]")!.GetAttribute("value")!;
        var noReason = await officer.PostFormAsync("/office/site-check?handler=Judge", new() { ["Unit"] = Zjj, ["key"] = key, ["decision"] = "Dismissed", ["note"] = "" }, "/office/site-check");
        Assert.Contains("请说明理由", await noReason.Content.ReadAsStringAsync());
        var dismissed = await officer.PostFormAsync("/office/site-check?handler=Judge", new() { ["Unit"] = Zjj, ["key"] = key, ["decision"] = "Dismissed", ["note"] = "引用的是 1998 年文件原文" }, "/office/site-check");
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        var judged = (await officer.GetPageAsync("/office/site-check")).QuerySelectorAll("ol.fix-list > li")[2].QuerySelector(".judgement")!.TextContent;
        Assert.Contains("不是错误", judged);
        Assert.Contains("引用的是 1998 年文件原文", judged);

        // Another bureau is outside the officer's subtree.
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/office/site-check?unit={SeedDemoData.CodeOf("fgw")}")).StatusCode);

        // The city's supervisor reads the bureau's scorecard and may run the check, but judges nothing.
        var supervisor = await app.SignedInAsync("city-supervisor");
        var read = await supervisor.GetPageAsync($"/office/site-check?unit={Zjj}");
        Assert.Equal(3, read.QuerySelectorAll("ol.fix-list > li").Length);
        Assert.Empty(read.QuerySelectorAll("form.judge"));
        Assert.NotNull(read.QuerySelector("form.run-check button"));
        var refused = await supervisor.PostFormAsync("/office/site-check?handler=Judge", new() { ["Unit"] = Zjj, ["key"] = key, ["decision"] = "Confirmed", ["note"] = "" }, $"/office/site-check?unit={Zjj}");
        Assert.Equal("/error/403", refused.Headers.Location?.AbsolutePath);   // the cookie handler's access-denied page

        // The same report as JSON, the CLI's shape.
        var json = JsonDocument.Parse(await (await officer.GetAsync($"/api/v1/office/site-check?unit={Zjj}")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(88, json.GetProperty("score").GetInt32());
        var homepage = json.GetProperty("veto").EnumerateArray().Single(v => v.GetProperty("rule").GetString() == "homepageNotUpdated");
        Assert.False(homepage.GetProperty("passed").GetBoolean());
        Assert.Equal(HomepageEvidence, homepage.GetProperty("evidence")[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/v1/office/site-check?unit={SeedDemoData.CodeOf("fgw")}")).StatusCode);
    }

    [Fact]
    public async Task The_subtree_should_list_every_unit_worst_first_with_the_change_since_the_run_before()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await SeedRunsAsync(app.Database);
        await RunAsync(app.Database, "zjj", Beijing(2026, 12, 2), Card(Vetoes((VetoRule.HomepageNotUpdated, HomepageEvidence)), ("信息发布", 12, "两个栏目未更新")));
        await app.AddStaffAsync("city-supervisor", "city", StaffRole.Supervisor);
        var supervisor = await app.SignedInAsync("city-supervisor");

        var rows = (await supervisor.GetPageAsync("/office/site-check/subtree")).QuerySelectorAll("table.subtree-standings tbody tr").ToList();
        Assert.Equal(SeedDemoData.Keys.Count(), rows.Count);
        string Cell(int row, string label) => rows[row].QuerySelector($"td[data-label={label}]")!.TextContent.Trim();
        Assert.Equal(["青岚市住房和城乡建设局", "青岚市映月区人民政府", "青岚市发展和改革委员会"], rows.Take(3).Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        Assert.Contains("首页不更新", Cell(0, "单项否决不合格"));
        Assert.Equal("下降 12 分", Cell(0, "较上次"));   // 100 on 1 December, 88 on the 2nd
        Assert.Equal(("55", "不合格（低于 60 分）"), (Cell(1, "得分"), Cell(1, "结论")));
        Assert.Equal(("90", "合格", "首次检查"), (Cell(2, "得分"), Cell(2, "结论"), Cell(2, "较上次")));
        Assert.All(rows.Skip(3), r => Assert.Contains("尚未检查", r.TextContent));
        Assert.Equal($"/office/site-check?unit={Zjj}", rows[0].QuerySelector("a")!.GetAttribute("href"));

        var history = await supervisor.GetPageAsync($"/office/site-check/history?unit={Zjj}");
        Assert.Equal(["88", "100", "88", "92"], history.QuerySelectorAll("table.history tbody td[data-label=得分]").Select(td => td.TextContent));
        Assert.Contains("共 4 次检查", history.QuerySelector("svg desc")!.TextContent);
    }

    [Fact]
    public async Task The_monthly_report_should_take_each_units_last_run_of_the_month_in_word_and_excel()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await SeedRunsAsync(app.Database);
        await app.AddStaffAsync("city-supervisor", "city", StaffRole.Supervisor);
        var supervisor = await app.SignedInAsync("city-supervisor");
        var query = $"/office/site-check/report?unit={SeedDemoData.CityCode}&month=2026-11&subtree=true";

        var xlsxResponse = await supervisor.GetAsync(query + "&handler=Xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsxResponse.Content.Headers.ContentType!.MediaType);
        using (var xlsx = SpreadsheetDocument.Open(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()), false))
        {
            var workbook = xlsx.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
            Assert.Equal(["检查结果", "单项否决", "扣分加分", "整改清单"], sheets.Select(s => s.Name!.Value));
            string[][] Rows(int sheet) => [.. ((WorksheetPart)workbook.GetPartById(sheets[sheet].Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(r => r.Elements<Cell>().Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? "").ToArray())];
            var results = Rows(0);
            Assert.Equal(["青岚市住房和城乡建设局", Zjj, "2026-11-20 10:00", "1", "首页不更新", "88", "不合格（单项否决）", "-4"], results[2]);
            Assert.Equal(["青岚市映月区人民政府", "55"], new[] { results[3][0], results[3][5] });
            Assert.Equal("本月未检查", results[^1][2]);
            Assert.Contains(Rows(1), r => r[0] == "青岚市住房和城乡建设局" && r[1] == "首页不更新（门户网站）" && r[2] == "不合格" && r[3] == HomepageEvidence);
            Assert.Equal([HomepageTitle, ColumnTitle, LexiconTitle], Rows(3).Skip(2).Where(r => r[0] == "青岚市住房和城乡建设局").Select(r => r[2]));
        }

        var docxBytes = await (await supervisor.GetAsync(query + "&handler=Docx")).Content.ReadAsByteArrayAsync();
        // Kept beside the screenshots, to look at (converted to PDF) by hand.
        await File.WriteAllBytesAsync(Path.Combine(Browser.ChromiumBrowser.Artifacts, "site-check-month.docx"), docxBytes);
        using var docx = WordprocessingDocument.Open(new MemoryStream(docxBytes), false);
        var body = docx.MainDocumentPart!.Document.Body!;
        var paragraphs = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("青岚市人民政府及所属单位政府网站与政务新媒体自查月度报告（2026年11月）", paragraphs[0]);
        Assert.Contains("一、各单位检查结果（问题多的在前）", paragraphs);
        var table = body.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().First();
        var first = table.Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().ElementAt(1).Elements<DocumentFormat.OpenXml.Wordprocessing.TableCell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["青岚市住房和城乡建设局", "2026-11-20 10:00", "首页不更新", "88", "不合格（单项否决）", "下降 4 分"], first);
        Assert.Contains("总分：88 分（满分 100，扣 12 分，加 0 分）　结论：不合格（单项否决）", paragraphs);
        Assert.Contains(HomepageEvidence, body.InnerText);
    }

    [Fact]
    public async Task The_settings_pages_should_save_through_their_forms_and_list_each_bad_line_of_an_import()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("zjj-editor", "zjj", StaffRole.CatalogEditor);
        await app.AddStaffAsync("city-supervisor", "city", StaffRole.Supervisor);
        var editor = await app.SignedInAsync("zjj-editor");

        var bad = await editor.PostFormAsync("/office/site-check/websites", new() { ["Unit"] = Zjj, ["Form.Name"] = "住建局网站", ["Form.HomeUrl"] = "zjj.example.gov.cn", ["Form.Active"] = "true" });
        Assert.Contains("首页地址应为以 http:// 或 https:// 开头的完整网址", await bad.Content.ReadAsStringAsync());
        var saved = await editor.PostFormAsync("/office/site-check/websites", new() { ["Unit"] = Zjj, ["Form.Name"] = "住建局网站", ["Form.HomeUrl"] = "https://zjj.example.gov.cn/", ["Form.Active"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("https://zjj.example.gov.cn/", (await editor.GetPageAsync("/office/site-check/websites")).QuerySelector("table.websites")!.TextContent);

        var column = await editor.PostFormAsync("/office/site-check/columns", new()
        {
            ["Unit"] = Zjj, ["Form.Name"] = "通知公告", ["Form.Url"] = "https://zjj.example.gov.cn/tzgg/", ["Form.DateSource"] = "Entered", ["Form.NewestOn"] = "2026-05-06",
            ["Form.UpdateClass"] = "NoticePolicy", ["Form.TopLevel"] = "true", ["Form.NeedsUpdates"] = "true", ["Form.OnHomepage"] = "false", ["Form.Active"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, column.StatusCode);
        var row = (await editor.GetPageAsync("/office/site-check/columns")).QuerySelectorAll("table.columns tbody tr").Single();
        Assert.Contains("2026-05-06", row.QuerySelector("td[data-label=最新信息]")!.TextContent);
        Assert.Contains("通知公告、政策文件类", row.TextContent);

        var csv = "类型,词语,正确写法,说明\n严重错别字,国务院总里,国务院总理,\n错字,部署安排,,\n"u8.ToArray();
        var import = await editor.PostFileAsync($"/office/site-check/lexicon?unit={Zjj}&handler=Import", "file", "词库.csv", csv, $"/office/site-check/lexicon?unit={Zjj}");
        var problems = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await import.Content.ReadAsStringAsync()).QuerySelectorAll("ul.import-problems li").Select(li => li.TextContent).ToList();
        Assert.Equal(["第 3 行（类型）：“错字”不是有效的类型，应为名称职务错误（WrongName）、严重错别字（Misspelling）、禁用词（Forbidden）。"], problems);
        Assert.Contains("还没有词条", (await editor.GetPageAsync("/office/site-check/lexicon")).QuerySelector("main")!.TextContent);

        // 督查 sees the lists but no forms.
        var supervisor = await app.SignedInAsync("city-supervisor");
        var readOnly = await supervisor.GetPageAsync($"/office/site-check/websites?unit={Zjj}");
        Assert.Contains("住建局网站", readOnly.QuerySelector("table.websites")!.TextContent);
        Assert.Null(readOnly.QuerySelector("form.form"));
        var log = (await supervisor.GetPageAsync($"/office/site-check/log?unit={Zjj}")).QuerySelectorAll("table.site-check-log tbody tr").Select(r => r.QuerySelector("td[data-label=操作]")!.TextContent).ToList();
        Assert.Equal(["新增栏目", "新增网站"], log);
    }
}
