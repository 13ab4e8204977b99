namespace Gongkai.Core.SiteCheck;

/// <summary>
/// How often a column (栏目) must show something new, by the State Council's website indicators (国办秘函〔2019〕19号,
/// 单项否决「栏目不更新」): 动态、要闻 within 2 weeks; 通知公告、政策文件 within 6 months. The other classes are ours,
/// their periods configurable (<c>SiteCheck:UpdateDays:&lt;Class&gt;</c>).
/// </summary>
public enum UpdateClass
{
    /// <summary>动态、要闻 — 2 weeks.</summary>
    News,
    /// <summary>通知公告、政策文件 — 6 months.</summary>
    NoticePolicy,
    /// <summary>人事信息 (任免、招录) — configurable, default 1 year.</summary>
    Personnel,
    /// <summary>规划计划、统计数据 — configurable, default 1 year.</summary>
    PlanStatistics,
    /// <summary>其他 — configurable, default 1 year.</summary>
    Other,
}

/// <summary>Where a column is: one Gongkai keeps itself (created automatically), or a column of another site the unit runs.</summary>
public enum ColumnSource
{
    /// <summary>A 主题分类 of the unit's catalog (SourceKey: the theme).</summary>
    CatalogTheme,
    /// <summary>A 体裁 of the unit's catalog (SourceKey: the <see cref="Catalog.Genre"/> name).</summary>
    CatalogGenre,
    /// <summary>A letters mailbox of the unit (SourceKey: the mailbox id).</summary>
    Mailbox,
    /// <summary>The unit's 意见征集 column.</summary>
    Solicitations,
    /// <summary>The unit's 在线访谈 column.</summary>
    Interviews,
    /// <summary>The unit's 政策解读 column (catalog items of 体裁 解读).</summary>
    Interpretations,
    /// <summary>A column of another site of the unit, read from the network.</summary>
    External,
}

/// <summary>How an external column's newest date is found.</summary>
public enum DateSource
{
    /// <summary>Gongkai's own records (columns Gongkai keeps).</summary>
    Records,
    /// <summary>An RSS or Atom feed: the newest item's date.</summary>
    Feed,
    /// <summary>A sitemap: the newest &lt;lastmod&gt; of the URLs under the column's address.</summary>
    Sitemap,
    /// <summary>A list page: the newest date the page shows, found with a date pattern.</summary>
    ListPage,
    /// <summary>Entered by staff (no machine-readable source).</summary>
    Entered,
}

/// <summary>政务新媒体 platforms.</summary>
public enum AccountPlatform
{
    /// <summary>政务微博.</summary>
    Weibo,
    /// <summary>政务微信 (公众号).</summary>
    WeChat,
    /// <summary>政务短视频 (抖音、快手、视频号 …).</summary>
    ShortVideo,
    /// <summary>其他 (客户端、头条号 …).</summary>
    Other,
}

/// <summary>Whether a new-media account publishes (and so must post every 2 weeks), or was formally closed.</summary>
public enum AccountStatus
{
    /// <summary>发布信息 — checked for 2 weeks of silence.</summary>
    Publishing,
    /// <summary>仅提供服务、不发布信息 — not checked for silence.</summary>
    ServiceOnly,
    /// <summary>已关停 (formally closed; accounts no longer run must be closed).</summary>
    Closed,
}

/// <summary>What a lexicon entry catches (严重错误: wrong names and titles, serious misspellings, words that must never appear).</summary>
public enum LexiconKind
{
    /// <summary>领导人姓名、职务或机构名称错误或过时.</summary>
    WrongName,
    /// <summary>严重错别字.</summary>
    Misspelling,
    /// <summary>禁用词 (must never appear).</summary>
    Forbidden,
}

/// <summary>A person's judgement of a finding that needs one (a lexicon hit): an error to fix, or not an error.</summary>
public enum FindingDecision
{
    /// <summary>确认错误 — stays a finding until the text no longer has it.</summary>
    Confirmed,
    /// <summary>不是错误 (误报) — not raised again for the same text.</summary>
    Dismissed,
}

/// <summary>The single-veto items (单项否决) of 国办秘函〔2019〕19号, and the new-media one (§4 of the domain notes).</summary>
public enum VetoRule
{
    /// <summary>站点无法访问: ≥20 probes a day over a week, ≥5% failing to open within 15 s.</summary>
    Unreachable,
    /// <summary>首页不更新: the homepage shows nothing new for 2 weeks.</summary>
    HomepageNotUpdated,
    /// <summary>栏目不更新: ≥5 stale 动态要闻/通知公告/政策文件 columns, ≥10 long-stale columns, or ≥5 empty columns.</summary>
    ColumnsNotUpdated,
    /// <summary>严重错误 (严重表述错误、错别字、禁用内容).</summary>
    SeriousErrors,
    /// <summary>互动回应差: no working consultation channel, or a valid message unanswered over 3 months in the year before.</summary>
    PoorInteraction,
    /// <summary>政务新媒体不更新: a publishing account silent for 2 weeks (one per account).</summary>
    NewMediaSilent,
}

public static class SiteCheckNames
{
    public static string ChineseName(this UpdateClass c) => c switch
    {
        UpdateClass.News => "动态要闻类",
        UpdateClass.NoticePolicy => "通知公告、政策文件类",
        UpdateClass.Personnel => "人事信息类",
        UpdateClass.PlanStatistics => "规划计划、统计数据类",
        _ => "其他",
    };

    public static string ChineseName(this ColumnSource s) => s switch
    {
        ColumnSource.CatalogTheme => "目录主题分类",
        ColumnSource.CatalogGenre => "目录体裁",
        ColumnSource.Mailbox => "信箱",
        ColumnSource.Solicitations => "意见征集",
        ColumnSource.Interviews => "在线访谈",
        ColumnSource.Interpretations => "政策解读",
        _ => "其他网站栏目",
    };

    public static string ChineseName(this DateSource s) => s switch
    {
        DateSource.Records => "本平台记录",
        DateSource.Feed => "RSS/Atom 订阅",
        DateSource.Sitemap => "站点地图",
        DateSource.ListPage => "列表页日期",
        _ => "人工填报",
    };

    public static string ChineseName(this AccountPlatform p) => p switch
    {
        AccountPlatform.Weibo => "政务微博",
        AccountPlatform.WeChat => "政务微信",
        AccountPlatform.ShortVideo => "政务短视频",
        _ => "其他",
    };

    public static string ChineseName(this AccountStatus s) => s switch
    {
        AccountStatus.Publishing => "发布信息",
        AccountStatus.ServiceOnly => "仅提供服务",
        _ => "已关停",
    };

    public static string ChineseName(this LexiconKind k) => k switch
    {
        LexiconKind.WrongName => "名称职务错误",
        LexiconKind.Misspelling => "严重错别字",
        _ => "禁用词",
    };

    public static string ChineseName(this VetoRule r) => r switch
    {
        VetoRule.Unreachable => "站点无法访问",
        VetoRule.HomepageNotUpdated => "首页不更新",
        VetoRule.ColumnsNotUpdated => "栏目不更新",
        VetoRule.SeriousErrors => "严重错误",
        VetoRule.PoorInteraction => "互动回应差",
        _ => "政务新媒体不更新",
    };

    /// <summary>Reads a name as typed: its Chinese name or its key, case-insensitively.</summary>
    public static T? Parse<T>(string? text, Func<T, string> chinese) where T : struct, Enum
    {
        var t = (text ?? "").Trim();
        foreach (var v in Enum.GetValues<T>())
            if (v.ToString().Equals(t, StringComparison.OrdinalIgnoreCase) || chinese(v) == t)
                return v;
        return null;
    }
}
