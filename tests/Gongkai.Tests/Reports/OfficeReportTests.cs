using System.Net;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Applications;
using Gongkai.Core.Reports;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Reports;

/// <summary>The compiled report in the office (/office/reports) and as JSON (/api/v1/reports/{unit}/{year}).</summary>
public class OfficeReportTests
{
    internal static readonly string District = SeedDemoData.CodeOf("yy");

    /// <summary>映月区: one application to the government (（三）4, withheld), one to its 教育局 (（一）), both in 2024.</summary>
    internal static async Task<WebApp> DistrictWithApplicationsAsync(DatabaseProvider provider)
    {
        var app = await WebApp.StartAsync(provider);
        await CompileReportTests.ApplicationAsync(app.Database, "yy", "2024-03-04", "2024-03-20", Outcome.ThirdPartyRights);
        await CompileReportTests.ApplicationAsync(app.Database, "yy-jyj", "2024-05-06", "2024-05-10");
        app.Database.Clock.SetToday(new DateOnly(2025, 1, 10));
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        return app;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_report_page_should_print_table_three_as_the_national_form_with_the_counted_cells_and_checks(DatabaseProvider provider)
    {
        await using var app = await DistrictWithApplicationsAsync(provider);
        var client = await app.SignedInAsync("yy-officer");

        var page = await client.GetPageAsync($"/office/reports?unit={District}&year=2024&scope=jurisdiction");
        var table = page.QuerySelector("#t3-t-_")!;
        Assert.Equal("三、收到和处理政府信息公开申请情况", table.QuerySelector("caption")!.TextContent);
        Assert.Equal("7", table.QuerySelectorAll("thead th").Single(th => th.TextContent == "申请人情况").GetAttribute("colspan"));
        Assert.Equal("5", table.QuerySelectorAll("thead th").Single(th => th.TextContent == "法人或其他组织").GetAttribute("colspan"));
        var t3 = ReportLayouts.Form2021.Table("t3");
        var withheld = table.QuerySelectorAll("tbody th").Single(th => th.TextContent == "（三）不予公开");
        Assert.Equal(t3.Row("outcomes.withheld").Children.Count.ToString(), withheld.GetAttribute("rowspan"));
        Assert.Equal(t3.AllRows.Count(r => r.HasCells && r.Key.StartsWith("outcomes.")).ToString(),
            table.QuerySelectorAll("tbody th").Single(th => th.TextContent == "三、本年度办理结果").GetAttribute("rowspan"));
        Assert.Equal("3", table.QuerySelectorAll("tbody th").Single(th => th.TextContent == "一、本年新收政府信息公开申请数量").GetAttribute("colspan"));

        var cell = table.QuerySelector("td[data-key='t3.outcomes.withheld.third_party_rights.natural_person']")!;
        Assert.Equal("1", cell.TextContent);
        Assert.Equal(["t3-cg-caption", "t3-c-natural_person", "t3-r-outcomes", "t3-r-outcomes-withheld", "t3-r-outcomes-withheld-third_party_rights"],
            cell.GetAttribute("headers")!.Split(' '));
        Assert.Equal("2", table.QuerySelector("td[data-key='t3.received.total']")!.TextContent);
        Assert.Equal("第二十条第（一）项", page.QuerySelector("#t2-item1-t-_ caption")!.TextContent);
        Assert.Equal("勾稽关系检查通过", page.QuerySelector(".checks-passed")!.TextContent);

        var education = page.QuerySelectorAll("table.units-breakdown tbody tr").Single(tr => tr.QuerySelector("th")!.TextContent == "青岚市映月区教育局");
        Assert.Equal(["1", "1", "0"], education.QuerySelectorAll("td").Select(td => td.TextContent));
    }

    [Fact]
    public async Task The_report_page_should_refuse_a_unit_of_another_district()
    {
        await using var app = await DistrictWithApplicationsAsync(DatabaseProvider.Sqlite);
        var client = await app.SignedInAsync("yy-officer");

        var response = await client.GetAsync($"/office/reports?unit={SeedDemoData.CodeOf("st")}&year=2024");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("您只能查看本单位及下级单位的年度报告。", await response.Content.ReadAsStringAsync());
        Assert.Contains("年度报告", (await client.GetPageAsync("/office")).QuerySelector("nav")!.TextContent);
    }

    [Fact]
    public async Task The_report_api_should_return_the_report_json_to_staff_of_the_unit_only()
    {
        await using var app = await DistrictWithApplicationsAsync(DatabaseProvider.Sqlite);
        var url = $"/api/v1/reports/{District}/2024?scope=jurisdiction";
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(url)).StatusCode);   // not published: the public gets nothing

        var client = await app.SignedInAsync("yy-officer");
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(("2021", "jurisdiction"), (json.GetProperty("form").GetString(), json.GetProperty("scope").GetString()));
        Assert.Equal(2, json.GetProperty("figures").GetProperty("t3.received.total").GetInt32());
        Assert.Equal(0, json.GetProperty("findings").GetArrayLength());

        var other = await client.GetAsync($"/api/v1/reports/{SeedDemoData.CodeOf("st")}/2024");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains("本单位及下级单位", await other.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/reports/{District}/2017")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/api/v1/reports/{District}/2024?scope=city")).StatusCode);
    }
}
