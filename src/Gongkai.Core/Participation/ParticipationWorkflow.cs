using Gongkai.Core.Workflow;

namespace Gongkai.Core.Participation;

/// <summary>What a participation record is: each kind has the same life (draft, published, concluded, withdrawn).</summary>
public enum ParticipationKind
{
    /// <summary>意见征集.</summary>
    Solicitation,
    /// <summary>调查.</summary>
    Survey,
    /// <summary>在线访谈.</summary>
    Interview,
    /// <summary>新闻发布会 — a record, published when saved.</summary>
    PressConference,
    /// <summary>回应关切 — a record, published when saved.</summary>
    Response,
}

/// <summary>
/// Where a solicitation, survey or interview stands. Whether it is open is a matter of dates (<c>OpensOn</c>/<c>ClosesOn</c>,
/// the interview's time), not of state: a published solicitation whose period is over is closed without anyone acting.
/// </summary>
public enum ParticipationState
{
    /// <summary>草稿 — staff only.</summary>
    Draft,
    /// <summary>已发布 — on the public pages (open, upcoming or closed by its dates).</summary>
    Published,
    /// <summary>已公布结果 — the feedback (采纳情况), the survey's results or the interview's transcript is published.</summary>
    Concluded,
    /// <summary>已撤回 — taken off the public pages with a reason.</summary>
    Withdrawn,
}

/// <summary>Every step staff or the public take on a participation record; each is one entry of its log.</summary>
public enum ParticipationStep
{
    /// <summary>创建.</summary>
    Created,
    /// <summary>修改.</summary>
    Edited,
    /// <summary>发布.</summary>
    Published,
    /// <summary>延长期限 — a published solicitation or survey stays open longer (a period is never shortened once published).</summary>
    Extended,
    /// <summary>审核意见/提问 — a comment or question shown, or kept hidden, with a reason.</summary>
    Moderated,
    /// <summary>答复提问 — an interview question answered.</summary>
    Answered,
    /// <summary>记录采纳情况 — a comment marked adopted, partly adopted or not adopted, with the reason.</summary>
    AdoptionRecorded,
    /// <summary>公布结果 — the feedback, results or transcript published.</summary>
    Concluded,
    /// <summary>修改结果.</summary>
    ConclusionEdited,
    /// <summary>关联政策 — the catalog item of the resulting policy.</summary>
    PolicyLinked,
    /// <summary>撤回.</summary>
    Withdrawn,
    /// <summary>删除 — a record (press conference, response event) removed; its log stays.</summary>
    Deleted,
}

/// <summary>The one transition table of participation records (solicitations, surveys, interviews, and the records of press conferences and responses).</summary>
public static class ParticipationTransitions
{
    public static readonly TransitionTable<ParticipationState, ParticipationStep> Table = new(new Dictionary<(ParticipationState, ParticipationStep), ParticipationState>
    {
        [(ParticipationState.Draft, ParticipationStep.Edited)] = ParticipationState.Draft,
        [(ParticipationState.Draft, ParticipationStep.Published)] = ParticipationState.Published,
        [(ParticipationState.Draft, ParticipationStep.Deleted)] = ParticipationState.Withdrawn,
        [(ParticipationState.Published, ParticipationStep.Edited)] = ParticipationState.Published,
        [(ParticipationState.Published, ParticipationStep.Extended)] = ParticipationState.Published,
        [(ParticipationState.Published, ParticipationStep.Moderated)] = ParticipationState.Published,
        [(ParticipationState.Published, ParticipationStep.Answered)] = ParticipationState.Published,
        [(ParticipationState.Published, ParticipationStep.AdoptionRecorded)] = ParticipationState.Published,
        [(ParticipationState.Published, ParticipationStep.PolicyLinked)] = ParticipationState.Published,
        [(ParticipationState.Published, ParticipationStep.Concluded)] = ParticipationState.Concluded,
        [(ParticipationState.Published, ParticipationStep.Withdrawn)] = ParticipationState.Withdrawn,
        [(ParticipationState.Published, ParticipationStep.Deleted)] = ParticipationState.Withdrawn,
        [(ParticipationState.Concluded, ParticipationStep.ConclusionEdited)] = ParticipationState.Concluded,
        [(ParticipationState.Concluded, ParticipationStep.Moderated)] = ParticipationState.Concluded,
        [(ParticipationState.Concluded, ParticipationStep.Answered)] = ParticipationState.Concluded,
        [(ParticipationState.Concluded, ParticipationStep.AdoptionRecorded)] = ParticipationState.Concluded,
        [(ParticipationState.Concluded, ParticipationStep.PolicyLinked)] = ParticipationState.Concluded,
        [(ParticipationState.Concluded, ParticipationStep.Withdrawn)] = ParticipationState.Withdrawn,
    });

    public static ParticipationState? After(ParticipationState state, ParticipationStep step) => Table.After(state, step);

    /// <summary>Whether the public sees it (published or concluded).</summary>
    public static bool IsPublic(this ParticipationState state) => state is ParticipationState.Published or ParticipationState.Concluded;

    public static string ChineseName(this ParticipationState state) => state switch
    {
        ParticipationState.Draft => "草稿",
        ParticipationState.Published => "已发布",
        ParticipationState.Concluded => "已公布结果",
        _ => "已撤回",
    };

    public static string ChineseName(this ParticipationStep step) => step switch
    {
        ParticipationStep.Created => "创建",
        ParticipationStep.Edited => "修改",
        ParticipationStep.Published => "发布",
        ParticipationStep.Extended => "延长期限",
        ParticipationStep.Moderated => "审核",
        ParticipationStep.Answered => "答复",
        ParticipationStep.AdoptionRecorded => "记录采纳情况",
        ParticipationStep.Concluded => "公布结果",
        ParticipationStep.ConclusionEdited => "修改结果",
        ParticipationStep.PolicyLinked => "关联政策",
        ParticipationStep.Withdrawn => "撤回",
        _ => "删除",
    };

    public static string ChineseName(this ParticipationKind kind) => kind switch
    {
        ParticipationKind.Solicitation => "意见征集",
        ParticipationKind.Survey => "调查",
        ParticipationKind.Interview => "在线访谈",
        ParticipationKind.PressConference => "新闻发布会",
        _ => "回应关切",
    };

    /// <summary>What publishing the result is called for each kind: 采纳情况反馈, 调查结果, 文字实录.</summary>
    public static string ConclusionName(this ParticipationKind kind) => kind switch
    {
        ParticipationKind.Solicitation => "意见采纳情况反馈",
        ParticipationKind.Survey => "调查结果",
        ParticipationKind.Interview => "文字实录",
        _ => "",
    };
}

/// <summary>Where a public contribution (a comment on a draft, a question to an interview) stands in moderation.</summary>
public enum ContributionState
{
    /// <summary>待审核.</summary>
    Pending,
    /// <summary>已公开 — shown on the public page (after the personal-data screen).</summary>
    Shown,
    /// <summary>不予公开 — kept (and counted as received) but not shown, with a reason.</summary>
    Hidden,
}

public static class ContributionStates
{
    public static string ChineseName(this ContributionState state) => state switch
    {
        ContributionState.Pending => "待审核",
        ContributionState.Shown => "已公开",
        _ => "不予公开",
    };
}
