using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Applications;

namespace Gongkai.App.Applications;

/// <summary>
/// Closes an application with one outcome, its reasons, and the documents released (条例第三十六～三十九条): the answer
/// and its documents are written in one transaction, so an application is never 已答复 without them.
/// </summary>
public sealed class AnswerApplication(GongkaiDb db, ApplicationLog log)
{
    /// <param name="ActiveContentConfirmed">The officer confirms that PDFs among the documents that would run something by themselves are to be released.</param>
    public sealed record Input(Guid ApplicationId, DateOnly Date, Outcome Outcome, string Reasons, IReadOnlyList<ReleasedDocument> Documents,
        bool ActiveContentConfirmed = false);

    public async Task<Outcome<ApplicationLogEntry>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleApplications)
            return Outcome<ApplicationLogEntry>.Denied("只有依申请办理人员或管理员可以答复申请。");
        var application = await log.FindAsync(input.ApplicationId, actor, ct);
        if (application is null)
            return Outcome<ApplicationLogEntry>.Missing("找不到该申请，或该申请不在您的管辖范围内。");

        var problems = new List<Problem>();
        if (!Enum.IsDefined(input.Outcome))
            problems.Add(new("Outcome", "请选择答复结果。"));
        else if (input.Outcome.NeedsReasons() && string.IsNullOrWhiteSpace(input.Reasons))
            problems.Add(new("Reasons", $"“{input.Outcome.Info().Name}”须在告知书中说明理由（第三十六条）。"));
        problems.AddRange(ReleasedDocument.Check(input.Documents, "Documents", input.ActiveContentConfirmed));
        if (problems.Count > 0)
            return Outcome<ApplicationLogEntry>.Invalid(problems);

        var entry = new ApplicationLogEntry
        {
            Kind = ApplicationEventKind.Answered,
            Date = input.Date,
            Outcome = input.Outcome,
            Note = input.Reasons.Trim(),
            Remark = ReleasedDocument.Remark(input.Documents),
        };
        if (await log.AppendAsync(application, entry, actor.AccountId, actor.DisplayName, ct) is { } refusal)
            return Outcome<ApplicationLogEntry>.Invalid("Date", refusal);
        await ReleasedDocument.SaveAsync(db, application, entry, input.Documents, ct);
        return Outcome<ApplicationLogEntry>.Done(entry);
    }
}
