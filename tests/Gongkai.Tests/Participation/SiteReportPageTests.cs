using System.Net;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Participation;

/// <summary>
/// /office/participation/site-report: the 《政府网站工作年度报表》 解读回应 and 互动交流 figures of a unit of the scope, each
/// figure leading to the records it counts (issue 15: counted from records with drill-down).
/// </summary>
public class SiteReportPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_figure_should_lead_to_the_records_it_counts_for_the_units_of_the_scope(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2026, 12, 7));
        await using (var scope = app.Database.Scope())
            await app.Database.Get<SeedDemoParticipation>(scope).HandleAsync();
        await app.AddStaffAsync("city-sup", "city", StaffRole.Supervisor);
        await app.AddStaffAsync("yy-part", "yy", StaffRole.LettersOfficer);
        var city = await app.SignedInAsync("city-sup");

        var page = await city.GetPageAsync($"/office/participation/site-report?unit={SeedDemoData.CityCode}&year=2026");
        int Figure(string label) => int.Parse(page.QuerySelectorAll("table.site-report tr").Single(r => r.QuerySelectorAll("td").FirstOrDefault()?.TextContent == label)
            .QuerySelector("td.num")!.TextContent.Trim());
        var consultations = page.QuerySelectorAll("#records-Consultations tbody tr");
        Assert.True(consultations.Length >= 3);
        Assert.Equal(consultations.Length, Figure("征集调查期数"));
        Assert.Equal(consultations.Sum(r => int.Parse(r.QuerySelector("td.num")!.TextContent)), Figure("收到意见数量"));
        Assert.All(consultations, r => Assert.StartsWith("/office/participation/", r.QuerySelector("a")!.GetAttribute("href")));
        var interviews = page.QuerySelectorAll("#records-Interviews tbody tr");
        Assert.Equal(interviews.Length, Figure("访谈期数"));
        Assert.Equal(page.QuerySelectorAll("#records-Responses tbody tr").Length, Figure("回应公众关注热点或重大舆情数量"));
        // The interview still to come is not counted as held.
        Assert.DoesNotContain(interviews, r => r.TextContent.Contains("中小学课后服务答网民问"));

        // A district sees its own figures only, and not the city's.
        var yy = await app.SignedInAsync("yy-part");
        Assert.Equal(HttpStatusCode.NotFound, (await yy.GetAsync($"/office/participation/site-report?unit={SeedDemoData.CityCode}&year=2026")).StatusCode);
        var district = await yy.GetPageAsync("/office/participation/site-report?year=2026");
        Assert.Contains("映月区", district.QuerySelector("table.site-report caption")!.TextContent);
        Assert.True(district.QuerySelectorAll("#records-Consultations tbody tr").Length < consultations.Length);

        var docx = await city.GetAsync($"/office/participation/site-report?unit={SeedDemoData.CityCode}&year=2026&handler=docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
    }
}
