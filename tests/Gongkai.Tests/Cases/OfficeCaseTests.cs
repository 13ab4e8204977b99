using System.Net;
using AngleSharp.Html.Parser;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Cases;

/// <summary>The office pages of cases: record with errors next to the fields, decide, the list by year and kind, scope.</summary>
public class OfficeCaseTests
{
    private static readonly HtmlParser Parser = new();

    private static Dictionary<string, string> Form(string unitKey, string filed, string decided = "", string result = "Pending", string court = "青岚市映月区人民法院") => new()
    {
        ["Form.Kind"] = "DirectSuit",
        ["UnitCode"] = SeedDemoData.CodeOf(unitKey),
        ["Form.Party"] = "AnsweringUnit",
        ["Application"] = "",
        ["Form.CaseNumber"] = "（2024）青0102行初45号",
        ["Form.ReviewingBody"] = court,
        ["Form.FiledOn"] = filed,
        ["Form.DecidedOn"] = decided,
        ["Form.Result"] = result,
        ["Form.Note"] = "",
    };

    private static string ErrorAt(AngleSharp.Html.Dom.IHtmlDocument page, string field) =>
        page.QuerySelector($"span[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_should_record_a_suit_see_it_pending_at_year_end_and_decide_it_the_next_year(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        app.Database.Clock.SetToday(new DateOnly(2024, 12, 20));
        var client = await app.SignedInAsync("yy-officer");
        Assert.Contains(((await client.GetPageAsync("/office/cases")).QuerySelectorAll("nav a")), a => a.TextContent == "复议诉讼");

        var refused = await client.PostFormAsync("/office/cases/new", Form("yy-jyj", "2024-12-02", decided: "2024-11-30", result: "Upheld", court: ""));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Parser.ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.Equal("审结日期不能早于立案日期。", ErrorAt(page, "Form.DecidedOn"));
        Assert.Equal("请填写受理法院（不超过 100 字）。", ErrorAt(page, "Form.ReviewingBody"));

        var recorded = await client.PostFormAsync("/office/cases/new", Form("yy-jyj", "2024-12-02"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var url = recorded.Headers.Location!.ToString();

        // Year-end rule: still open on 31 December 2024, it counts as 尚未审结 in the 2024 report.
        var list2024 = await client.GetPageAsync("/office/cases?year=2024&kind=DirectSuit");
        var row = list2024.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("（2024）青0102行初45号"));
        Assert.Equal("尚未审结", row.QuerySelectorAll("td").Last().TextContent.Trim());
        Assert.Empty((await client.GetPageAsync("/office/cases?kind=Reconsideration")).QuerySelectorAll("tbody tr"));

        app.Database.Clock.SetToday(new DateOnly(2025, 2, 10));
        client = await app.SignedInAsync("yy-officer");
        var decided = await client.PostFormAsync(url, Form("yy-jyj", "2024-12-02", decided: "2025-02-06", result: "Corrected"));
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var details = await client.GetPageAsync(url);
        Assert.Contains("2024 年度报告表四：行政诉讼（未经复议直接起诉） · 尚未审结", details.QuerySelector(".status-box")!.TextContent);
        Assert.Contains("2025 年度报告表四：行政诉讼（未经复议直接起诉） · 结果纠正", details.QuerySelector(".status-box")!.TextContent);
        Assert.Contains("审理结果：尚未审结 → 结果纠正", details.QuerySelector("#log + table")!.TextContent);
        Assert.Contains("测试yy-officer", details.QuerySelector("#log + table")!.TextContent);

        var summary = (await client.GetPageAsync("/office/cases?year=2025")).QuerySelector("table")!;
        var direct = summary.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("未经复议直接起诉")).QuerySelectorAll("td").Select(td => td.TextContent);
        Assert.Equal(["0", "1", "0", "0", "1"], direct);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_songtao_account_should_not_see_or_change_a_yingyue_case_and_a_supervisor_should_only_read(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        await app.AddStaffAsync("st-officer", "st", StaffRole.ApplicationsOfficer);
        await app.AddStaffAsync("yy-supervisor", "yy", StaffRole.Supervisor);
        app.Database.Clock.SetToday(new DateOnly(2024, 6, 1));
        var url = (await (await app.SignedInAsync("yy-officer")).PostFormAsync("/office/cases/new", Form("yy-jyj", "2024-05-06"))).Headers.Location!.ToString();

        var songtao = await app.SignedInAsync("st-officer");
        Assert.Equal(HttpStatusCode.NotFound, (await songtao.GetAsync(url)).StatusCode);
        Assert.DoesNotContain("行初45号", (await songtao.GetPageAsync("/office/cases")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await songtao.PostFormAsync(url, Form("st-jyj", "2024-05-06"), formPage: "/office/cases/new")).StatusCode);
        var outside = await songtao.PostFormAsync("/office/cases/new", Form("yy-jyj", "2024-05-06"));
        Assert.Contains("请选择登记案件的行政机关", await outside.Content.ReadAsStringAsync());

        var supervisor = await app.SignedInAsync("yy-supervisor");
        Assert.Contains("行初45号", (await supervisor.GetPageAsync("/office/cases")).Body!.TextContent);
        Assert.NotNull((await supervisor.GetPageAsync(url)).QuerySelector("fieldset[disabled]"));
        var forbidden = await supervisor.GetAsync("/office/cases/new");
        Assert.Equal("/error/403", forbidden.Headers.Location!.AbsolutePath);
    }
}
