using Gongkai.Core.Calendar;

namespace Gongkai.Core.Participation;

/// <summary>What a solicitation of opinions (意见征集) is held on: the kind of draft decides its minimum comment period.</summary>
public enum SolicitationKind
{
    /// <summary>规章 — 《规章制定程序条例》第十五条: at least 30 days.</summary>
    Rule,
    /// <summary>重大行政决策 — 《重大行政决策程序暂行条例》第十四条: at least 30 days.</summary>
    MajorDecision,
    /// <summary>行政规范性文件 — 国办发〔2018〕37号: at least 7 working days; 30 days when it closely concerns businesses.</summary>
    NormativeDocument,
    /// <summary>其他 — no statutory minimum.</summary>
    Other,
}

/// <summary>A minimum comment period: so many days (calendar or working), and the rule that sets it.</summary>
/// <param name="Days">How many days; 0 for no minimum.</param>
/// <param name="WorkingDays">Whether they are working days (the official calendar, 调休 included) rather than calendar days.</param>
/// <param name="Source">The rule, as the public page and the refusal cite it.</param>
public sealed record MinimumPeriod(int Days, bool WorkingDays, string Source)
{
    /// <summary>「30 日」 or 「7 个工作日」.</summary>
    public string Describe() => WorkingDays ? $"{Days} 个工作日" : $"{Days} 日";
}

/// <summary>
/// The minimum comment period of a solicitation (../shared/domain/interaction-and-sites.md §2). The period runs from the
/// day after the day it opens (the opening day is not counted, 民法典第二百零一条) to the closing day, inclusive: a draft
/// opened on 1 March and closing on 31 March has been open 30 days. A shorter period is lawful only with a recorded reason,
/// published with the solicitation (《重大行政决策程序暂行条例》第十四条：「因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明」).
/// </summary>
public static class CommentPeriod
{
    public static readonly MinimumPeriod RuleMinimum = new(30, false, "《规章制定程序条例》第十五条");
    public static readonly MinimumPeriod MajorDecisionMinimum = new(30, false, "《重大行政决策程序暂行条例》第十四条");
    public static readonly MinimumPeriod NormativeDocumentMinimum = new(7, true, "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）");
    public static readonly MinimumPeriod BusinessMinimum = new(30, false, "《优化营商环境条例》第六十二条");
    public static readonly MinimumPeriod None = new(0, false, "");

    /// <param name="concernsBusinesses">The draft closely concerns the production and business of market entities (与市场主体生产经营活动密切相关).</param>
    public static MinimumPeriod Minimum(SolicitationKind kind, bool concernsBusinesses) => kind switch
    {
        SolicitationKind.Rule => RuleMinimum,
        SolicitationKind.MajorDecision => MajorDecisionMinimum,
        SolicitationKind.NormativeDocument => concernsBusinesses ? BusinessMinimum : NormativeDocumentMinimum,
        _ => concernsBusinesses ? BusinessMinimum : None,
    };

    /// <summary>How long a period is in the minimum's unit: days, or working days, after the opening day up to the closing day.</summary>
    public static int Length(WorkCalendar calendar, MinimumPeriod minimum, DateOnly opensOn, DateOnly closesOn) =>
        minimum.WorkingDays ? calendar.WorkingDaysBetween(opensOn, closesOn) : Math.Max(0, closesOn.DayNumber - opensOn.DayNumber);

    /// <summary>The earliest closing day that meets the minimum.</summary>
    public static DateOnly EarliestClose(WorkCalendar calendar, MinimumPeriod minimum, DateOnly opensOn) =>
        minimum.WorkingDays ? calendar.AddWorkingDays(opensOn, minimum.Days) : opensOn.AddDays(minimum.Days);

    /// <summary>Whether the period is shorter than the minimum for the kind.</summary>
    public static bool IsShort(WorkCalendar calendar, SolicitationKind kind, bool concernsBusinesses, DateOnly opensOn, DateOnly closesOn)
    {
        var minimum = Minimum(kind, concernsBusinesses);
        return minimum.Days > 0 && Length(calendar, minimum, opensOn, closesOn) < minimum.Days;
    }

    /// <summary>
    /// Why the period may not be used, or null: the closing day must come after the opening day, and a period shorter than
    /// the minimum needs a reason (naming the minimum and the rule that sets it).
    /// </summary>
    public static string? Refusal(WorkCalendar calendar, SolicitationKind kind, bool concernsBusinesses, DateOnly opensOn, DateOnly closesOn, string? shortReason)
    {
        if (closesOn <= opensOn)
            return "截止日期应晚于开始日期。";
        var minimum = Minimum(kind, concernsBusinesses);
        if (minimum.Days == 0 || Length(calendar, minimum, opensOn, closesOn) >= minimum.Days || !string.IsNullOrWhiteSpace(shortReason))
            return null;
        return $"依照{minimum.Source}，{kind.ChineseName()}{(concernsBusinesses ? "（与市场主体生产经营活动密切相关）" : "")}公开征求意见的期限一般不少于{minimum.Describe()}"
            + $"（自 {opensOn:yyyy-MM-dd} 开始，最早可于 {EarliestClose(calendar, minimum, opensOn):yyyy-MM-dd} 截止）；确需缩短的，请填写缩短期限的理由，该理由将随征集一并公布。";
    }

    public static string ChineseName(this SolicitationKind kind) => kind switch
    {
        SolicitationKind.Rule => "规章",
        SolicitationKind.MajorDecision => "重大行政决策",
        SolicitationKind.NormativeDocument => "行政规范性文件",
        _ => "其他",
    };

    /// <summary>Reads a kind by its Chinese name or member name; null otherwise.</summary>
    public static SolicitationKind? ParseKind(string? text)
    {
        var t = (text ?? "").Trim();
        return Enum.GetValues<SolicitationKind>().Cast<SolicitationKind?>()
            .FirstOrDefault(k => k!.Value.ChineseName() == t || k.Value.ToString().Equals(t, StringComparison.OrdinalIgnoreCase));
    }
}
