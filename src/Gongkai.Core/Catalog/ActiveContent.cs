namespace Gongkai.Core.Catalog;

/// <summary>
/// What in a PDF runs by itself when it is opened (ISO 32000-1 §12.6): JavaScript (/JS, /JavaScript — an /OpenAction that
/// runs one included), an action that starts another program (/Launch), actions on opening or closing a page or on a
/// form field (/AA). Such a file is not refused — a form may need its scripts — but flagged: whoever releases or publishes
/// it must confirm it, and it is only ever offered as a download.
/// </summary>
[Flags]
public enum ActiveContent
{
    None = 0,

    /// <summary>JavaScript 脚本.</summary>
    JavaScript = 1,

    /// <summary>启动外部程序的动作 (/Launch).</summary>
    Launch = 2,

    /// <summary>自动触发的动作 (/AA): on opening or closing a page, on a form field.</summary>
    AdditionalActions = 4,

    /// <summary>未能完整检查: the file could not be read as a whole and holds compressed objects the check could not open.</summary>
    Unchecked = 8,
}

public static class ActiveContentNames
{
    /// <summary>含 JavaScript 脚本、启动外部程序的动作: each flag in Chinese, joined by 、; "" for none.</summary>
    public static string ChineseName(this ActiveContent active) => string.Join("、", Enum.GetValues<ActiveContent>()
        .Where(f => f != ActiveContent.None && active.HasFlag(f))
        .Select(f => f switch
        {
            ActiveContent.JavaScript => "JavaScript 脚本",
            ActiveContent.Launch => "启动外部程序的动作",
            ActiveContent.AdditionalActions => "自动触发的动作",
            _ => "未能完整检查的内容",
        }));
}
