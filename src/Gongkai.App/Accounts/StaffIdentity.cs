using Microsoft.AspNetCore.Identity;

namespace Gongkai.App.Accounts;

/// <summary>
/// Password policy for staff accounts, the same in the web app and the CLI. Identity's own lockout (an account locked
/// for everyone after a few wrong passwords, which lets anyone shut staff out) is off: failed sign-ins are throttled
/// per client address and user name instead (<see cref="CheckStaffSignIn"/>, <see cref="Core.Accounts.SignInThrottle"/>).
/// </summary>
public static class StaffIdentity
{
    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = 10;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 5;
        options.Lockout.AllowedForNewUsers = false;
        options.User.RequireUniqueEmail = false;
        // Lets Identity ask EnabledAccountsOnly (web) whether the account is disabled (停用) before signing in.
        options.SignIn.RequireConfirmedAccount = true;
        options.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
    }

    /// <summary>What both Identity set-ups (web and CLI) add: messages in Chinese and the common-password list.</summary>
    public static IdentityBuilder AddStaffRules(this IdentityBuilder identity) =>
        identity.AddErrorDescriber<ChineseIdentityErrors>().AddPasswordValidator<CommonPasswordValidator>();
}

/// <summary>Identity's messages in Chinese, for the sign-in page, the staff pages and the CLI.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    private static IdentityError E(string code, string description) => new() { Code = code, Description = description };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "操作失败。");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"用户名“{userName}”已被使用。");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"用户名“{userName}”无效：只能使用字母、数字和 - . _ @。");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"邮箱“{email}”已被使用。");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"邮箱“{email}”格式不正确。");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "密码不正确。");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"密码至少需要 {length} 个字符。");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "密码须包含至少一个数字。");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "密码须包含至少一个小写字母。");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "密码须包含至少一个大写字母。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个符号。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"密码须包含至少 {uniqueChars} 个不同的字符。");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"该账号已有角色“{role}”。");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"该账号没有角色“{role}”。");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "数据已被他人修改，请刷新后重试。");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "令牌无效或已过期。");
}
