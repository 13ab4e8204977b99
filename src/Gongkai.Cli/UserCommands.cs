using System.CommandLine;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Cli;

internal static class UserCommands
{
    public static Command Create(CliContext cli) => new("users", "工作人员账号") { Add(cli), List(cli), Disable(cli, true), Disable(cli, false), Unlock(cli) };

    private static Command Add(CliContext cli)
    {
        var userName = new Option<string>("--username") { Description = "登录用户名（字母、数字、- . _ @）", Required = true };
        var name = new Option<string>("--name") { Description = "姓名", Required = true };
        var unit = new Option<string>("--unit") { Description = "所属单位的统一社会信用代码或组织机构代码", Required = true };
        var roles = new Option<string[]>("--role")
        {
            Description = $"角色，可多次指定：{string.Join("、", StaffRole.All.Select(r => $"{StaffRole.ChineseName(r)}（{r}）"))}",
            Required = true,
            AllowMultipleArgumentsPerToken = true,
        };
        var password = new Option<string?>("--password") { Description = "初始密码（至少 10 位，含数字和小写字母）" };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "从标准输入读取密码" };
        var add = new Command("add", "创建工作人员账号") { userName, name, unit, roles, password, passwordStdin };
        add.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var secret = parse.GetValue(passwordStdin) ? (await Console.In.ReadLineAsync(ct))?.Trim() : parse.GetValue(password);
            if (string.IsNullOrEmpty(secret))
            {
                await cli.Error.WriteLineAsync("请用 --password 或 --password-stdin 提供初始密码。");
                return GongkaiCli.BadInput;
            }
            var input = new AddStaffAccount.Input(parse.GetValue(userName)!, parse.GetValue(name)!, parse.GetValue(unit)!, parse.GetValue(roles)!, secret);
            var outcome = await services.GetRequiredService<AddStaffAccount>().HandleAsync(input, StaffScope.System, ct);
            if (!outcome.Succeeded)
                return await cli.ReportAsync(outcome);
            await cli.Out.WriteLineAsync($"已创建账号 {outcome.Value!.UserName}。");
            return GongkaiCli.Done;
        }));
        return add;
    }

    private static Command List(CliContext cli)
    {
        var list = new Command("list", "列出全部工作人员账号");
        list.SetAction((_, ct) => cli.RunAsync(async services =>
        {
            var db = services.GetRequiredService<GongkaiDb>();
            var accounts = await db.Users.OrderBy(a => a.Unit.Path).ThenBy(a => a.UserName)
                .Select(a => new
                {
                    a.UserName,
                    a.DisplayName,
                    Unit = a.Unit.FullName,
                    a.DisabledAt,
                    Roles = db.UserRoles.Where(r => r.UserId == a.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
                }).ToListAsync(ct);
            if (accounts.Count == 0)
                await cli.Out.WriteLineAsync("还没有账号。用 gongkai users add 创建第一个系统管理员。");
            foreach (var a in accounts)
            {
                await cli.Out.WriteLineAsync($"{a.UserName}\t{a.DisplayName}\t{a.Unit}\t{StaffRole.Describe(a.Roles)}\t{(a.DisabledAt is null ? "正常" : "已停用")}");
            }
            return GongkaiCli.Done;
        }));
        return list;
    }

    private static Command Disable(CliContext cli, bool disable)
    {
        var userName = new Argument<string>("username") { Description = "用户名" };
        var command = new Command(disable ? "disable" : "enable", disable ? "停用账号：不能再登录，已登录的会话随即失效" : "重新启用已停用的账号") { userName };
        command.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var outcome = await services.GetRequiredService<SetStaffAccountDisabled>().HandleAsync(parse.GetValue(userName)!, disable, StaffScope.System, ct);
            if (!outcome.Succeeded)
                return await cli.ReportAsync(outcome);
            await cli.Out.WriteLineAsync($"账号 {outcome.Value!.UserName} 已{(disable ? "停用" : "启用")}。");
            return GongkaiCli.Done;
        }));
        return command;
    }

    private static Command Unlock(CliContext cli)
    {
        var userName = new Argument<string>("username") { Description = "用户名" };
        var command = new Command("unlock", "解除登录限制：清除各地址对该账号的登录失败记录，让其立即可以登录（记入账号记录）") { userName };
        command.SetAction((parse, ct) => cli.RunAsync(async services =>
        {
            var outcome = await services.GetRequiredService<UnlockStaffAccount>().HandleAsync(parse.GetValue(userName)!, StaffScope.System, ct);
            if (!outcome.Succeeded)
                return await cli.ReportAsync(outcome);
            await cli.Out.WriteLineAsync($"已解除账号 {outcome.Value!.UserName} 的登录限制。");
            return GongkaiCli.Done;
        }));
        return command;
    }
}
