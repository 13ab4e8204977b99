using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Cli;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Cli;

public class CliTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_new_database_should_be_migrated_seeded_and_given_its_first_administrator(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, schema: false);

        var early = await CliRun.RunAsync(db, "users", "list");
        Assert.Equal(GongkaiCli.NotReady, early.ExitCode);
        Assert.Contains("gongkai db migrate", early.Error);

        Assert.Equal(GongkaiCli.Done, (await CliRun.RunAsync(db, "db", "migrate")).ExitCode);
        var seeded = await CliRun.RunAsync(db, "demo", "seed");
        Assert.Contains("已载入演示数据", seeded.Out);
        Assert.Contains("演示数据已存在", (await CliRun.RunAsync(db, "demo", "seed")).Out);

        var add = await CliRun.RunAsync(db, "users", "add", "--username", "admin", "--name", "张管理", "--unit", SeedDemoData.CityCode,
            "--role", "系统管理员", "--password", "first-admin-2026");
        Assert.Equal((GongkaiCli.Done, ""), (add.ExitCode, add.Error));
        var list = await CliRun.RunAsync(db, "users", "list");
        Assert.Contains("admin\t张管理\t青岚市人民政府\t系统管理员\t正常", list.Out);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Adding_a_duplicate_user_should_fail_with_a_clear_message_and_change_nothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        string[] add = ["users", "add", "--username", "li", "--name", "李四", "--unit", SeedDemoData.CodeOf("jyj"), "--role", "信息发布", "--password", "li-si-password-1"];
        Assert.Equal(GongkaiCli.Done, (await CliRun.RunAsync(db, add)).ExitCode);

        var again = await CliRun.RunAsync(db, add);
        Assert.Equal(GongkaiCli.BadInput, again.ExitCode);
        Assert.Contains("用户名“li”已被使用", again.Error);

        var wrong = await CliRun.RunAsync(db, "users", "add", "--username", "wang", "--name", "王五", "--unit", "123456789",
            "--role", "局长", "--password", "pw");
        Assert.Equal(GongkaiCli.BadInput, wrong.ExitCode);
        Assert.Contains("校验码不符", wrong.Error);
        Assert.Contains("没有“局长”这个角色", wrong.Error);
        Assert.Contains("密码至少需要 10 个字符", wrong.Error);

        await using var scope = db.Scope();
        Assert.Equal(1, await db.Get<GongkaiDb>(scope).Users.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Disabling_a_user_should_show_in_the_list_and_unknown_users_should_be_reported(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await CliRun.RunAsync(db, "users", "add", "--username", "zhao", "--name", "赵六", "--unit", SeedDemoData.CodeOf("st"),
            "--role", "Supervisor", "--role", "依申请办理", "--password", "zhao-liu-password-6");
        Assert.Contains("已停用", (await CliRun.RunAsync(db, "users", "disable", "zhao")).Out);
        Assert.Contains("依申请办理、督查\t已停用", (await CliRun.RunAsync(db, "users", "list")).Out);

        var missing = await CliRun.RunAsync(db, "users", "disable", "nobody");
        Assert.Equal(GongkaiCli.NotFound, missing.ExitCode);
        Assert.Contains("找不到账号“nobody”", missing.Error);
    }

    [Fact]
    public async Task A_missing_option_should_be_a_usage_error()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var run = await CliRun.RunAsync(db, "users", "add", "--username", "x");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--name", run.Error);
    }
}
