using System.Net;
using System.Xml.Linq;
using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Catalog;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Catalog;

/// <summary>The public catalog: /xxgk by unit subtree and filters, the item page's metadata table, 解读 links, withdrawal, Atom.</summary>
public class CatalogPortalTests
{
    private static readonly StaffScope Reviewer = StaffScope.System with { Roles = new HashSet<string> { StaffRole.CatalogReviewer } };

    private static async Task<string> PublishAsync(TestDatabase db, CatalogDraft draft, string unitKey)
    {
        var item = await CatalogWorkflowTests.SubmittedAsync(db, draft, unitKey);
        await using var scope = db.Scope();
        return (await db.Get<PublishCatalogItem>(scope).HandleAsync(new(item.Id), Reviewer)).Value!.IndexNumber!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_public_should_browse_by_unit_read_an_item_with_its_metadata_and_follow_its_interpretation(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var db = app.Database;
        db.Clock.SetToday(new DateOnly(2024, 5, 20));
        var policy = await PublishAsync(db, CatalogWorkflowTests.Notice("青岚市映月区老旧小区改造实施办法") with
        {
            Genre = Genre.NormativeDocument,
            EffectiveOn = new DateOnly(2024, 6, 1),
            InterpretationWaiver = "解读随后发布。",   // 解读三同步: published before its 解读, with the reason recorded
            DocumentNumber = "映政发〔2024〕3号",
            Theme = "城乡建设、环境保护",
        }, "yy");
        var reading = await PublishAsync(db, CatalogWorkflowTests.Notice("《青岚市映月区老旧小区改造实施办法》政策解读") with
        {
            Genre = Genre.Interpretation,
            InterpretsIndexNumber = policy,
            DocumentNumber = "",
        }, "yy");
        await PublishAsync(db, CatalogWorkflowTests.Notice(), "city");
        var client = app.Browser();

        var district = (await client.GetPageAsync($"/xxgk/{SeedDemoData.CodeOf("yy")}")).QuerySelector("table.catalog")!.TextContent;
        Assert.Contains("老旧小区改造实施办法", district);
        Assert.DoesNotContain("防汛", district);
        var all = (await client.GetPageAsync("/xxgk")).QuerySelector("table.catalog")!.TextContent;
        Assert.Contains("防汛", all);
        var filtered = (await client.GetPageAsync("/xxgk?genre=NormativeDocument&validity=InForce")).QuerySelector("table.catalog")!.TextContent;
        Assert.Contains("实施办法", filtered);
        Assert.DoesNotContain("政策解读", filtered);

        var item = await client.GetPageAsync($"/xxgk/item/{policy}");
        var meta = item.QuerySelectorAll("table.meta th").Select(th => th.TextContent).ToList();
        Assert.Equal(["索引号", "主题分类", "发布机构", "体裁", "成文日期", "发布日期", "文号", "关键词", "有效性", "实施日期", "废止日期", "公开方式"], meta);
        Assert.Contains(policy, item.QuerySelector("table.meta")!.TextContent);
        Assert.Contains("映政发〔2024〕3号", item.QuerySelector("table.meta")!.TextContent);
        Assert.Equal($"/xxgk/item/{reading}", item.QuerySelector("#jd + ul a")!.GetAttribute("href"));
        var back = await client.GetPageAsync($"/xxgk/item/{Uri.EscapeDataString(reading)}");
        Assert.Contains("本文为以下政策的解读", back.Body!.TextContent);

        var feed = XDocument.Parse(await client.GetStringAsync($"/feeds/{SeedDemoData.CodeOf("yy")}.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(2, feed.Root!.Elements(atom + "entry").Count());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/xxgk/item/000000000/2024-00001")).StatusCode);

        var locations = (await SitemapTests.ReadAsync(client)).SelectMany(f => f.Urls).Select(u => u.Loc).ToList();
        Assert.Contains(locations, l => l.EndsWith($"/xxgk/item/{policy}", StringComparison.Ordinal));
        Assert.Contains(locations, l => l.EndsWith($"/units/{SeedDemoData.CityCode}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_withdrawn_item_should_keep_its_page_with_the_reason_and_leave_the_list()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 20));
        var number = await PublishAsync(app.Database, CatalogWorkflowTests.Notice(), "city");
        await using (var scope = app.Database.Scope())
        {
            var id = app.Database.Get<GongkaiDb>(scope).CatalogItems.Single(i => i.IndexNumber == number).Id;
            await app.Database.Get<ChangeCatalogItem>(scope).HandleAsync(new(id, ChangeCatalogItem.Change.Withdraw, "含有未遮盖的个人信息，整改后重新发布"), Reviewer);
        }
        var client = app.Browser();
        var page = (await client.GetPageAsync($"/xxgk/item/{number}")).Body!.TextContent;
        Assert.Contains("该信息已撤下。理由：含有未遮盖的个人信息", page);
        Assert.DoesNotContain("各区县人民政府", page);
        Assert.DoesNotContain("防汛", (await client.GetPageAsync("/xxgk")).QuerySelector("table.catalog")!.TextContent);
    }
}
