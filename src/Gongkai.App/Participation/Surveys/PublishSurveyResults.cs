using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Surveys;

/// <summary>
/// 公布调查结果: after the survey's period, the counts of its choice questions are published (with the office's note) and
/// the survey is concluded. Publishing again changes the note only (修改结果).
/// </summary>
public sealed class PublishSurveyResults(GongkaiDb db, ParticipationLog log)
{
    public async Task<Outcome<Survey>> HandleAsync(Guid id, string note, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeSurveys.Refusal(actor) is { } denied)
            return Outcome<Survey>.Denied(denied);
        if (await OfficeSurveys.FindAsync(db, id, actor, ct) is not { } survey)
            return Outcome<Survey>.Missing("找不到该调查，或该调查不在您的管辖范围内。");
        note = (note ?? "").Trim();
        if (note.Length > 5000)
            return Outcome<Survey>.Invalid("note", "结果说明不能超过 5000 字。");
        if (survey.State == ParticipationState.Published && survey.ClosesOn >= log.Today)
            return Outcome<Survey>.Invalid("", $"调查将于 {survey.ClosesOn:yyyy-MM-dd} 截止，截止后才能公布结果。");
        var step = survey.State == ParticipationState.Concluded ? ParticipationStep.ConclusionEdited : ParticipationStep.Concluded;
        if (log.Append(survey, step, actor, note) is { } refusal)
            return Outcome<Survey>.Invalid("", refusal);
        survey.ResultsNote = note;
        survey.ResultsPublishedOn ??= log.Today;
        await db.SaveChangesAsync(ct);
        return Outcome<Survey>.Done(survey);
    }
}
