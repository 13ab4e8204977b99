namespace Gongkai.Core.Accounts;

/// <summary>What was done to a staff account, as its log (账号记录) shows it.</summary>
public enum StaffAccountAction
{
    /// <summary>创建账号.</summary>
    Created,

    /// <summary>修改账号 — name, unit or roles (the note says from what to what).</summary>
    Changed,

    /// <summary>重设密码 — an administrator set a new password.</summary>
    PasswordReset,

    /// <summary>停用 — the account can no longer sign in and its sessions end.</summary>
    Disabled,

    /// <summary>启用 — a disabled account may sign in again.</summary>
    Enabled,

    /// <summary>解除登录限制 — the waits after failed sign-ins are cleared for every address.</summary>
    Unlocked,

    /// <summary>
    /// 查阅个人信息 — the account read a letter writer's name and contact in full (its own act, recorded on its own
    /// record: 《个人信息保护法》第五十一条 asks for a trace of who handles personal data).
    /// </summary>
    PersonalDataRead,

    /// <summary>修改信箱 — the account opened, closed or changed a unit's mailbox (its own act, recorded on its own record).</summary>
    MailboxChanged,
}

public static class StaffAccountActions
{
    public static string ChineseName(this StaffAccountAction action) => action switch
    {
        StaffAccountAction.Created => "创建账号",
        StaffAccountAction.Changed => "修改账号",
        StaffAccountAction.PasswordReset => "重设密码",
        StaffAccountAction.Disabled => "停用",
        StaffAccountAction.Enabled => "启用",
        StaffAccountAction.Unlocked => "解除登录限制",
        StaffAccountAction.PersonalDataRead => "查阅个人信息",
        StaffAccountAction.MailboxChanged => "修改信箱",
        _ => action.ToString(),
    };
}
