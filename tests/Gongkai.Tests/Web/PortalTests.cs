using System.Net;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Tests.Data;

namespace Gongkai.Tests.Web;

public class PortalTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_public_portal_should_show_the_demo_jurisdiction_in_chinese(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var client = app.Browser();

        var home = await client.GetPageAsync("/");
        Assert.Equal("zh-CN", home.DocumentElement.GetAttribute("lang"));
        Assert.Equal("青岚市人民政府 政府信息公开", home.QuerySelector("h1")!.TextContent.Trim());

        var directory = await client.GetPageAsync("/units");
        var links = directory.QuerySelectorAll("main a").Select(a => a.TextContent).ToList();
        Assert.Contains("青岚市映月区星桥街道办事处", links);
        Assert.Contains("鹿鸣县石门乡人民政府", links);

        var guide = await client.GetPageAsync($"/units/{SeedDemoData.CodeOf("yy")}");
        Assert.Contains("政府信息公开指南", guide.QuerySelector("h1")!.TextContent);
        var facts = guide.QuerySelectorAll("dl.facts dt").Select(dt => dt.TextContent).ToList();
        Assert.Superset(new HashSet<string> { "机构名称", "办公地址", "办公时间", "联系电话", "传真号码", "互联网联系方式" }, facts.ToHashSet());
        Assert.Contains("青岚市映月区人民政府办公室政务公开科", guide.Body!.TextContent);
    }

    [Fact]
    public async Task An_unknown_page_should_answer_404_with_a_chinese_page_and_no_stack_trace()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.Browser().GetAsync("/units/000000000");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("找不到该页面", body);
        Assert.DoesNotContain("Exception", body);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_units_api_should_return_the_tree_with_code_name_kind_and_parent(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var json = JsonDocument.Parse(await app.Browser().GetStringAsync("/api/v1/units")).RootElement;

        var city = Assert.Single(json.EnumerateArray());
        Assert.Equal(SeedDemoData.CityCode, city.GetProperty("code").GetString());
        Assert.Equal("青岚市人民政府", city.GetProperty("name").GetString());
        Assert.Equal("Government", city.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, city.GetProperty("parent").ValueKind);
        var district = city.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == SeedDemoData.CodeOf("st"));
        Assert.Equal(SeedDemoData.CityCode, district.GetProperty("parent").GetString());
        Assert.Contains(district.GetProperty("children").EnumerateArray(), t => t.GetProperty("name").GetString() == "青岚市松涛区竹溪镇人民政府");
    }

    [Fact]
    public async Task Health_and_openapi_should_answer()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();
        Assert.Equal("Healthy", await client.GetStringAsync("/healthz"));
        var openapi = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = openapi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/units", paths.Select(p => p.TrimEnd('/')));
        Assert.Contains("/api/v1/office/units/{code}", paths);
        Assert.Contains("/api/v1/applications/track/{code}", paths);
        Assert.Contains("/api/v1/office/applications/{id}/steps", paths);
    }
}
