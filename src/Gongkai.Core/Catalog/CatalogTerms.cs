namespace Gongkai.Core.Catalog;

/// <summary>体裁: the kind of document. 规章 and 行政规范性文件 carry 有效性 with 实施日期/废止日期 and feed table 二 of the annual report.</summary>
public enum Genre
{
    /// <summary>规章.</summary>
    Rule,
    /// <summary>行政规范性文件.</summary>
    NormativeDocument,
    /// <summary>通知.</summary>
    Notice,
    /// <summary>公告.</summary>
    Announcement,
    /// <summary>报告.</summary>
    Report,
    /// <summary>规划.</summary>
    Plan,
    /// <summary>解读 — interprets a policy; links to it and the policy links back.</summary>
    Interpretation,
    /// <summary>其他.</summary>
    Other,
}

/// <summary>有效性.</summary>
public enum Validity
{
    /// <summary>有效.</summary>
    InForce,
    /// <summary>废止 — revoked by decision.</summary>
    Revoked,
    /// <summary>失效 — expired (its 废止日期 passed).</summary>
    Expired,
}

/// <summary>公开属性, decided when the document is drafted.</summary>
public enum DisclosureAttribute
{
    /// <summary>主动公开.</summary>
    Proactive,
    /// <summary>依申请公开.</summary>
    OnApplication,
    /// <summary>不予公开.</summary>
    NotDisclosed,
}

/// <summary>The channels an item also went out on; the legacy 统计表 counts them (「不同渠道和方式公开相同信息计1条」).</summary>
[Flags]
public enum PublicationChannels
{
    None = 0,
    /// <summary>政府公报.</summary>
    Gazette = 1,
    /// <summary>政府网站 — every published catalog item.</summary>
    Website = 2,
    /// <summary>政务微博.</summary>
    Weibo = 4,
    /// <summary>政务微信.</summary>
    WeChat = 8,
    /// <summary>其他.</summary>
    Other = 16,
}

public static class CatalogTerms
{
    /// <summary>内容概述 is at most 100 字 (实施指引).</summary>
    public const int MaxSummary = 100;

    /// <summary>
    /// 主题分类, the first level of the classification used on gov.cn catalog pages (e.g. 「综合政务\其他」): an item's
    /// theme is one of these, optionally with a second level after a backslash.
    /// </summary>
    public static readonly IReadOnlyList<string> Themes =
    [
        "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源", "农业、林业、水利", "工业、交通",
        "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版", "卫生、体育",
        "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教", "对外事务",
        "港澳台侨工作", "国防", "其他",
    ];

    public static bool IsTheme(string? theme) => theme is not null && Themes.Contains(FirstLevel(theme));

    /// <summary>The first level of a 主题分类 (「综合政务\其他」 → 「综合政务」).</summary>
    public static string FirstLevel(string theme) => theme.Split('\\')[0].Trim();

    /// <summary>有效性 as of a day: an item in force whose 废止日期 has come is 失效 (expired) without anyone acting.</summary>
    public static Validity EffectiveValidity(Validity validity, DateOnly? repealedOn, DateOnly today) =>
        validity == Validity.InForce && repealedOn is { } end && end <= today ? Validity.Expired : validity;

    /// <summary>Genres that carry 有效性 with 实施日期 and 废止日期.</summary>
    public static bool HasValidity(this Genre genre) => genre is Genre.Rule or Genre.NormativeDocument;

    public static string ChineseName(this Genre genre) => genre switch
    {
        Genre.Rule => "规章",
        Genre.NormativeDocument => "行政规范性文件",
        Genre.Notice => "通知",
        Genre.Announcement => "公告",
        Genre.Report => "报告",
        Genre.Plan => "规划",
        Genre.Interpretation => "解读",
        _ => "其他",
    };

    public static string ChineseName(this Validity validity) => validity switch
    {
        Validity.InForce => "有效",
        Validity.Revoked => "废止",
        _ => "失效",
    };

    public static string ChineseName(this DisclosureAttribute attribute) => attribute switch
    {
        DisclosureAttribute.Proactive => "主动公开",
        DisclosureAttribute.OnApplication => "依申请公开",
        _ => "不予公开",
    };

    public static IEnumerable<string> ChineseNames(this PublicationChannels channels)
    {
        if (channels.HasFlag(PublicationChannels.Gazette)) yield return "政府公报";
        if (channels.HasFlag(PublicationChannels.Website)) yield return "政府网站";
        if (channels.HasFlag(PublicationChannels.Weibo)) yield return "政务微博";
        if (channels.HasFlag(PublicationChannels.WeChat)) yield return "政务微信";
        if (channels.HasFlag(PublicationChannels.Other)) yield return "其他";
    }
}
