using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Surveys;

/// <summary>Takes a published survey (or its results) off the public pages, with the reason logged; its answers are kept.</summary>
public sealed class WithdrawSurvey(GongkaiDb db, ParticipationLog log)
{
    public async Task<Outcome<Survey>> HandleAsync(Guid id, string reason, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeSurveys.Refusal(actor) is { } denied)
            return Outcome<Survey>.Denied(denied);
        if (await OfficeSurveys.FindAsync(db, id, actor, ct) is not { } survey)
            return Outcome<Survey>.Missing("找不到该调查，或该调查不在您的管辖范围内。");
        if (log.Withdraw(survey, reason, actor) is { } problem)
            return Outcome<Survey>.Invalid(problem.Field, problem.Message);
        await db.SaveChangesAsync(ct);
        return Outcome<Survey>.Done(survey);
    }
}
