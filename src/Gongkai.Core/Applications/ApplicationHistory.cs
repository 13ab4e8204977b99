namespace Gongkai.Core.Applications;

/// <summary>One entry of an application's log as the rules see it: what happened and on which day (the legal date).</summary>
public sealed record ApplicationEvent(ApplicationEventKind Kind, DateOnly Date)
{
    /// <summary>The answer, for <see cref="ApplicationEventKind.Answered"/>.</summary>
    public Outcome? Outcome { get; init; }

    /// <summary>Working days added, for <see cref="ApplicationEventKind.Extended"/>.</summary>
    public int? Days { get; init; }
}

/// <summary>An application's state and clock, derived from its log.</summary>
/// <param name="Clock">Null until the application has a receipt date (an unconfirmed online application).</param>
public sealed record ApplicationStatus(ApplicationState State, ClockFacts? Clock, Outcome? Outcome, DateOnly? AnsweredOn, DateOnly? LastDate)
{
    public bool IsExtended => Clock?.ExtensionDays > 0;
}

/// <summary>Replays an application's log into its status, and says whether a new event may be added to it.</summary>
public static class ApplicationHistory
{
    public static ApplicationStatus Replay(IEnumerable<ApplicationEvent> events)
    {
        var status = new ApplicationStatus(ApplicationState.AwaitingConfirmation, null, null, null, null);
        foreach (var e in events)
            status = Apply(status, e);
        return status;
    }

    /// <summary>Why <paramref name="next"/> may not be added (in Chinese), or null when it may.</summary>
    public static string? Refusal(ApplicationStatus status, ApplicationEvent next, DateOnly today)
    {
        if (next.Kind is ApplicationEventKind.SubmittedOnline or ApplicationEventKind.Recorded)
            return "申请已经存在。";
        if (ApplicationTransitions.After(status.State, next.Kind) is null)
            return $"申请当前为“{status.State.ChineseName()}”状态，不能{next.Kind.ChineseName()}。";
        if (next.Date > today)
            return "日期不能晚于今天。";
        if (status.LastDate is { } last && next.Date < last)
            return $"日期不能早于上一步的日期 {last:yyyy-MM-dd}。";
        var regime = status.Clock?.EffectiveRegime;
        return next.Kind switch
        {
            ApplicationEventKind.CorrectionRequested when status.Clock?.CorrectionRequested is not null =>
                "补正只能告知一次（第三十条「一次性告知」）。",
            ApplicationEventKind.Extended when status.IsExtended => "答复期限只能延长一次（第三十三条）。",
            ApplicationEventKind.FeeNoticeSent when status.Clock!.Pauses.Any(p => p.Reason == PauseReason.FeeNotice) =>
                "每件申请只能发出一次收费通知：按件或按量计收，不得同时适用（国办函〔2020〕109号）。",
            ApplicationEventKind.Extended when next.Days is not { } days || days < 1 || days > regime!.Value.MaxExtension() =>
                $"延长的期限应为 1 至 {regime!.Value.MaxExtension()} 个工作日（第三十三条）。",
            ApplicationEventKind.Answered when next.Outcome is null => "请选择答复结果。",
            ApplicationEventKind.Answered when next.Outcome == Outcome.CorrectionOverdue && status.State != ApplicationState.AwaitingCorrection =>
                "只有待补正的申请才能以“逾期不补正”结案。",
            ApplicationEventKind.Answered when next.Outcome == Outcome.FeeUnpaid && status.State != ApplicationState.AwaitingPayment =>
                "只有待缴费的申请才能以“逾期未缴费”结案。",
            _ => null,
        };
    }

    private static ApplicationStatus Apply(ApplicationStatus s, ApplicationEvent e)
    {
        var state = e.Kind switch
        {
            ApplicationEventKind.SubmittedOnline => ApplicationState.AwaitingConfirmation,
            ApplicationEventKind.Recorded => ApplicationState.InProgress,
            _ => ApplicationTransitions.After(s.State, e.Kind) ?? s.State,
        };
        var clock = s.Clock;
        switch (e.Kind)
        {
            case ApplicationEventKind.Recorded or ApplicationEventKind.Confirmed:
                clock = new ClockFacts(e.Date);
                break;
            case ApplicationEventKind.CorrectionRequested:
                clock = clock! with { CorrectionRequested = e.Date };
                break;
            case ApplicationEventKind.CorrectionReceived:
                clock = clock! with { CorrectionReceived = e.Date };
                break;
            case ApplicationEventKind.ThirdPartyConsulted:
                clock = clock! with { Pauses = [.. clock.Pauses, new ClockPause(PauseReason.ThirdPartyConsultation, e.Date, null)] };
                break;
            case ApplicationEventKind.OtherUnitConsulted:
                clock = clock! with { Pauses = [.. clock.Pauses, new ClockPause(PauseReason.OtherUnitConsultation, e.Date, null)] };
                break;
            case ApplicationEventKind.FeeNoticeSent:
                clock = clock! with { Pauses = [.. clock.Pauses, new ClockPause(PauseReason.FeeNotice, e.Date, null)] };
                break;
            case ApplicationEventKind.ConsultationEnded or ApplicationEventKind.FeePaid:
                clock = clock! with { Pauses = [.. clock.Pauses.Take(clock.Pauses.Count - 1), clock.Pauses[^1] with { Until = e.Date }] };
                break;
            case ApplicationEventKind.Extended:
                clock = clock! with { ExtensionDays = e.Days ?? 0 };
                break;
        }
        return e.Kind == ApplicationEventKind.Answered
            ? new ApplicationStatus(state, clock, e.Outcome, e.Date, e.Date)
            : s with { State = state, Clock = clock, LastDate = e.Date };
    }
}
