using System.Net;
using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Reports;
using Gongkai.Core.Accounts;
using Gongkai.Core.Reports;
using Gongkai.Tests.Cases;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Reports;

/// <summary>Writing and publishing a unit's annual report (/office/reports/edit) and the published report on the portal (/nb).</summary>
public class AnnualReportTests
{
    private static readonly string District = OfficeReportTests.District;
    private static readonly string Edit = $"/office/reports/edit?unit={District}&year=2024&scope=jurisdiction";

    private static Dictionary<string, string> Narrative(string overview) => new()
    {
        ["Overview"] = overview,
        ["Problems"] = "一是公开工作人员力量不足。\n二是政策解读形式单一。",
        ["OtherMatters"] = "本年度未收取信息处理费。",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_report_published_with_clean_figures_should_be_listed_and_shown_on_the_portal(DatabaseProvider provider)
    {
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(provider);
        await app.AddStaffAsync("yy-editor", "yy", StaffRole.CatalogEditor);
        var editor = await app.SignedInAsync("yy-editor");
        var portal = app.Browser();

        Assert.Contains("编写正文并公开", (await editor.GetPageAsync($"/office/reports?unit={District}&year=2024&scope=jurisdiction")).QuerySelector("a[href^='/office/reports/edit']")!.TextContent);
        var saved = await editor.PostFormAsync($"{Edit}&handler=Save", Narrative("2024年，映月区认真贯彻《条例》。\n全年共收到申请2件。"), formPage: Edit);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var draft = await portal.GetAsync($"/nb/{District}/2024");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);                  // a draft is not on the portal
        Assert.Contains("找不到", await draft.Content.ReadAsStringAsync());
        Assert.Empty((await portal.GetPageAsync("/nb")).QuerySelectorAll("table.annual-reports tbody tr"));

        var published = await editor.PostFormAsync($"{Edit}&handler=Publish", [], formPage: Edit);   // no errors: no reason needed
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("已公开", (await editor.GetPageAsync(Edit)).QuerySelector(".status-box")!.TextContent);

        var list = await portal.GetPageAsync($"/nb?unit={District}");
        var row = Assert.Single(list.QuerySelectorAll("table.annual-reports tbody tr"));
        Assert.Equal(["青岚市映月区人民政府2024年政府信息公开工作年度报告", "青岚市映月区人民政府", "2024", "2025-01-10"],
            row.QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Contains("年度报告", list.QuerySelector("nav")!.TextContent);

        var page = await portal.GetPageAsync($"/nb/{District}/2024");
        Assert.Equal("青岚市映月区人民政府2024年政府信息公开工作年度报告", page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况", "六、其他需要报告的事项", "七、工作考核、社会评议和责任追究结果情况"],   // a government's report adds 七
            page.QuerySelectorAll("article h2").Select(h => h.TextContent));
        Assert.Equal(["2024年，映月区认真贯彻《条例》。", "全年共收到申请2件。"], page.QuerySelectorAll("section.narrative")[0].QuerySelectorAll("p").Select(p => p.TextContent));
        Assert.Equal("2", page.QuerySelector("#t3-t-_ td[data-key='t3.received.total']")!.TextContent);
        Assert.Equal("1", page.QuerySelector("td[data-key='t3.outcomes.withheld.third_party_rights.natural_person']")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("script"));

        // The published report is public through the API too: the snapshot as JSON, and as Word and Excel files.
        var json = System.Text.Json.JsonDocument.Parse(await portal.GetStringAsync($"/api/v1/reports/{District}/2024")).RootElement;
        Assert.Equal(("published", "2025-01-10", 2), (json.GetProperty("status").GetString(), json.GetProperty("publishedOn").GetString(),
            json.GetProperty("figures").GetProperty("t3.received.total").GetInt32()));
        var docx = await portal.GetAsync($"/api/v1/reports/{District}/2024.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
            Assert.Contains("全年共收到申请2件。", word.MainDocumentPart!.Document.Body!.InnerText);
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync($"/api/v1/reports/{District}/2024.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.GetAsync($"/api/v1/reports/{District}/2024?compiled=true")).StatusCode);   // compiled: staff only
    }

    [Fact]
    public async Task A_narrative_that_quotes_a_figure_the_tables_contradict_should_be_an_error_to_publish()
    {
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(DatabaseProvider.Sqlite);
        var editor = await CaseBuilder.StaffOfAsync(app.Database, "yy", StaffRole.CatalogEditor);
        await using var scope = app.Database.Scope();
        // Table 三 counts 2 applications for the district; the text says 5, and its parts add up to more than its whole.
        var overview = "2024年，映月区全年共收到政府信息公开申请5件。主动公开政府信息1200条，其中，区级机关800条，乡镇街道500条。";
        Assert.True((await app.Database.Get<SaveReportNarrative>(scope).HandleAsync(new(District, 2024, ReportScope.Jurisdiction, overview, "无。", "无。"), editor)).Succeeded);
        var refused = await app.Database.Get<PublishAnnualReport>(scope).HandleAsync(new(District, 2024, ReportScope.Jurisdiction), editor);
        Assert.Equal(OutcomeKind.Invalid, refused.Kind);
        Assert.Contains("正文所述收到（本年新收）申请数为5", refused.Problems.Single().Message);
        Assert.Contains("超过了所述总数", refused.Problems.Single().Message);

        var page = await (await app.SignedInAsync("yy-officer")).GetPageAsync(Edit);          // the edit page shows the same findings
        Assert.Contains(page.QuerySelectorAll("li.finding.error"), li => li.TextContent.Contains("正文所述收到（本年新收）申请数为5"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Publishing_over_an_error_should_need_a_reason_and_record_it_and_repeating_last_year_should_warn(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var editor = await CaseBuilder.StaffOfAsync(db, "yy", StaffRole.CatalogEditor);
        var code = SeedDemoData.CodeOf("yy");
        const string text = "2023年，映月区人民政府认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息，依法办理政府信息公开申请。";
        db.Clock.SetToday(new DateOnly(2024, 1, 10));
        await using (var scope = db.Scope())   // 2023 published with nothing carried forward
        {
            Assert.True((await db.Get<SaveReportNarrative>(scope).HandleAsync(new(code, 2023, ReportScope.Unit, text, "无。", "无。"), editor)).Succeeded);
            Assert.True((await db.Get<PublishAnnualReport>(scope).HandleAsync(new(code, 2023, ReportScope.Unit), editor)).Succeeded);
        }
        await CompileReportTests.ApplicationAsync(db, "yy", "2023-12-20");       // recorded late: 2024's 上年结转 is 1, not the published 0
        db.Clock.SetToday(new DateOnly(2025, 1, 10));

        await using (var scope = db.Scope())
        {
            var saved = await db.Get<SaveReportNarrative>(scope).HandleAsync(
                new(code, 2024, ReportScope.Unit, "  " + text.Replace("2023年", "2024年") + "\n", "无。", "本年度无其他需要报告的事项。"), editor);
            Assert.Equal([NarrativeSection.Overview, NarrativeSection.Problems], saved.Value!.Repeated);   // ≥ 90 % the same; equal after trimming

            var publish = db.Get<PublishAnnualReport>(scope);
            var refused = await publish.HandleAsync(new(code, 2024, ReportScope.Unit), editor);
            Assert.Equal(OutcomeKind.Invalid, refused.Kind);
            Assert.Equal("OverrideReason", refused.Problems.Single().Field);
            Assert.Contains("上年报告", refused.Problems.Single().Message);

            var done = await publish.HandleAsync(new(code, 2024, ReportScope.Unit, "该申请2024年补录，2023年报告已公开，不再更正。"), editor);
            Assert.True(done.Succeeded, string.Join("; ", done.Problems));
            Assert.Contains(done.Value!.Findings, f => f.Rule == "t3.carry_over" && f.Severity == Severity.Error);

            Assert.Equal("Note", (await publish.HandleAsync(new(code, 2024, ReportScope.Unit, "同上"), editor)).Problems.Single().Field);
            Assert.True((await publish.HandleAsync(new(code, 2024, ReportScope.Unit, "同上", "更正第五部分。"), editor)).Succeeded);
        }
        await using (var scope = db.Scope())
        {
            var stored = await db.Get<GongkaiDb>(scope).AnnualReports.SingleAsync(r => r.Year == 2024);
            Assert.Equal((AnnualReportState.Published, "同上", 2, "更正第五部分。", "yy办理人员"),
                (stored.State, stored.OverrideReason, stored.Publications, stored.RepublicationNote, stored.PublishedByName));
            Assert.Equal(1m, stored.PublishedFigures()["t3.carried_over.total"]!.Value.Value);
            Assert.Contains(stored.PublishedFindings(), f => f.Rule == "t3.carry_over" && f.Severity == Severity.Error);
            Assert.StartsWith("2024年，", stored.PublishedOverview);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_report_should_not_be_published_before_its_year_has_ended_in_Beijing(DatabaseProvider provider)
    {
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(provider);
        await app.AddStaffAsync("yy-editor", "yy", StaffRole.CatalogEditor);
        var editor = await app.SignedInAsync("yy-editor");
        app.Database.Clock.Set(new DateTimeOffset(2024, 12, 31, 23, 59, 0, TimeSpan.FromHours(8)));   // 15:59 UTC: still 2024 in Beijing
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{Edit}&handler=Save", Narrative("2024年，映月区认真贯彻《条例》。"), formPage: Edit)).StatusCode);

        var page = await editor.GetPageAsync(Edit);                                // the page says so before anyone tries
        var button = page.QuerySelector("form.publish button[type=submit]")!;
        Assert.True(button.HasAttribute("disabled"));
        const string Reason = "2024年度尚未结束，统计数据不完整，不能公开该年度的年度报告；2025年1月1日起可以公开（条例第四十九条：公布上一年度的年度报告）。";
        Assert.Equal(Reason, page.GetElementById(button.GetAttribute("aria-describedby")!)!.TextContent);

        var refused = await editor.PostFormAsync($"{Edit}&handler=Publish", [], formPage: Edit);   // a hand-made post is refused
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Reason, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/nb/{District}/2024")).StatusCode);

        app.Database.Clock.Set(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)));    // midnight in Beijing, 31 December in UTC
        Assert.False((await editor.GetPageAsync(Edit)).QuerySelector("form.publish button[type=submit]")!.HasAttribute("disabled"));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{Edit}&handler=Publish", [], formPage: Edit)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync($"/nb/{District}/2024")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_outside_the_subtree_or_without_the_role_should_not_edit_or_publish(DatabaseProvider provider)
    {
        await using var app = await OfficeReportTests.DistrictWithApplicationsAsync(provider);
        await app.AddStaffAsync("st-editor", "st", StaffRole.CatalogEditor);
        var outsider = await app.SignedInAsync("st-editor");
        // Forbidden: the cookie handler sends a signed-in account that may not act to the access-denied page.
        static void Refused(HttpResponseMessage response) => Assert.Equal("/error/403", response.Headers.Location?.AbsolutePath);
        Refused(await outsider.GetAsync(Edit));
        var ownPage = $"/office/reports/edit?unit={SeedDemoData.CodeOf("st")}&year=2024&scope=unit";
        Refused(await outsider.PostFormAsync($"{Edit}&handler=Save", Narrative("越权编写。"), formPage: ownPage));
        Refused(await outsider.PostFormAsync($"{Edit}&handler=Publish", [], formPage: ownPage));

        var officer = await app.SignedInAsync("yy-officer");                     // 依申请办理 sees the page, cannot write
        Assert.Empty((await officer.GetPageAsync(Edit)).QuerySelectorAll("form.publish"));
        var office = await CaseBuilder.StaffOfAsync(app.Database, "yy");
        await using var scope = app.Database.Scope();
        Assert.Equal(OutcomeKind.Denied, (await app.Database.Get<SaveReportNarrative>(scope).HandleAsync(new(District, 2024, ReportScope.Unit, "正文", "", ""), office)).Kind);
        Assert.False(await app.Database.Get<GongkaiDb>(scope).AnnualReports.AnyAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync($"/nb/{District}/2024")).StatusCode);
    }
}
