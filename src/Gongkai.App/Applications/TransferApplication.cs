using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Applications;

/// <summary>
/// 转办: moves an application to the unit that holds the information. The receipt date and the clock stay as they
/// are (the applicant's time runs from the first receipt), and the log records where it went and why.
/// </summary>
public sealed class TransferApplication(GongkaiDb db, ApplicationLog log)
{
    public sealed record Input(Guid ApplicationId, DateOnly Date, string ToUnitCode, string Reason);

    public async Task<Outcome<ApplicationLogEntry>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleApplications)
            return Outcome<ApplicationLogEntry>.Denied("只有依申请办理人员或管理员可以转办申请。");
        var application = await log.FindAsync(input.ApplicationId, actor, ct);
        if (application is null)
            return Outcome<ApplicationLogEntry>.Missing("找不到该申请，或该申请不在您的管辖范围内。");
        var target = OrganisationCode.TryParse(input.ToUnitCode, out var code, out _)
            ? await db.Units.SingleOrDefaultAsync(u => u.Code == code!.Value, ct) : null;
        var problems = new List<Problem>();
        if (target is null)
            problems.Add(new("ToUnitCode", "请选择接收转办的行政机关。"));
        else if (target.Id == application.UnitId)
            problems.Add(new("ToUnitCode", "不能转办给本机关。"));
        if (string.IsNullOrWhiteSpace(input.Reason))
            problems.Add(new("Reason", "请写明转办理由。"));
        if (problems.Count > 0)
            return Outcome<ApplicationLogEntry>.Invalid(problems);

        var entry = new ApplicationLogEntry
        {
            Kind = ApplicationEventKind.Transferred,
            Date = input.Date,
            Note = input.Reason.Trim(),
            Party = target!.FullName,
            ToUnitId = target.Id,
        };
        if (await log.AppendAsync(application, entry, actor.AccountId, actor.DisplayName, ct) is { } refusal)
            return Outcome<ApplicationLogEntry>.Invalid("Date", refusal);
        application.UnitId = target.Id;
        await db.SaveChangesAsync(ct);
        return Outcome<ApplicationLogEntry>.Done(entry);
    }
}
