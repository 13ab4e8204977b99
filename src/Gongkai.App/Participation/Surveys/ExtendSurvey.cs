using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Surveys;

/// <summary>Keeps a published survey open longer, with the reason logged; a period is never shortened once published.</summary>
public sealed class ExtendSurvey(GongkaiDb db, ParticipationLog log)
{
    public async Task<Outcome<Survey>> HandleAsync(Guid id, DateOnly closesOn, string reason, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeSurveys.Refusal(actor) is { } denied)
            return Outcome<Survey>.Denied(denied);
        if (await OfficeSurveys.FindAsync(db, id, actor, ct) is not { } survey)
            return Outcome<Survey>.Missing("找不到该调查，或该调查不在您的管辖范围内。");
        reason = (reason ?? "").Trim();
        var problems = new List<Problem>();
        if (closesOn <= survey.ClosesOn)
            problems.Add(new("closesOn", $"新的截止日期应晚于原截止日期（{survey.ClosesOn:yyyy-MM-dd}）。"));
        else if (closesOn < log.Today)
            problems.Add(new("closesOn", "新的截止日期不能早于今天。"));
        if (reason.Length == 0)
            problems.Add(new("reason", "请说明延长期限的理由。"));
        else if (reason.Length > 500)
            problems.Add(new("reason", "理由不能超过 500 字。"));
        if (problems.Count > 0)
            return Outcome<Survey>.Invalid(problems);
        var before = survey.ClosesOn;
        if (log.Append(survey, ParticipationStep.Extended, actor, $"截止日期由 {before:yyyy-MM-dd} 延长至 {closesOn:yyyy-MM-dd}：{reason}") is { } refusal)
            return Outcome<Survey>.Invalid("", refusal);
        survey.ClosesOn = closesOn;
        await db.SaveChangesAsync(ct);
        return Outcome<Survey>.Done(survey);
    }
}
