using System.Net;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Cli;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;
using static Gongkai.Tests.Accounts.ClientAddresses;

namespace Gongkai.Tests.Accounts;

/// <summary>Issue 13, findings 5 and 6: unlocking, and the account log (账号记录) that every change leaves.</summary>
public class AccountLogTests
{
    private const string Stranger = "203.0.113.66";

    private static async Task<List<string>> LogRowsAsync(HttpClient client, string userName)
    {
        var page = await client.GetPageAsync($"/office/staff/edit/{userName}");
        var log = page.QuerySelector("section[aria-labelledby=log] tbody")!;
        return [.. log.QuerySelectorAll("tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Skip(1).Select(c => c.TextContent.Trim())))];
    }

    /// <summary>A page refuses with the 403 page (the cookie handler redirects there).</summary>
    private static void AssertForbidden(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/error/403", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private static async Task LockOutAsync(WebApp app, string userName)
    {
        var stranger = app.From(Stranger);
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
            await stranger.SignInAsync(userName, $"guess-number-{i}");
        Assert.Contains("登录失败次数过多", await ErrorOfAsync(await stranger.SignInAsync(userName, WebApp.Password)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_change_to_an_account_should_be_logged_shown_on_its_page_and_kept_when_it_is_disabled(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await app.AddStaffAsync("yy-admin", "yy", StaffRole.UnitAdmin);
        await app.AddStaffAsync("clerk", "yy-xq", StaffRole.CatalogEditor);
        var admin = await app.SignedInAsync("yy-admin");

        var form = new Dictionary<string, string>
        {
            ["Form.DisplayName"] = "星桥文员",
            ["Form.UnitCode"] = App.Demo.SeedDemoData.CodeOf("yy-xq"),
            ["Form.Roles"] = StaffRole.CatalogReviewer,
            ["Form.Password"] = "new-password-for-clerk-7",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/office/staff/edit/clerk", form)).StatusCode);
        await LockOutAsync(app, "clerk");
        Assert.Contains("登录受限", (await admin.GetPageAsync("/office/staff")).QuerySelector("table")!.TextContent);
        var limits = (await admin.GetPageAsync("/office/staff/edit/clerk")).QuerySelector("section[aria-labelledby=limits]")!.TextContent;
        Assert.Contains(Stranger, limits);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/office/staff/edit/clerk?handler=Unlock", [], formPage: "/office/staff/edit/clerk")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync("/office/staff?handler=Disable&userName=clerk", [], formPage: "/office/staff")).StatusCode);

        var rows = await LogRowsAsync(admin, "clerk");
        Assert.Equal(
        [
            "停用 | 测试yy-admin | ",
            "解除登录限制 | 测试yy-admin | 清除了 1 个地址的登录失败记录",
            "重设密码 | 测试yy-admin | ",
            "修改账号 | 测试yy-admin | 姓名：测试clerk → 星桥文员；角色：信息发布 → 信息审核",
            "创建账号 | 命令行操作员 | 单位：青岚市映月区星桥街道办事处；角色：信息发布",
        ], rows);
        Assert.Contains("该账号已停用", (await admin.GetPageAsync("/office/staff/edit/clerk")).Body!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_unlock_command_should_let_a_waiting_address_sign_in_at_once_and_be_logged(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await app.AddStaffAsync("clerk", "jyj", StaffRole.CatalogEditor);
        await LockOutAsync(app, "clerk");

        var run = await CliRun.RunAsync(app.Database, "users", "unlock", "clerk");
        Assert.Equal((GongkaiCli.Done, "已解除账号 clerk 的登录限制。\n"), (run.ExitCode, run.Out.ReplaceLineEndings("\n")));
        Assert.Equal(HttpStatusCode.Redirect, (await app.From(Stranger).SignInAsync("clerk", WebApp.Password)).StatusCode);
        Assert.Equal(GongkaiCli.NotFound, (await CliRun.RunAsync(app.Database, "users", "unlock", "nobody")).ExitCode);

        await using var scope = app.Database.Scope();
        var db = app.Database.Get<GongkaiDb>(scope);
        var entry = await db.StaffAccountLog.SingleAsync(e => e.Action == StaffAccountAction.Unlocked);
        Assert.Equal(("命令行操作员", "清除了 1 个地址的登录失败记录"), (entry.ActorName, entry.Note));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_administrator_should_neither_edit_nor_disable_nor_unlock_a_system_administrator_in_its_subtree(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-admin", "yy", StaffRole.UnitAdmin);
        await app.AddStaffAsync("yy-root", "yy", StaffRole.SystemAdmin);
        var admin = await app.SignedInAsync("yy-admin");

        var list = await admin.GetPageAsync("/office/staff");
        var row = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains("yy-root"));
        Assert.Null(row.QuerySelector("button"));

        var disable = await admin.PostFormAsync("/office/staff?handler=Disable&userName=yy-root", [], formPage: "/office/staff");
        AssertForbidden(disable);
        var unlock = await admin.PostFormAsync("/office/staff/edit/yy-root?handler=Unlock", [], formPage: "/office/staff/edit/yy-admin");
        AssertForbidden(unlock);
        var edit = await admin.PostFormAsync("/office/staff/edit/yy-root", new()
        {
            ["Form.DisplayName"] = "改名",
            ["Form.UnitCode"] = App.Demo.SeedDemoData.CodeOf("yy"),
            ["Form.Roles"] = StaffRole.CatalogEditor,
        }, formPage: "/office/staff/edit/yy-admin");
        AssertForbidden(edit);

        await using var scope = app.Database.Scope();
        var db = app.Database.Get<GongkaiDb>(scope);
        var root = await db.Users.SingleAsync(a => a.UserName == "yy-root");
        Assert.Equal((null, "测试yy-root"), (root.DisabledAt, root.DisplayName));
        Assert.Equal([StaffAccountAction.Created], await db.StaffAccountLog.Where(e => e.AccountId == root.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await app.Browser().PostFormAsync("/office/signin",
            new() { ["UserName"] = "yy-root", ["Password"] = WebApp.Password })).StatusCode);
    }
}
