using System.Globalization;
using Gongkai.Core.Calendar;

namespace Gongkai.Core.Applications;

public enum StepKind { Received, Regime, Restarted, Counted, Weekend, Holiday, MakeUpWorkday, Paused, Extended, Due, Pending }

/// <summary>One line of a due date's explanation, covering the days <see cref="From"/> to <see cref="To"/>.</summary>
public sealed record ClockStep(StepKind Kind, DateOnly From, DateOnly To, string Text);

/// <summary>Explains a due date day by day: what counted, what was skipped and why, pauses, restarts and the extension.</summary>
public static class ClockExplanation
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static string Day(DateOnly day) => $"{day:yyyy-MM-dd}（{Chinese.DateTimeFormat.GetShortestDayName(day.DayOfWeek)}）";

    private static string Span(DateOnly from, DateOnly to) => from == to ? Day(from) : $"{Day(from)}至{Day(to)}";

    private static string PauseName(PauseReason reason) => reason switch
    {
        PauseReason.ThirdPartyConsultation => "征求第三方意见（第三十二条），所需时间不计算在答复期限内",
        PauseReason.OtherUnitConsultation => "征求其他机关意见（第三十四条），所需时间不计算在答复期限内",
        PauseReason.FeeNotice => "发出收费通知至申请人缴费期间，不计算在答复期限内（国办函〔2020〕109号）",
        _ => "告知更改、补充至收到补正申请期间，不计算在答复期限内",
    };

    public static IReadOnlyList<ClockStep> Explain(WorkCalendar calendar, ClockFacts facts, DateOnly today)
    {
        var deadline = DeadlineClock.Compute(calendar, facts, today);
        var regime = deadline.Regime;
        var steps = new List<ClockStep>
        {
            new(StepKind.Received, facts.Received, facts.Received, $"收到申请：{Day(facts.Received)}，当日不计入，自下一日开始计算（民法典第二百零一条）。"),
            new(StepKind.Regime, facts.Received, facts.Received,
                $"适用{regime.ChineseName()}：答复期限 {regime.TimeLimit()} 个工作日{(regime == DisclosureRegime.Rules2019 ? "（第三十三条）" : "（第二十四条）")}。"),
        };
        if (facts.CorrectionRequested is { } asked)
        {
            steps.Add(new(StepKind.Restarted, asked, asked, $"{Day(asked)} 发出补正告知书，计时停止。"));
            if (deadline.State == ClockState.AwaitingCorrection)
            {
                steps.Add(new(StepKind.Pending, asked, asked, "正在等待申请人补正；收到补正后重新起算答复期限。"));
                return steps;
            }
            if (facts.CorrectionReceived is { } corrected && regime.CorrectionRestartsClock())
                steps.Add(new(StepKind.Restarted, corrected, corrected, $"{Day(corrected)} 收到补正后的申请，答复期限自该日重新计算（第三十条），当日不计入。"));
        }
        if (facts.ExtensionDays > 0)
            steps.Add(new(StepKind.Extended, deadline.Start, deadline.Start, $"经政府信息公开工作机构负责人同意延长答复期限 {facts.ExtensionDays} 个工作日，期限共 {deadline.Limit} 个工作日。"));

        var pauses = DeadlineClock.Intervals(calendar, facts, deadline.Start);
        var end = deadline.Due ?? (today > deadline.Start ? today : deadline.Start);
        var counted = 0;
        (StepKind Kind, DateOnly From, DateOnly To, int First, PauseReason? Reason)? run = null;
        for (var day = deadline.Start.AddDays(1); day <= end; day = day.AddDays(1))
        {
            var pause = pauses.FirstOrDefault(p => day > p.From && (p.Until is null || day <= p.Until));
            var kind = pause.Pause is not null ? StepKind.Paused : calendar.Classify(day) switch
            {
                DayKind.Workday => StepKind.Counted,
                DayKind.MakeUpWorkday => StepKind.MakeUpWorkday,
                DayKind.Weekend => StepKind.Weekend,
                _ => StepKind.Holiday,
            };
            if (kind is StepKind.Counted or StepKind.MakeUpWorkday)
                counted++;
            if (run is { } r && r.Kind == kind && r.Reason == pause.Pause?.Reason)
            {
                run = r with { To = day };
                continue;
            }
            if (run is { } done)
                steps.Add(Describe(done, counted - (kind is StepKind.Counted or StepKind.MakeUpWorkday ? 1 : 0)));
            run = (kind, day, day, counted, pause.Pause?.Reason);
        }
        if (run is { } last)
            steps.Add(Describe(last, counted));

        steps.Add(deadline.Due is { } due
            ? new(StepKind.Due, due, due, $"答复期限届满日：{Day(due)}（第 {deadline.Limit} 个工作日）。")
            : new(StepKind.Pending, end, end, $"计时暂停中，已计 {deadline.DaysUsed} 个工作日，尚余 {deadline.Limit - deadline.DaysUsed} 个工作日。"));
        return steps;
    }

    private static ClockStep Describe((StepKind Kind, DateOnly From, DateOnly To, int First, PauseReason? Reason) run, int lastCount)
    {
        var span = Span(run.From, run.To);
        var text = run.Kind switch
        {
            StepKind.Counted => run.First == lastCount ? $"{span}：第 {run.First} 个工作日。" : $"{span}：第 {run.First}—{lastCount} 个工作日。",
            StepKind.MakeUpWorkday => $"{span}：周末调休上班，计为第 {run.First}{(run.First == lastCount ? "" : $"—{lastCount}")} 个工作日。",
            StepKind.Weekend => $"{span}：周末，不计入。",
            StepKind.Holiday => $"{span}：法定节假日，不计入。",
            _ => $"{span}：{PauseName(run.Reason!.Value)}。",
        };
        return new ClockStep(run.Kind, run.From, run.To, text);
    }
}
