using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Accounts;

/// <summary>Each account acts only inside its unit's subtree: a 映月区 administrator cannot see or change 松涛区.</summary>
public class ScopeTests
{
    private static async Task<WebApp> TwoDistrictsAsync(DatabaseProvider provider)
    {
        var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-admin", "yy", StaffRole.UnitAdmin);
        await app.AddStaffAsync("st-officer", "st-jyj", StaffRole.ApplicationsOfficer);
        return app;
    }

    private static async Task<(Guid Id, string Name, string Phone)> UnitAsync(WebApp app, string key)
    {
        await using var scope = app.Database.Scope();
        var code = SeedDemoData.CodeOf(key);
        var unit = await app.Database.Get<GongkaiDb>(scope).Units.SingleAsync(u => u.Code == code);
        return (unit.Id, unit.FullName, unit.Phone);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_account_should_not_read_or_change_another_district_through_the_pages(DatabaseProvider provider)
    {
        await using var app = await TwoDistrictsAsync(provider);
        var client = await app.SignedInAsync("yy-admin");
        var songtao = await UnitAsync(app, "st");
        var yingyue = await UnitAsync(app, "yy-czj");

        var list = (await client.GetPageAsync("/office/units")).QuerySelector("table")!.TextContent;
        Assert.Contains("青岚市映月区星桥街道办事处", list);
        Assert.DoesNotContain("松涛", list);
        Assert.DoesNotContain("青岚市人民政府", list);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/office/units/edit/{songtao.Id}")).StatusCode);
        var form = new Dictionary<string, string>
        {
            ["Form.FullName"] = "被篡改的名称",
            ["Form.ShortName"] = "篡改",
            ["Form.Code"] = SeedDemoData.CodeOf("st"),
            ["Form.Kind"] = "Government",
            ["Form.Phone"] = "0000-11111111",
        };
        var post = await client.PostFormAsync($"/office/units/edit/{songtao.Id}", form, formPage: $"/office/units/edit/{yingyue.Id}");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(songtao, await UnitAsync(app, "st"));

        var staff = (await client.GetPageAsync("/office/staff")).QuerySelector("table")!.TextContent;
        Assert.Contains("yy-admin", staff);
        Assert.DoesNotContain("st-officer", staff);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/office/staff/edit/st-officer")).StatusCode);
        var disable = await client.PostFormAsync("/office/staff?handler=Disable&userName=st-officer", [], formPage: "/office/staff");
        Assert.Equal(HttpStatusCode.NotFound, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().PostFormAsync("/office/signin",
            new() { ["UserName"] = "st-officer", ["Password"] = WebApp.Password })).StatusCode);

        // Inside its own subtree the same account can change a unit.
        form["Form.Code"] = SeedDemoData.CodeOf("yy-czj");
        form["Form.FullName"] = "青岚市映月区财政局";
        form["ParentId"] = (await UnitAsync(app, "yy")).Id.ToString();
        var own = await client.PostFormAsync($"/office/units/edit/{yingyue.Id}", form);
        Assert.Equal(HttpStatusCode.Redirect, own.StatusCode);
        Assert.Equal("0000-11111111", (await UnitAsync(app, "yy-czj")).Phone);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_account_should_not_read_or_change_another_district_through_the_api(DatabaseProvider provider)
    {
        await using var app = await TwoDistrictsAsync(provider);
        var client = await app.SignedInAsync("yy-admin");
        var songtaoCode = SeedDemoData.CodeOf("st");
        var before = await UnitAsync(app, "st");

        var visible = JsonDocument.Parse(await client.GetStringAsync("/api/v1/office/units")).RootElement
            .EnumerateArray().Select(u => u.GetProperty("code").GetString()).ToList();
        Assert.Contains(SeedDemoData.CodeOf("yy-xq"), visible);
        Assert.DoesNotContain(songtaoCode, visible);
        Assert.DoesNotContain(SeedDemoData.CityCode, visible);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/office/units/{songtaoCode}")).StatusCode);
        var change = new { name = "被篡改的名称", shortName = "篡改", kind = "Government", phone = "0000-11111111" };
        Assert.Equal(HttpStatusCode.NotFound, (await client.PutAsJsonAsync($"/api/v1/office/units/{songtaoCode}", change)).StatusCode);
        Assert.Equal(before, await UnitAsync(app, "st"));

        // Moving an own unit under another district is refused too.
        var move = new { name = "青岚市映月区财政局", shortName = "映月区财政局", kind = "Department", parent = songtaoCode };
        var moved = await client.PutAsJsonAsync($"/api/v1/office/units/{SeedDemoData.CodeOf("yy-czj")}", move);
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("管辖范围", await moved.Content.ReadAsStringAsync());

        var own = await client.PutAsJsonAsync($"/api/v1/office/units/{SeedDemoData.CodeOf("yy-czj")}",
            new { name = "青岚市映月区财政局", shortName = "映月区财政局", kind = "Department", phone = "0000-22222222" });
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("0000-22222222", (await UnitAsync(app, "yy-czj")).Phone);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Browser().GetAsync("/api/v1/office/units")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_change_through_the_api_should_be_refused_field_by_field_in_chinese(DatabaseProvider provider)
    {
        await using var app = await TwoDistrictsAsync(provider);
        var client = await app.SignedInAsync("yy-admin");
        var response = await client.PutAsJsonAsync($"/api/v1/office/units/{SeedDemoData.CodeOf("yy-czj")}",
            new { name = "", shortName = "映月区财政局", kind = "Department", code = "123456789", postalCode = "12" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains("单位全称", errors.GetProperty("fullName")[0].GetString());
        Assert.Contains("校验码", errors.GetProperty("code")[0].GetString());
        Assert.Contains("邮政编码", errors.GetProperty("postalCode")[0].GetString());
    }
}
