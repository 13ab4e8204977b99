using System.Net;
using Gongkai.App.Data;

namespace Gongkai.Tests.Web;

/// <summary>Every public page's header and footer: the search box, the 长者模式 switch and the configured site identity.</summary>
public class PortalShellTests
{
    [Fact]
    public async Task Every_public_page_should_carry_a_search_box_and_the_configured_footer_identity()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?>
        {
            ["Portal:Sponsor"] = "测试市人民政府办公室",
            ["Portal:Contact:Phone"] = "0571-12345678",
            ["Portal:IcpRecord"] = "测ICP备12345678号",
            ["Portal:PublicSecurityRecord"] = "",
            ["Portal:SiteCode"] = "",
            ["Portal:Contact:Email"] = "",
            ["Portal:Contact:Address"] = "",
        });
        var client = app.Browser();

        foreach (var url in new[] { "/", "/xxgk", "/units", "/nb" })
        {
            var page = await client.GetPageAsync(url);
            var box = page.QuerySelector("header form[role=search][action='/search'][method=get] input[name=q]");
            Assert.NotNull(box);
            Assert.Equal("检索政府信息", page.QuerySelector($"label[for={box!.Id}]")!.TextContent.Trim());
            var footer = page.QuerySelector("footer")!.TextContent;
            Assert.Contains("主办单位：测试市人民政府办公室", footer);
            Assert.Contains("电话：0571-12345678", footer);
            Assert.Contains("测ICP备12345678号", footer);
            // Lines left empty in the configuration are left out, not shown blank.
            Assert.DoesNotContain("网站标识码", footer);
            Assert.DoesNotContain("公网安备", footer);
            Assert.DoesNotContain("电子邮箱", footer);
        }
    }

    [Fact]
    public async Task The_elder_mode_switch_should_set_a_cookie_and_return_to_the_page_it_was_used_on()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var client = app.Browser();

        var home = await client.GetPageAsync("/xxgk?genre=Rule");
        Assert.Null(home.DocumentElement.GetAttribute("class"));
        var on = home.QuerySelector("header .display-switch a")!;
        Assert.Equal("无障碍 / 长者模式", on.TextContent.Trim());

        var response = await client.GetAsync(on.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/xxgk?genre=Rule", response.Headers.Location!.OriginalString);

        var after = await client.GetPageAsync("/units");
        Assert.Contains("elder", after.DocumentElement.ClassList);
        var off = after.QuerySelector("header .display-switch a")!;
        Assert.Equal("退出长者模式", off.TextContent.Trim());
        await client.GetAsync(off.GetAttribute("href"));
        Assert.DoesNotContain("elder", (await client.GetPageAsync("/units")).DocumentElement.ClassList);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task The_display_switch_should_refuse_to_send_anyone_to_another_site(string returnUrl)
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.Browser().GetAsync($"/display?elder=on&return={Uri.EscapeDataString(returnUrl)}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gk-elder=on", StringComparison.Ordinal));
    }
}
