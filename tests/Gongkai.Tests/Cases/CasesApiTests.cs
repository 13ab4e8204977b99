using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Cases;

/// <summary>The staff API of cases: record, change, list by year with the year-end column, scope, Chinese problem details.</summary>
public class CasesApiTests
{
    private static object Case(string unitKey, string filedOn, string? decidedOn = null, string result = "Pending", string kind = "Reconsideration",
        string reviewingBody = "青岚市映月区人民政府") => new
        {
            unit = SeedDemoData.CodeOf(unitKey),
            kind,
            caseNumber = "映府复〔2024〕12号",
            reviewingBody,
            filedOn,
            decidedOn,
            result,
        };

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_should_record_decide_and_list_a_case_by_year_only_inside_their_subtree(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        await app.AddStaffAsync("st-officer", "st", StaffRole.ApplicationsOfficer);
        app.Database.Clock.SetToday(new DateOnly(2025, 3, 1));
        var officer = await app.SignedInAsync("yy-officer");

        var created = await officer.PostAsJsonAsync("/api/v1/office/cases", Case("yy-jyj", "2024-11-04"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = Json(await created.Content.ReadAsStringAsync()).GetProperty("id").GetString();
        Assert.Equal($"/api/v1/office/cases/{id}", created.Headers.Location!.ToString());

        var decided = await officer.PutAsJsonAsync($"/api/v1/office/cases/{id}", Case("yy-jyj", "2024-11-04", "2025-01-15", "Upheld"));
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        var details = Json(await officer.GetStringAsync($"/api/v1/office/cases/{id}"));
        Assert.Equal("结果维持", details.GetProperty("case").GetProperty("resultName").GetString());
        Assert.Equal(["登记", "修改"], details.GetProperty("log").EnumerateArray().Select(e => e.GetProperty("action").GetString()));

        // Year-end rule: 尚未审结 in 2024's table 四, 结果维持 in 2025's.
        var in2024 = Json(await officer.GetStringAsync("/api/v1/office/cases?year=2024")).EnumerateArray().Single();
        Assert.Equal(("Pending", "尚未审结"), (in2024.GetProperty("yearEndResult").GetString(), in2024.GetProperty("yearEndResultName").GetString()));
        Assert.Equal("Upheld", Json(await officer.GetStringAsync("/api/v1/office/cases?year=2025&kind=Reconsideration")).EnumerateArray().Single().GetProperty("yearEndResult").GetString());
        Assert.Empty(Json(await officer.GetStringAsync("/api/v1/office/cases?year=2023")).EnumerateArray());
        Assert.Empty(Json(await officer.GetStringAsync("/api/v1/office/cases?kind=DirectSuit")).EnumerateArray());

        var outsider = await app.SignedInAsync("st-officer");
        Assert.Empty(Json(await outsider.GetStringAsync("/api/v1/office/cases")).EnumerateArray());
        var notFound = await outsider.GetAsync($"/api/v1/office/cases/{id}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("不在您的管辖范围内", await notFound.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"/api/v1/office/cases/{id}", Case("st-jyj", "2024-11-04"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync("/api/v1/office/cases")).StatusCode);
    }

    [Fact]
    public async Task Invalid_cases_should_return_400_naming_each_bad_field_in_chinese()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        app.Database.Clock.SetToday(new DateOnly(2024, 6, 1));
        var officer = await app.SignedInAsync("yy-officer");

        var bad = await officer.PostAsJsonAsync("/api/v1/office/cases", Case("yy", "2024-05-06", "2024-05-01", "Corrected", kind: "DirectSuit", reviewingBody: ""));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = Json(await bad.Content.ReadAsStringAsync());
        Assert.Equal("输入有误，未保存。", problem.GetProperty("title").GetString());
        Assert.Equal("审结日期不能早于立案日期。", problem.GetProperty("errors").GetProperty("decidedOn")[0].GetString());
        Assert.Equal("请填写受理法院（不超过 100 字）。", problem.GetProperty("errors").GetProperty("reviewingBody")[0].GetString());

        var kind = await officer.PostAsJsonAsync("/api/v1/office/cases", Case("yy", "2024-05-06", kind: "Appeal"));
        Assert.Contains("案件类型无效", Json(await kind.Content.ReadAsStringAsync()).GetProperty("errors").GetProperty("kind")[0].GetString());
    }
}
