using System.Net;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Accounts;

public class SignInTests
{
    private static Dictionary<string, string> Credentials(string user, string password) => new() { ["UserName"] = user, ["Password"] = password };

    [Fact]
    public async Task The_staff_area_should_send_strangers_to_the_sign_in_page()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var response = await app.Browser().GetAsync("/office/units");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/office/signin", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_disabled_account_should_be_refused_and_its_open_session_should_end()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("leaver", "czj", StaffRole.Supervisor);
        var session = await app.SignedInAsync("leaver");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/office")).StatusCode);

        await using (var scope = app.Database.Scope())
            Assert.True((await app.Database.Get<SetStaffAccountDisabled>(scope).HandleAsync("leaver", true, StaffScope.System)).Succeeded);

        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/office")).StatusCode);
        var again = await app.Browser().PostFormAsync("/office/signin", Credentials("leaver", WebApp.Password));
        Assert.Contains("该账号已停用", await again.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forms_posted_without_the_anti_forgery_token_should_be_rejected()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("admin2", "city", StaffRole.SystemAdmin);
        var client = await app.SignedInAsync("admin2");

        var forged = await client.PostAsync("/office/signout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("请求无效", await forged.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/office")).StatusCode);

        var signOut = await client.PostFormAsync("/office/signout", [], formPage: "/office");
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/office")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_administrator_should_create_an_account_in_the_office_and_a_weak_password_should_be_explained(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-admin", "yy", StaffRole.UnitAdmin);
        var client = await app.SignedInAsync("yy-admin");
        var form = new Dictionary<string, string>
        {
            ["Form.UserName"] = "xq-editor",
            ["Form.DisplayName"] = "星桥编辑",
            ["Form.UnitCode"] = App.Demo.SeedDemoData.CodeOf("yy-xq"),
            ["Form.Roles"] = StaffRole.CatalogEditor,
            ["Form.Password"] = "short",
        };
        var weak = await client.PostFormAsync("/office/staff/edit", form);
        Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
        Assert.Contains("密码至少需要 10 个字符", await weak.Content.ReadAsStringAsync());

        form["Form.Password"] = "xingqiao-2026";
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/office/staff/edit", form)).StatusCode);
        Assert.Contains("星桥编辑", (await client.GetPageAsync("/office/staff")).QuerySelector("table")!.TextContent);

        form["Form.UserName"] = "xq-admin";
        form["Form.Roles"] = StaffRole.SystemAdmin;
        var escalate = await client.PostFormAsync("/office/staff/edit", form);
        Assert.Contains("只有系统管理员可以授予系统管理员角色", await escalate.Content.ReadAsStringAsync());
    }
}
