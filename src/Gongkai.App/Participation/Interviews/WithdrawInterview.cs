using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Interviews;

/// <summary>Takes an interview (and its transcript) off the public pages, with the reason logged; its questions are kept.</summary>
public sealed class WithdrawInterview(GongkaiDb db, ParticipationLog log)
{
    public async Task<Outcome<Interview>> HandleAsync(Guid id, string reason, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeInterviews.Refusal(actor) is { } denied)
            return Outcome<Interview>.Denied(denied);
        if (await OfficeInterviews.FindAsync(db, id, actor, ct) is not { } interview)
            return Outcome<Interview>.Missing("找不到该访谈，或该访谈不在您的管辖范围内。");
        if (log.Withdraw(interview, reason, actor) is { } problem)
            return Outcome<Interview>.Invalid(problem.Field, problem.Message);
        await db.SaveChangesAsync(ct);
        return Outcome<Interview>.Done(interview);
    }
}
