using Gongkai.Core.Calendar;
using Gongkai.App.Tracking;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Applications;

/// <summary>
/// A new application: online from the public (awaits the office's confirmation, 第三十一条), or recorded by staff for
/// one received in person, by post or by fax, with the receipt date the law gives its channel.
/// </summary>
public sealed class SubmitApplication(GongkaiDb db, ApplicationLog log, TimeProvider clock)
{
    /// <param name="ReceivedOn">For staff records: the receipt date per 第三十一条. Null for online submissions.</param>
    public sealed record Input(string UnitCode, ApplicationRequest Request, SubmissionChannel Channel = SubmissionChannel.Online, DateOnly? ReceivedOn = null);

    /// <param name="DueOn">For a recorded application, the due date. For an online one, the due date if the office confirms it today.</param>
    public sealed record Receipt(Guid Id, string TrackingCode, ApplicationState State, DateOnly? DueOn, bool DueDateFinal);

    /// <summary>The due date of an online application if the office confirms it on <paramref name="day"/> (the next working day if that is not one).</summary>
    public static DateOnly DueIfConfirmedOn(WorkCalendar calendar, DateOnly day) =>
        DeadlineClock.Due(calendar, calendar.IsWorkingDay(day) ? day : calendar.AddWorkingDays(day, 1));

    /// <summary>An online application from the public.</summary>
    public Task<Outcome<Receipt>> OnlineAsync(string unitCode, ApplicationRequest request, CancellationToken ct = default) =>
        HandleAsync(new Input(unitCode, request), null, ct);

    /// <param name="actor">The staff member recording an offline application; null for the public online form.</param>
    public async Task<Outcome<Receipt>> HandleAsync(Input input, StaffScope? actor, CancellationToken ct = default)
    {
        if (actor is not null && !actor.CanHandleApplications)
            return Outcome<Receipt>.Denied("只有依申请办理人员或管理员可以登记申请。");
        var problems = input.Request.Problems().Select(p => new Problem(p.Field, p.Message)).ToList();
        var today = log.Today;
        var unit = OrganisationCode.TryParse(input.UnitCode, out var code, out _)
            ? await db.Units.SingleOrDefaultAsync(u => u.Code == code!.Value, ct) : null;
        if (unit is null || (actor is not null && !actor.Covers(unit.Path)))
            problems.Add(new("UnitCode", "请选择受理申请的行政机关。"));
        if (actor is not null)
        {
            if (input.ReceivedOn is not { } received)
                problems.Add(new("ReceivedOn", $"请填写收到申请的日期：{input.Channel.ReceiptDateRule()}（第三十一条）。"));
            else if (received > today)
                problems.Add(new("ReceivedOn", "收到申请的日期不能晚于今天。"));
            else if (received < new DateOnly(2008, 5, 1))
                problems.Add(new("ReceivedOn", "收到申请的日期不能早于 2008 年 5 月 1 日（《条例》施行之日）。"));
        }
        if (problems.Count > 0)
            return Outcome<Receipt>.Invalid(problems);

        var r = input.Request;
        var application = new Application
        {
            TrackingCode = TrackingCode.New(),
            UnitId = unit!.Id,
            Channel = actor is null ? SubmissionChannel.Online : input.Channel,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            ApplicantKind = r.ApplicantKind,
            ApplicantName = r.ApplicantName.Trim(),
            ContactPerson = r.ContactPerson.Trim(),
            IdType = r.IdType,
            IdNumber = r.IdNumber.Trim().ToUpperInvariant(),
            Phone = r.Phone.Trim(),
            Email = r.Email.Trim(),
            Address = r.Address.Trim(),
            PostalCode = r.PostalCode.Trim(),
            Description = r.Description.Trim().ReplaceLineEndings("\n"),   // as the browser posts a textarea: CRLF
            Form = r.Form,
            Delivery = r.Delivery,
        };
        db.Applications.Add(application);
        var first = actor is null
            ? new ApplicationLogEntry { Kind = ApplicationEventKind.SubmittedOnline, Date = today, Note = "申请人通过互联网提交申请" }
            : new ApplicationLogEntry { Kind = ApplicationEventKind.Recorded, Date = input.ReceivedOn!.Value, Note = $"{application.Channel.ChineseName()}，登记收到申请" };
        await log.AppendAsync(application, first, actor?.AccountId, actor?.DisplayName ?? "申请人", ct);
        await db.SaveChangesAsync(ct);

        var calendar = await log.CalendarAsync(ct);
        var due = application.DueOn ?? DueIfConfirmedOn(calendar, today);
        return Outcome<Receipt>.Done(new Receipt(application.Id, application.TrackingCode, application.State, due, application.DueOn is not null));
    }
}
