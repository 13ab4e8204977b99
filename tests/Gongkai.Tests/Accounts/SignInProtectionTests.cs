using System.Net;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Gongkai.Tests.Accounts.ClientAddresses;

namespace Gongkai.Tests.Accounts;

/// <summary>Issue 13, finding 5: what a stranger learns and can do at the staff sign-in page.</summary>
public class SignInProtectionTests
{
    private const string Stranger = "203.0.113.66", Office = "198.51.100.10";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_name_should_cost_a_password_check_and_get_the_answer_a_wrong_password_gets(DatabaseProvider provider)
    {
        var hasher = new CountingHasher();
        await using var app = await StartAsync(provider, services: s => s.AddSingleton<IPasswordHasher<StaffAccount>>(hasher));
        await app.AddStaffAsync("clerk", "jyj", StaffRole.CatalogEditor);
        var client = app.From(Stranger);

        var before = hasher.Verifications;
        var known = await client.SignInAsync("clerk", "wrong-password-1");
        Assert.Equal(1, hasher.Verifications - before);
        before = hasher.Verifications;
        var unknown = await client.SignInAsync("nobody-here", "wrong-password-1");
        Assert.Equal(1, hasher.Verifications - before);

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal("用户名或密码不正确。", await ErrorOfAsync(known));
        Assert.Equal(await ErrorOfAsync(known), await ErrorOfAsync(unknown));

        // Past the free failures both names make the address wait, with the same words.
        for (var i = 1; i < SignInThrottle.FreeFailures; i++)
        {
            await client.SignInAsync("clerk", "wrong-password-1");
            await client.SignInAsync("nobody-here", "wrong-password-1");
        }
        var knownWaits = await ErrorOfAsync(await client.SignInAsync("clerk", "wrong-password-1"));
        var unknownWaits = await ErrorOfAsync(await client.SignInAsync("nobody-here", "wrong-password-1"));
        Assert.Contains("登录失败次数过多", knownWaits);
        Assert.Equal(knownWaits, unknownWaits);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_stranger_guessing_should_wait_longer_each_time_but_never_keep_the_staff_member_out(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider);
        await app.AddStaffAsync("clerk", "jyj", StaffRole.CatalogEditor);
        var stranger = app.From(Stranger);
        for (var i = 0; i < SignInThrottle.FreeFailures; i++)
            Assert.Equal("用户名或密码不正确。", await ErrorOfAsync(await stranger.SignInAsync("clerk", $"guess-number-{i}")));

        // The stranger's address waits, even with the right password …
        var waiting = await stranger.SignInAsync("clerk", WebApp.Password);
        Assert.Contains("请 1 分钟后再试", await ErrorOfAsync(waiting));
        // … the staff member at the office signs in all the same.
        Assert.Equal(HttpStatusCode.Redirect, (await app.From(Office).SignInAsync("clerk", WebApp.Password)).StatusCode);

        app.Database.Clock.Advance(TimeSpan.FromMinutes(1.5));
        Assert.Equal("用户名或密码不正确。", await ErrorOfAsync(await stranger.SignInAsync("clerk", "guess-number-6")));
        Assert.Contains("请 2 分钟后再试", await ErrorOfAsync(await stranger.SignInAsync("clerk", "guess-number-7")));

        app.Database.Clock.Advance(TimeSpan.FromMinutes(2.5));
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.SignInAsync("clerk", WebApp.Password)).StatusCode);
    }

    [Fact]
    public async Task One_address_posting_too_often_should_get_429_while_another_signs_in()
    {
        await using var app = await StartAsync(DatabaseProvider.Sqlite, new() { ["RateLimits:SignInsPerMinute"] = "3" });
        await app.AddStaffAsync("clerk", "jyj", StaffRole.CatalogEditor);
        var spray = app.From(Stranger);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await spray.SignInAsync($"name{i}", "wrong-password-1")).StatusCode);
        var refused = await spray.SignInAsync("name3", "wrong-password-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("操作过于频繁", await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await app.From(Office).SignInAsync("clerk", WebApp.Password)).StatusCode);
    }

    [Fact]
    public async Task A_copy_of_the_cookie_should_be_refused_once_its_owner_has_signed_out()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("clerk", "yy", StaffRole.UnitAdmin);
        var owner = app.Browser();
        var signIn = await owner.PostFormAsync("/office/signin", new() { ["UserName"] = "clerk", ["Password"] = WebApp.Password });
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffSignIn.CookieName + "=", StringComparison.Ordinal)).Split(';')[0];

        var thief = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        thief.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/office/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/api/v1/office/units")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostFormAsync("/office/signout", [], formPage: "/office")).StatusCode);

        var page = await thief.GetAsync("/office/staff");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/office/signin", page.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Unauthorized, (await thief.GetAsync("/api/v1/office/units")).StatusCode);
    }

    [Theory]
    [InlineData("password12")]
    [InlineData("qwertyuio1")]
    [InlineData("a123456789")]
    [InlineData("woaini1314")]
    [InlineData("Zhangwei1986")]
    public async Task Common_passwords_should_be_refused_when_an_administrator_sets_one(string password)
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-admin", "yy", StaffRole.UnitAdmin);
        var client = await app.SignedInAsync("yy-admin");
        var form = new Dictionary<string, string>
        {
            ["Form.UserName"] = "xq-editor",
            ["Form.DisplayName"] = "星桥编辑",
            ["Form.UnitCode"] = App.Demo.SeedDemoData.CodeOf("yy-xq"),
            ["Form.Roles"] = StaffRole.CatalogEditor,
            ["Form.Password"] = password,
        };
        var created = await client.PostFormAsync("/office/staff/edit", form);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("这个密码太常见", await created.Content.ReadAsStringAsync());

        await app.AddStaffAsync("xq-clerk", "yy-xq", StaffRole.CatalogEditor);
        form["Form.UserName"] = "xq-clerk";
        var reset = await client.PostFormAsync("/office/staff/edit/xq-clerk", form);
        Assert.Contains("这个密码太常见", await reset.Content.ReadAsStringAsync());
    }
}
