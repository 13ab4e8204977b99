using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Reports;

/// <summary>
/// The office side of a report beyond its tables: every figure traceable to its records (/office/reports/cell), figures
/// entered on the form (/office/reports/figures) or through the staff API, and the supervisors' view of who published
/// by the deadline (/office/reports/status).
/// </summary>
public class ReportTracingPageTests
{
    private static readonly string District = OfficeReportTests.District;
    private static readonly string Education = SeedDemoData.CodeOf("yy-jyj");
    private static readonly string Report = $"/office/reports?unit={District}&year=2024&scope=jurisdiction";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_figure_should_link_to_the_applications_counted_in_it_and_an_entered_one_to_its_entry(DatabaseProvider provider)
    {
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(provider);
        await app.AddStaffAsync("yy-editor", "yy", StaffRole.CatalogEditor);
        var client = await app.SignedInAsync("yy-editor");

        var page = await client.GetPageAsync(Report);
        var link = page.QuerySelector("td[data-key='t3.received.total'] a")!;
        Assert.Equal("2", link.TextContent);
        var trace = await client.GetPageAsync(link.GetAttribute("href")!);
        Assert.Contains("表三「一、本年新收政府信息公开申请数量」「总计」", trace.QuerySelector("h1")!.TextContent);
        var rows = trace.QuerySelectorAll("table.grid tbody tr");
        Assert.Equal(2, rows.Length);
        Assert.Equal(["青岚市映月区人民政府", "青岚市映月区教育局"], rows.Select(r => r.QuerySelectorAll("td")[0].TextContent));
        Assert.All(rows, r => Assert.StartsWith("/office/applications/", r.QuerySelector("th a")!.GetAttribute("href")));
        var withheld = await client.GetPageAsync(page.QuerySelector("td[data-key='t3.outcomes.withheld.third_party_rights.natural_person'] a")!.GetAttribute("href")!);
        Assert.Contains("第三方", Assert.Single(withheld.QuerySelectorAll("table.grid tbody tr")).QuerySelectorAll("td")[^1].TextContent);

        // Enter 第二十条第（五）项 for the 教育局: a non-number is refused in Chinese and nothing is kept; then saved.
        var form = $"/office/reports/figures?unit={Education}&year=2024&scope=unit";
        Assert.NotNull((await client.GetPageAsync(form)).QuerySelector("input[name='f[t2.licensing.decisions]']"));
        var bad = await client.PostFormAsync(form, new() { ["F[t2.licensing.decisions]"] = "三十五", ["F[t2.fees.amount]"] = "-1" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("「三十五」不是数字", await bad.Content.ReadAsStringAsync());
        var saved = await client.PostFormAsync(form, new() { ["F[t2.licensing.decisions]"] = "35", ["F[t2.fees.amount]"] = "", ["Note"] = "行政审批系统导出" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        page = await client.GetPageAsync(Report);
        var entered = page.QuerySelector("td[data-key='t2.licensing.decisions']")!;
        Assert.Contains("entered", entered.ClassName);
        Assert.Equal("35录", entered.TextContent);
        Assert.Equal("", page.QuerySelector("td[data-key='t2.fees.amount']")!.TextContent);   // left blank: not stated
        var entry = await client.GetPageAsync(entered.QuerySelector("a")!.GetAttribute("href")!);
        var line = Assert.Single(entry.QuerySelectorAll("table.grid tbody tr"));
        Assert.Equal(["35", "录入", "行政审批系统导出"], line.QuerySelectorAll("td").Take(3).Select(td => td.TextContent));

        // Staff of another district are refused the trace.
        await app.AddStaffAsync("st-editor", "st", StaffRole.CatalogEditor);
        var other = await app.SignedInAsync("st-editor");
        Assert.Equal("/error/403", (await other.GetAsync(link.GetAttribute("href")!)).Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task The_staff_api_should_replace_a_units_entered_figures_and_name_each_bad_cell()
    {
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-editor", "yy", StaffRole.CatalogEditor);
        var client = await app.SignedInAsync("yy-editor");
        var url = $"/api/v1/office/reports/{Education}/2024/figures";

        var bad = await client.PutAsJsonAsync(url, new { figures = new Dictionary<string, decimal?> { ["t2.licensing.decisions"] = 2.5m, ["t9.x"] = 1 } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("整数", errors.GetProperty("t2.licensing.decisions")[0].GetString());
        Assert.True(errors.TryGetProperty("t9.x", out _));

        var ok = await client.PutAsJsonAsync(url, new { figures = new Dictionary<string, decimal?> { ["t2.penalties.decisions"] = 8 }, note = "执法系统" });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var view = JsonDocument.Parse(await client.GetStringAsync(url)).RootElement;
        Assert.Equal((8, "entered", "执法系统", "2021"), (view.GetProperty("figures").GetProperty("t2.penalties.decisions").GetInt32(),
            view.GetProperty("source").GetString(), view.GetProperty("note").GetString(), view.GetProperty("form").GetString()));
        var json = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/reports/{District}/2024?scope=jurisdiction")).RootElement;
        Assert.Equal(8, json.GetProperty("figures").GetProperty("t2.penalties.decisions").GetInt32());

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/office/reports/{SeedDemoData.CodeOf("st")}/2024/figures")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Supervisors_should_see_who_published_by_the_deadline_of_article_49(DatabaseProvider provider)
    {
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(provider);
        await app.AddStaffAsync("yy-editor", "yy", StaffRole.CatalogEditor);
        await app.AddStaffAsync("yy-supervisor", "yy", StaffRole.Supervisor);
        var editor = await app.SignedInAsync("yy-editor");
        var edit = $"/office/reports/edit?unit={Education}&year=2024&scope=unit";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{edit}&handler=Save", new() { ["Overview"] = "2024年，区教育局依法做好政府信息公开工作。" }, formPage: edit)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{edit}&handler=Publish", [], formPage: edit)).StatusCode);   // 2025-01-10

        app.Database.Clock.SetToday(new DateOnly(2025, 2, 5));   // past 31 January, before 31 March
        var supervisor = await app.SignedInAsync("yy-supervisor");
        var page = await supervisor.GetPageAsync("/office/reports/status?year=2024");
        string StateOf(string unit) => page.QuerySelectorAll("table.report-status tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent == unit).QuerySelectorAll("td")[3].TextContent;
        Assert.Equal("按时公开", StateOf("青岚市映月区教育局"));
        Assert.Equal("逾期未公开", StateOf("青岚市映月区财政局"));                 // a department: 31 January has passed
        Assert.Equal("尚未公开", StateOf("青岚市映月区人民政府"));                  // the government has until 31 March
        Assert.Equal($"/nb/{Education}/2024", page.QuerySelectorAll("table.report-status tbody tr")
            .Single(tr => tr.QuerySelector("th")!.TextContent == "青岚市映月区教育局").QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain(page.QuerySelectorAll("table.report-status tbody th"), th => th.TextContent.Contains("松涛区"));   // outside the subtree
        Assert.Contains("逾期未公开", page.QuerySelector(".status-box")!.TextContent);
    }

    [Fact]
    public async Task A_year_before_gongkai_should_lead_to_its_statistical_table_to_enter_and_then_show_it()
    {
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-editor", "yy", StaffRole.CatalogEditor);
        var client = await app.SignedInAsync("yy-editor");
        var report = $"/office/reports?unit={District}&year=2017&scope=jurisdiction";

        var empty = await client.GetAsync(report);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await empty.Content.ReadAsStringAsync());
        var enter = page.QuerySelectorAll("a.button").Single(a => a.TextContent.Contains("统计表数字")).GetAttribute("href")!;
        var form = await client.GetPageAsync(enter);
        Assert.NotNull(form.QuerySelector("input[name='f[legacy.applications.received]']"));           // the 2008–2018 统计表
        var saved = await client.PostFormAsync(enter, new()
        {
            ["F[legacy.applications.received]"] = "46",
            ["F[legacy.reconsideration]"] = "3",
            ["F[legacy.reconsideration.upheld]"] = "3",
            ["Note"] = "2017年度报告原文"
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        page = await client.GetPageAsync(report);
        Assert.Equal("46录", page.QuerySelector("td[data-key='legacy.applications.received']")!.TextContent);
        Assert.Contains("录入的年度报告数字", page.QuerySelector(".report .hint")!.TextContent);
    }
}
