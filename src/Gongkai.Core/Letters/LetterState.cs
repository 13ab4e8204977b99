using Gongkai.Core.Workflow;

namespace Gongkai.Core.Letters;

/// <summary>Where a letter stands; derived from its log, never typed in.</summary>
public enum LetterState
{
    /// <summary>待受理 — arrived, not yet screened by the mailbox office.</summary>
    Received,
    /// <summary>办理中 — valid, with the office or a handling unit.</summary>
    InProgress,
    /// <summary>待审核 — an answer waits for the mailbox office's review.</summary>
    AwaitingReview,
    /// <summary>已答复 — the answer went to the writer; the rating window is open.</summary>
    Answered,
    /// <summary>已办结 — rated, or the rating window closed in silence.</summary>
    Closed,
    /// <summary>无效 — screened out, with a reason; no due date.</summary>
    Invalid,
    /// <summary>已转出 — to 信访, 纪检 or another government; recorded, not answered here.</summary>
    TransferredOut,
}

public enum LetterEventKind
{
    /// <summary>来信 — the letter arrives (online, by the API, or brought over by an import).</summary>
    Submitted,
    /// <summary>受理 — screened as valid (有效), with its routing class.</summary>
    Accepted,
    /// <summary>不予受理 — screened as invalid (无效), with a reason.</summary>
    Rejected,
    /// <summary>转出 — to 信访, 纪检 or another government.</summary>
    TransferredOut,
    /// <summary>交办 — assigned to a unit of the office's subtree.</summary>
    Assigned,
    /// <summary>回退 — the assigned unit says the letter is not its matter; back to the mailbox office.</summary>
    Returned,
    /// <summary>调整办理类型 — 即办/转办/呈办/查办/缓办 (缓办 with a reason).</summary>
    Routed,
    /// <summary>催办 — a reminder to the handling unit.</summary>
    Reminded,
    /// <summary>延期 — once, at most the type's time limit again, with a reason.</summary>
    Extended,
    /// <summary>提交答复 — the handling unit's answer, for review.</summary>
    AnswerSubmitted,
    /// <summary>审核退回 — the mailbox office returns the answer for rework.</summary>
    AnswerReturned,
    /// <summary>审核通过并答复 — the answer goes to the writer.</summary>
    Answered,
    /// <summary>评价 — the writer rates the answer.</summary>
    Rated,
    /// <summary>逾期未评价 — the rating window closed in silence, which counts as satisfied.</summary>
    RatingLapsed,
    /// <summary>再次办理 — an unsatisfied writer asked, once, for the letter to be handled again.</summary>
    Reopened,
    /// <summary>公开选登 — published with the writer's consent, name masked.</summary>
    Published,
    /// <summary>撤销公开.</summary>
    Unpublished,
}

/// <summary>The one transition table of letters: every step anyone can take, and the state it leads to.</summary>
public static class LetterTransitions
{
    private static readonly LetterState[] Valid = [LetterState.InProgress, LetterState.AwaitingReview];

    public static readonly TransitionTable<LetterState, LetterEventKind> Table = new(new Dictionary<(LetterState, LetterEventKind), LetterState>
    {
        [(LetterState.Received, LetterEventKind.Accepted)] = LetterState.InProgress,
        [(LetterState.Received, LetterEventKind.Rejected)] = LetterState.Invalid,
        [(LetterState.Received, LetterEventKind.TransferredOut)] = LetterState.TransferredOut,
        [(LetterState.InProgress, LetterEventKind.TransferredOut)] = LetterState.TransferredOut,
        [(LetterState.InProgress, LetterEventKind.Assigned)] = LetterState.InProgress,
        [(LetterState.InProgress, LetterEventKind.Returned)] = LetterState.InProgress,
        [(LetterState.InProgress, LetterEventKind.Routed)] = LetterState.InProgress,
        [(LetterState.InProgress, LetterEventKind.Reminded)] = LetterState.InProgress,
        [(LetterState.AwaitingReview, LetterEventKind.Reminded)] = LetterState.AwaitingReview,
        [(LetterState.InProgress, LetterEventKind.Extended)] = LetterState.InProgress,
        [(LetterState.InProgress, LetterEventKind.AnswerSubmitted)] = LetterState.AwaitingReview,
        [(LetterState.AwaitingReview, LetterEventKind.AnswerReturned)] = LetterState.InProgress,
        [(LetterState.AwaitingReview, LetterEventKind.Answered)] = LetterState.Answered,
        [(LetterState.Answered, LetterEventKind.Rated)] = LetterState.Closed,
        [(LetterState.Answered, LetterEventKind.RatingLapsed)] = LetterState.Closed,
        [(LetterState.Closed, LetterEventKind.Reopened)] = LetterState.InProgress,
        [(LetterState.Answered, LetterEventKind.Published)] = LetterState.Answered,
        [(LetterState.Closed, LetterEventKind.Published)] = LetterState.Closed,
        [(LetterState.Answered, LetterEventKind.Unpublished)] = LetterState.Answered,
        [(LetterState.Closed, LetterEventKind.Unpublished)] = LetterState.Closed,
        [(LetterState.InProgress, LetterEventKind.Unpublished)] = LetterState.InProgress,
    });

    public static LetterState? After(LetterState state, LetterEventKind kind) => Table.After(state, kind);

    public static IEnumerable<LetterEventKind> Allowed(LetterState state) => Table.Allowed(state);

    /// <summary>Open letters: someone still has to act (and the clock runs for valid ones).</summary>
    public static bool IsOpen(this LetterState state) => state is LetterState.Received || Valid.Contains(state);

    /// <summary>Valid (有效) letters, for the statistics and the 3-month veto: screened in, whatever happened since.</summary>
    public static bool IsValid(this LetterState state) => state is not (LetterState.Received or LetterState.Invalid or LetterState.TransferredOut);

    public static string ChineseName(this LetterState state) => state switch
    {
        LetterState.Received => "待受理",
        LetterState.InProgress => "办理中",
        LetterState.AwaitingReview => "待审核",
        LetterState.Answered => "已答复",
        LetterState.Closed => "已办结",
        LetterState.Invalid => "无效",
        _ => "已转出",
    };

    public static string ChineseName(this LetterEventKind kind) => kind switch
    {
        LetterEventKind.Submitted => "来信",
        LetterEventKind.Accepted => "受理",
        LetterEventKind.Rejected => "不予受理（无效）",
        LetterEventKind.TransferredOut => "转出",
        LetterEventKind.Assigned => "交办",
        LetterEventKind.Returned => "回退",
        LetterEventKind.Routed => "调整办理类型",
        LetterEventKind.Reminded => "催办",
        LetterEventKind.Extended => "延期",
        LetterEventKind.AnswerSubmitted => "提交答复",
        LetterEventKind.AnswerReturned => "审核退回",
        LetterEventKind.Answered => "审核通过并答复",
        LetterEventKind.Rated => "来信人评价",
        LetterEventKind.RatingLapsed => "逾期未评价（视为满意）",
        LetterEventKind.Reopened => "再次办理",
        LetterEventKind.Published => "公开选登",
        _ => "撤销公开",
    };
}
