using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Surveys;

/// <summary>The surveys of the account's unit subtree: the list, one survey (with its unit), and its results with the text answers.</summary>
public sealed class OfficeSurveys(GongkaiDb db)
{
    public sealed record Row(Guid Id, string Title, string Unit, ParticipationState State, DateOnly OpensOn, DateOnly ClosesOn, int Responses);

    public async Task<IReadOnlyList<Row>> ListAsync(StaffScope actor, CancellationToken ct = default) =>
        await db.Surveys.AsNoTracking().Within(actor).OrderByDescending(s => s.OpensOn).ThenBy(s => s.Title)
            .Select(s => new Row(s.Id, s.Title, s.Unit.FullName, s.State, s.OpensOn, s.ClosesOn, db.SurveyResponses.Count(r => r.SurveyId == s.Id)))
            .ToListAsync(ct);

    /// <summary>A survey in the actor's scope (tracked, for a use case to change), or null.</summary>
    public static Task<Survey?> FindAsync(GongkaiDb db, Guid id, StaffScope actor, CancellationToken ct) =>
        db.Surveys.Within(actor).Include(s => s.Unit).SingleOrDefaultAsync(s => s.Id == id, ct);

    public Task<Survey?> FindAsync(Guid id, StaffScope actor, CancellationToken ct = default) =>
        db.Surveys.AsNoTracking().Within(actor).Include(s => s.Unit).SingleOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>The results of a survey, text answers included (staff only: the public page shows the choice questions).</summary>
    /// <summary>The results with the text answers: as written to the roles that run surveys, with personal data masked to other staff.</summary>
    public Task<SurveyResults> ResultsAsync(Survey survey, StaffScope actor, CancellationToken ct = default) =>
        SurveyResults.CountAsync(db, survey, withText: true, ct, masked: !actor.CanHandleParticipation);

    /// <summary>Staff may run surveys inside their scope: the roles that handle participation.</summary>
    public static string? Refusal(StaffScope actor) =>
        actor.CanHandleParticipation ? null : "只有互动交流人员、信息发布人员或管理员可以管理调查。";
}

/// <summary>A survey's results: per question, the choice counts (<see cref="ChoiceTally"/>) or, for staff, the text answers.</summary>
public sealed record SurveyResults(int Responses, IReadOnlyList<SurveyResults.Question> Questions)
{
    public sealed record Question(int Number, string Text, SurveyQuestionKind Kind, IReadOnlyList<string> Options, ChoiceTally? Tally, IReadOnlyList<string> TextAnswers, int TextAnswerCount);

    public static async Task<SurveyResults> CountAsync(GongkaiDb db, Survey survey, bool withText, CancellationToken ct, bool masked = false)
    {
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).OrderBy(r => r.SubmittedAt)
            .Select(r => r.Answers).ToListAsync(ct);
        var questions = survey.Questions.Select((q, i) =>
        {
            var answers = responses.Select(r => r.FirstOrDefault(a => a.Question == i)).Where(a => a is not null).Select(a => a!).ToList();
            if (q.Kind == SurveyQuestionKind.Text)
            {
                var texts = answers.Select(a => a.Text.Trim()).Where(t => t.Length > 0).Select(t => masked ? Core.Privacy.PersonalDataScreen.Mask(t) : t).ToList();
                return new Question(i + 1, q.Text, q.Kind, q.Options, null, withText ? texts : [], texts.Count);
            }
            return new Question(i + 1, q.Text, q.Kind, q.Options, ChoiceTally.Of(q.Options.Count, answers.Select(a => a.Options)), [], 0);
        }).ToList();
        return new SurveyResults(responses.Count, questions);
    }
}
