using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Surveys;

/// <summary>Publishes a draft survey: it appears on /hdjl/zjdc and takes answers from its opening day to its closing day.</summary>
public sealed class PublishSurvey(GongkaiDb db, ParticipationLog log)
{
    public async Task<Outcome<Survey>> HandleAsync(Guid id, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeSurveys.Refusal(actor) is { } denied)
            return Outcome<Survey>.Denied(denied);
        if (await OfficeSurveys.FindAsync(db, id, actor, ct) is not { } survey)
            return Outcome<Survey>.Missing("找不到该调查，或该调查不在您的管辖范围内。");
        if (survey.Questions.Count == 0)
            return Outcome<Survey>.Invalid("questions", "调查没有问题，不能发布。");
        if (survey.ClosesOn < log.Today)
            return Outcome<Survey>.Invalid("closesOn", "截止日期已过，请先修改起止日期再发布。");
        if (log.Append(survey, ParticipationStep.Published, actor) is { } refusal)
            return Outcome<Survey>.Invalid("", refusal);
        survey.PublishedOn = log.Today;
        await db.SaveChangesAsync(ct);
        return Outcome<Survey>.Done(survey);
    }
}
