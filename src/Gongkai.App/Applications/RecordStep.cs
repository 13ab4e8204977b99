using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Applications;

namespace Gongkai.App.Applications;

/// <summary>
/// A step in handling an application that is not the answer: confirming an online application, 补正, consultation,
/// fee notice and payment, extension. Each becomes one log entry; the clock follows from the log.
/// </summary>
public sealed class RecordStep(GongkaiDb db, ApplicationLog log)
{
    /// <param name="Note">What the applicant is told or why: what to correct, the reason for an extension, the fee's basis.</param>
    /// <param name="Party">Whom it involves: the third party or unit consulted, or who approved an extension.</param>
    /// <param name="Until">The correction period the unit sets (补正期限).</param>
    public sealed record Input(Guid ApplicationId, ApplicationEventKind Kind, DateOnly Date, string Note = "", string Party = "",
        int? Days = null, decimal? Amount = null, DateOnly? Until = null);

    private static readonly ApplicationEventKind[] Steps =
    [
        ApplicationEventKind.Confirmed, ApplicationEventKind.CorrectionRequested, ApplicationEventKind.CorrectionReceived,
        ApplicationEventKind.ThirdPartyConsulted, ApplicationEventKind.OtherUnitConsulted, ApplicationEventKind.ConsultationEnded,
        ApplicationEventKind.FeeNoticeSent, ApplicationEventKind.FeePaid, ApplicationEventKind.Extended,
    ];

    public async Task<Outcome<ApplicationLogEntry>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleApplications)
            return Outcome<ApplicationLogEntry>.Denied("只有依申请办理人员或管理员可以办理申请。");
        if (!Steps.Contains(input.Kind))
            return Outcome<ApplicationLogEntry>.Invalid("Kind", "不支持的办理步骤。");
        var application = await log.FindAsync(input.ApplicationId, actor, ct);
        if (application is null)
            return Outcome<ApplicationLogEntry>.Missing("找不到该申请，或该申请不在您的管辖范围内。");

        var problems = Check(input, application).Select(p => new Problem(p.Field, p.Message)).ToList();
        if (problems.Count > 0)
            return Outcome<ApplicationLogEntry>.Invalid(problems);

        var calendar = await log.CalendarAsync(ct);
        var remark = "";
        var until = input.Until;
        if (input.Kind == ApplicationEventKind.CorrectionRequested && application.ReceivedOn is { } received
            && DisclosureRegimes.For(received).CorrectionNoticeWithin() is { } within && calendar.WorkingDaysBetween(received, input.Date) > within)
            remark = $"补正告知晚于第三十条规定的收到申请之日起 {within} 个工作日。";
        if (input.Kind == ApplicationEventKind.FeeNoticeSent)
            until = calendar.AddWorkingDays(input.Date, ClockRules.FeePaymentDays);

        var entry = new ApplicationLogEntry
        {
            Kind = input.Kind,
            Date = input.Date,
            Note = input.Note.Trim(),
            Remark = remark,
            Party = input.Party.Trim(),
            Days = input.Days,
            Amount = input.Amount,
            Until = until,
        };
        if (await log.AppendAsync(application, entry, actor.AccountId, actor.DisplayName, ct) is { } refusal)
            return Outcome<ApplicationLogEntry>.Invalid("Date", refusal);
        await db.SaveChangesAsync(ct);
        return Outcome<ApplicationLogEntry>.Done(entry);
    }

    private static IEnumerable<(string Field, string Message)> Check(Input input, Application application)
    {
        switch (input.Kind)
        {
            case ApplicationEventKind.Confirmed when application.Channel != SubmissionChannel.Online:
                yield return ("Kind", "只有网上提交的申请需要确认。");
                break;
            case ApplicationEventKind.CorrectionRequested:
                if (string.IsNullOrWhiteSpace(input.Note))
                    yield return ("Note", "请写明需要补正的事项（第三十条）。");
                if (input.Until is not { } until || until <= input.Date)
                    yield return ("Until", "请确定补正的合理期限（晚于告知日期）。");
                break;
            case ApplicationEventKind.ThirdPartyConsulted or ApplicationEventKind.OtherUnitConsulted when string.IsNullOrWhiteSpace(input.Party):
                yield return ("Party", "请填写征求意见的对象。");
                break;
            case ApplicationEventKind.FeeNoticeSent:
                if (input.Amount is not > 0)
                    yield return ("Amount", "请填写收费金额（元）。");
                if (string.IsNullOrWhiteSpace(input.Note))
                    yield return ("Note", "请写明计费方式和依据（按件或按量，国办函〔2020〕109号）。");
                break;
            case ApplicationEventKind.Extended:
                if (string.IsNullOrWhiteSpace(input.Party))
                    yield return ("Party", "请填写批准延期的政府信息公开工作机构负责人（第三十三条）。");
                if (string.IsNullOrWhiteSpace(input.Note))
                    yield return ("Note", "请写明延期理由。");
                break;
        }
    }
}
