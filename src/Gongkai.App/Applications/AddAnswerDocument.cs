using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Applications;

namespace Gongkai.App.Applications;

/// <summary>
/// Adds a document to an answered application — one that should have gone out with the answer and did not — with the
/// reason. The log records who added which document, when and why; the answer itself stays as it was.
/// </summary>
public sealed class AddAnswerDocument(GongkaiDb db, ApplicationLog log)
{
    public const int MaxReason = 1000;

    /// <param name="ActiveContentConfirmed">The officer confirms that a PDF that would run something by itself is to be released.</param>
    public sealed record Input(Guid ApplicationId, ReleasedDocument Document, string Reason, bool ActiveContentConfirmed = false);

    public async Task<Outcome<ApplicationLogEntry>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleApplications)
            return Outcome<ApplicationLogEntry>.Denied("只有依申请办理人员或管理员可以补充答复文件。");
        var application = await log.FindAsync(input.ApplicationId, actor, ct);
        if (application is null)
            return Outcome<ApplicationLogEntry>.Missing("找不到该申请，或该申请不在您的管辖范围内。");

        var problems = ReleasedDocument.Check([input.Document], "File", input.ActiveContentConfirmed).ToList();
        var reason = (input.Reason ?? "").Trim();
        if (reason.Length == 0)
            problems.Add(new("Reason", "请写明补充该文件的原因。"));
        else if (reason.Length > MaxReason)
            problems.Add(new("Reason", $"原因不能超过 {MaxReason} 个字符。"));
        if (problems.Count > 0)
            return Outcome<ApplicationLogEntry>.Invalid(problems);

        var entry = new ApplicationLogEntry
        {
            Kind = ApplicationEventKind.DocumentAdded,
            Date = log.Today,
            Note = $"《{input.Document.StoredName}》：{reason}",
            Remark = ReleasedDocument.Remark([input.Document]),
        };
        if (await log.AppendAsync(application, entry, actor.AccountId, actor.DisplayName, ct) is { } refusal)
            return Outcome<ApplicationLogEntry>.Invalid("State", refusal);
        await ReleasedDocument.SaveAsync(db, application, entry, [input.Document], ct);
        return Outcome<ApplicationLogEntry>.Done(entry);
    }
}
