namespace Gongkai.Core.SiteCheck;

/// <summary>
/// The thresholds of the State Council's website and new-media indicators (国办秘函〔2019〕19号《政府网站与政务新媒体检查
/// 指标》, 单项否决指标), each in one place. The wording they come from, as reprinted by the offices that apply them:
/// 站点无法访问 「监测1周，每天间隔性访问20次以上，超过（含）15秒网站仍打不开的次数累计占比超过（含）5%」; 首页不更新
/// 「监测2周，首页无信息更新」; 栏目不更新 「监测时间点前2周内的动态、要闻类栏目，以及监测时间点前6个月内的通知公告、政策文件类
/// 一级栏目，累计超过（含）5个未更新；应更新但长期未更新的栏目数量超过（含）10个；空白栏目数量超过（含）5个」; 互动回应差
/// 「未提供网上有效咨询建言渠道；监测时间点前1年内……存在超过3个月未回应有效留言的现象」; 政务新媒体 「监测时间点前2周内无更新」.
/// </summary>
public static class SiteCheckRules
{
    /// <summary>A probe that has not opened the homepage within 15 s counts as failed.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(15);

    /// <summary>At least 20 probes a day …</summary>
    public const int MinProbesPerDay = 20;

    /// <summary>… over a week (7 days) …</summary>
    public const int MonitorDays = 7;

    /// <summary>… and 5% or more of them failing is the veto.</summary>
    public const decimal MaxFailureShare = 0.05m;

    /// <summary>The homepage must show something new within 2 weeks.</summary>
    public const int HomepageDays = 14;

    /// <summary>动态、要闻 columns: 2 weeks.</summary>
    public const int NewsDays = 14;

    /// <summary>通知公告、政策文件 first-level columns: 6 months.</summary>
    public const int NoticePolicyMonths = 6;

    /// <summary>Stale 动态要闻 / 通知公告、政策文件 columns: 5 or more is the veto.</summary>
    public const int StaleColumnsVeto = 5;

    /// <summary>Columns that should be updated but are long stale: 10 or more is the veto.</summary>
    public const int LongStaleColumnsVeto = 10;

    /// <summary>Empty columns (a column with nothing in it): 5 or more is the veto.</summary>
    public const int EmptyColumnsVeto = 5;

    /// <summary>A valid message unanswered for more than 3 months …</summary>
    public const int UnansweredMonths = 3;

    /// <summary>… among those of the year before the check.</summary>
    public const int InteractionLookbackMonths = 12;

    /// <summary>A publishing new-media account silent for 2 weeks fails.</summary>
    public const int AccountSilentDays = 14;
}
