using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Interviews;

/// <summary>Announces a draft interview (访谈预告): it appears on /hdjl/zxft and takes questions from the public until it ends.</summary>
public sealed class PublishInterview(GongkaiDb db, ParticipationLog log)
{
    public async Task<Outcome<Interview>> HandleAsync(Guid id, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeInterviews.Refusal(actor) is { } denied)
            return Outcome<Interview>.Denied(denied);
        if (await OfficeInterviews.FindAsync(db, id, actor, ct) is not { } interview)
            return Outcome<Interview>.Missing("找不到该访谈，或该访谈不在您的管辖范围内。");
        if (log.Append(interview, ParticipationStep.Published, actor) is { } refusal)
            return Outcome<Interview>.Invalid("", refusal);
        interview.PublishedOn = log.Today;
        await db.SaveChangesAsync(ct);
        return Outcome<Interview>.Done(interview);
    }
}
