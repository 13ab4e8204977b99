using System.Reflection;
using Gongkai.Core.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.App.Accounts;

/// <summary>
/// Refuses common and breached passwords (<see cref="CommonPasswords"/>) for staff accounts, wherever a password is
/// set: the 账号 page, `gongkai users add`, a reset by an administrator. The list is <c>common-passwords.txt</c>
/// beside this file (its sources are in its header), read once per process.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffAccount>
{
    private static readonly Lazy<IReadOnlySet<string>> List = new(Load);

    public static IReadOnlySet<string> Passwords => List.Value;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffAccount> manager, StaffAccount user, string? password) =>
        Task.FromResult(password is not null && CommonPasswords.IsCommon(password, List.Value)
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "这个密码太常见（或只是在常见密码、键盘连续字母前后加了数字），容易被猜中，请换一个。" })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Gongkai.App.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded in Gongkai.App.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith("# ", StringComparison.Ordinal) && line != "#")
                passwords.Add(line);
        }
        return passwords;
    }
}
