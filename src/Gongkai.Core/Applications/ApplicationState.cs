using Gongkai.Core.Workflow;

namespace Gongkai.Core.Applications;

/// <summary>Where an application stands; derived from its event log, never typed in.</summary>
public enum ApplicationState
{
    /// <summary>待确认 — submitted online, not yet confirmed by the office (no receipt date yet).</summary>
    AwaitingConfirmation,
    /// <summary>办理中.</summary>
    InProgress,
    /// <summary>待补正.</summary>
    AwaitingCorrection,
    /// <summary>征求意见中.</summary>
    InConsultation,
    /// <summary>待缴费.</summary>
    AwaitingPayment,
    /// <summary>已答复 — closed with an outcome.</summary>
    Answered,
}


public enum ApplicationEventKind
{
    /// <summary>网上提交 — an online application arrives, awaiting confirmation.</summary>
    SubmittedOnline,
    /// <summary>登记 — staff record an application received in person, by post or by fax, with its receipt date.</summary>
    Recorded,
    /// <summary>确认 — the office confirms an online application; the confirmation date is the receipt date.</summary>
    Confirmed,
    /// <summary>补正告知 (第三十条).</summary>
    CorrectionRequested,
    /// <summary>收到补正.</summary>
    CorrectionReceived,
    /// <summary>征求第三方意见 (第三十二条).</summary>
    ThirdPartyConsulted,
    /// <summary>征求其他机关意见 (第三十四条).</summary>
    OtherUnitConsulted,
    /// <summary>收到意见 / 征求意见结束.</summary>
    ConsultationEnded,
    /// <summary>收费通知 (109号).</summary>
    FeeNoticeSent,
    /// <summary>缴费.</summary>
    FeePaid,
    /// <summary>延期答复 (第三十三条第二款).</summary>
    Extended,
    /// <summary>转办 — moved to the unit that holds the information.</summary>
    Transferred,
    /// <summary>答复 — closes the application with an <see cref="Outcome"/>.</summary>
    Answered,
    /// <summary>日历更新后重算期限 — recorded when a new calendar moves the due date.</summary>
    DeadlineRecomputed,
    /// <summary>
    /// 补充答复文件 — a document that should have gone out with the answer is added to an answered application, with
    /// the reason; the answer itself (outcome, date) stays as it was.
    /// </summary>
    DocumentAdded,
}

/// <summary>
/// The one transition table: which event may happen in which state, and the state it leads to. Everything a staff
/// member can do to an application is in here; anything else is refused.
/// </summary>
public static class ApplicationTransitions
{
    private static readonly ApplicationState[] Open =
        [ApplicationState.InProgress, ApplicationState.AwaitingCorrection, ApplicationState.InConsultation, ApplicationState.AwaitingPayment];

    private static readonly TransitionTable<ApplicationState, ApplicationEventKind> Table = new(new Dictionary<(ApplicationState, ApplicationEventKind), ApplicationState>
    {
        [(ApplicationState.AwaitingConfirmation, ApplicationEventKind.Confirmed)] = ApplicationState.InProgress,
        [(ApplicationState.AwaitingConfirmation, ApplicationEventKind.Transferred)] = ApplicationState.AwaitingConfirmation,
        [(ApplicationState.InProgress, ApplicationEventKind.CorrectionRequested)] = ApplicationState.AwaitingCorrection,
        [(ApplicationState.AwaitingCorrection, ApplicationEventKind.CorrectionReceived)] = ApplicationState.InProgress,
        [(ApplicationState.InProgress, ApplicationEventKind.ThirdPartyConsulted)] = ApplicationState.InConsultation,
        [(ApplicationState.InProgress, ApplicationEventKind.OtherUnitConsulted)] = ApplicationState.InConsultation,
        [(ApplicationState.InConsultation, ApplicationEventKind.ConsultationEnded)] = ApplicationState.InProgress,
        [(ApplicationState.InProgress, ApplicationEventKind.FeeNoticeSent)] = ApplicationState.AwaitingPayment,
        [(ApplicationState.AwaitingPayment, ApplicationEventKind.FeePaid)] = ApplicationState.InProgress,
        [(ApplicationState.InProgress, ApplicationEventKind.Extended)] = ApplicationState.InProgress,
        [(ApplicationState.InConsultation, ApplicationEventKind.Extended)] = ApplicationState.InConsultation,
        [(ApplicationState.InProgress, ApplicationEventKind.Transferred)] = ApplicationState.InProgress,
        // An answer closes any open application: a refusal needs no consultation to end first, and 视为放弃 closes
        // one awaiting a correction (（六）1) or a payment (（六）2).
        [(ApplicationState.InProgress, ApplicationEventKind.Answered)] = ApplicationState.Answered,
        [(ApplicationState.InConsultation, ApplicationEventKind.Answered)] = ApplicationState.Answered,
        [(ApplicationState.AwaitingCorrection, ApplicationEventKind.Answered)] = ApplicationState.Answered,
        [(ApplicationState.AwaitingPayment, ApplicationEventKind.Answered)] = ApplicationState.Answered,
        [(ApplicationState.Answered, ApplicationEventKind.DocumentAdded)] = ApplicationState.Answered,
    });

    public static bool IsOpen(this ApplicationState state) => Open.Contains(state) || state == ApplicationState.AwaitingConfirmation;

    /// <summary>The state after <paramref name="kind"/>, or null when it may not happen now.</summary>
    public static ApplicationState? After(ApplicationState state, ApplicationEventKind kind) =>
        kind == ApplicationEventKind.DeadlineRecomputed ? state : Table.After(state, kind);

    /// <summary>The actions open to staff in a state, for the application page.</summary>
    public static IEnumerable<ApplicationEventKind> Allowed(ApplicationState state) => Table.Allowed(state);

    public static string ChineseName(this ApplicationState state) => state switch
    {
        ApplicationState.AwaitingConfirmation => "待确认",
        ApplicationState.InProgress => "办理中",
        ApplicationState.AwaitingCorrection => "待补正",
        ApplicationState.InConsultation => "征求意见中",
        ApplicationState.AwaitingPayment => "待缴费",
        _ => "已答复",
    };

    public static string ChineseName(this ApplicationEventKind kind) => kind switch
    {
        ApplicationEventKind.SubmittedOnline => "网上提交申请",
        ApplicationEventKind.Recorded => "登记申请",
        ApplicationEventKind.Confirmed => "确认收到申请",
        ApplicationEventKind.CorrectionRequested => "告知补正",
        ApplicationEventKind.CorrectionReceived => "收到补正",
        ApplicationEventKind.ThirdPartyConsulted => "征求第三方意见",
        ApplicationEventKind.OtherUnitConsulted => "征求其他机关意见",
        ApplicationEventKind.ConsultationEnded => "征求意见结束",
        ApplicationEventKind.FeeNoticeSent => "发出收费通知",
        ApplicationEventKind.FeePaid => "申请人缴费",
        ApplicationEventKind.Extended => "延期答复",
        ApplicationEventKind.Transferred => "转办",
        ApplicationEventKind.Answered => "答复",
        ApplicationEventKind.DocumentAdded => "补充答复文件",
        _ => "重算答复期限",
    };
}
