using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Surveys;

/// <summary>
/// Creates or changes a survey (调查): title, introduction, period and questions (单选、多选 with their options, 填空).
/// A draft changes freely; a published survey keeps its period (<see cref="ExtendSurvey"/> lengthens it) and its questions
/// are fixed once the first answer has arrived, so that every answer counts against the same questionnaire.
/// </summary>
public sealed class SaveSurvey(GongkaiDb db, ParticipationLog log)
{
    public const int MaxQuestions = 50;
    public const int MaxOptions = 20;

    public sealed record QuestionInput(string Text, SurveyQuestionKind Kind, IReadOnlyList<string> Options, bool Required = true);

    /// <param name="Id">Null to create one.</param>
    /// <param name="UnitCode">The unit holding it (the account's own when empty); only when creating.</param>
    public sealed record Input(Guid? Id, string Title, string Introduction, DateOnly OpensOn, DateOnly ClosesOn, IReadOnlyList<QuestionInput> Questions,
        string? UnitCode = null);

    public async Task<Outcome<Survey>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeSurveys.Refusal(actor) is { } denied)
            return Outcome<Survey>.Denied(denied);
        Survey? survey = null;
        Units.Unit? unit = null;
        if (input.Id is { } id)
        {
            survey = await OfficeSurveys.FindAsync(db, id, actor, ct);
            if (survey is null)
                return Outcome<Survey>.Missing("找不到该调查，或该调查不在您的管辖范围内。");
            if (survey.State is not (ParticipationState.Draft or ParticipationState.Published))
                return Outcome<Survey>.Invalid("", $"该调查当前为“{survey.State.ChineseName()}”，不能修改。");
        }
        else
        {
            unit = await log.UnitForNewAsync(input.UnitCode, actor, ct);
            if (unit is null)
                return Outcome<Survey>.Invalid("unitCode", "请选择您管辖范围内的单位。");
        }

        var problems = new List<Problem>();
        var title = (input.Title ?? "").Trim();
        var intro = (input.Introduction ?? "").Trim();
        if (title.Length == 0)
            problems.Add(new("title", "请填写调查标题。"));
        else if (title.Length > 200)
            problems.Add(new("title", "调查标题不能超过 200 字。"));
        if (intro.Length > 5000)
            problems.Add(new("introduction", "调查说明不能超过 5000 字。"));
        var published = survey?.State == ParticipationState.Published;
        if (published && (input.OpensOn != survey!.OpensOn || input.ClosesOn != survey.ClosesOn))
            problems.Add(new("closesOn", "调查发布后不能修改起止日期；需要延长的，请使用“延长期限”。"));
        else if (input.OpensOn.Year is < 2000 or > 2100 || input.ClosesOn.Year > 2100)
            problems.Add(new("opensOn", "请填写有效的起止日期。"));
        else if (input.ClosesOn < input.OpensOn)
            problems.Add(new("closesOn", "截止日期不能早于开始日期。"));
        else if (!published && input.ClosesOn < log.Today)
            problems.Add(new("closesOn", "截止日期不能早于今天。"));

        var questions = new List<SurveyQuestion>();
        if (input.Questions.Count == 0)
            problems.Add(new("questions", "请至少设置一个问题。"));
        if (input.Questions.Count > MaxQuestions)
            problems.Add(new("questions", $"问题最多 {MaxQuestions} 个。"));
        foreach (var (q, i) in input.Questions.Take(MaxQuestions).Select((q, i) => (q, i)))
        {
            var field = $"questions[{i}]";
            var text = (q.Text ?? "").Trim();
            var options = (q.Options ?? []).Select(o => (o ?? "").Trim()).Where(o => o.Length > 0).ToList();
            if (text.Length == 0)
                problems.Add(new(field, $"第 {i + 1} 题：请填写题目。"));
            else if (text.Length > 500)
                problems.Add(new(field, $"第 {i + 1} 题：题目不能超过 500 字。"));
            if (q.Kind == SurveyQuestionKind.Text)
                options = [];
            else if (options.Count < 2)
                problems.Add(new(field, $"第 {i + 1} 题：选择题至少要有两个选项。"));
            else if (options.Count > MaxOptions)
                problems.Add(new(field, $"第 {i + 1} 题：选项最多 {MaxOptions} 个。"));
            else if (options.Distinct().Count() != options.Count)
                problems.Add(new(field, $"第 {i + 1} 题：选项不能重复。"));
            else if (options.Any(o => o.Length > 200))
                problems.Add(new(field, $"第 {i + 1} 题：每个选项不能超过 200 字。"));
            questions.Add(new SurveyQuestion { Text = text, Kind = q.Kind, Options = options, Required = q.Required });
        }
        if (survey is not null && !Same(survey.Questions, questions) && await db.SurveyResponses.AnyAsync(r => r.SurveyId == survey.Id, ct))
            problems.Add(new("questions", "已有公众作答，问题和选项不能再修改。"));
        if (problems.Count > 0)
            return Outcome<Survey>.Invalid(problems);

        if (survey is null)
        {
            survey = new Survey { UnitId = unit!.Id, Unit = unit, State = ParticipationState.Draft, CreatedAt = log.Now, UpdatedAt = log.Now };
            Apply(survey);
            db.Surveys.Add(survey);
            log.Created(survey, actor);
        }
        else
        {
            if (log.Append(survey, ParticipationStep.Edited, actor) is { } refusal)
                return Outcome<Survey>.Invalid("", refusal);
            Apply(survey);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<Survey>.Done(survey);

        void Apply(Survey s)
        {
            s.Title = title;
            s.Introduction = intro;
            s.OpensOn = input.OpensOn;
            s.ClosesOn = input.ClosesOn;
            s.Questions = questions;
        }
    }

    private static bool Same(List<SurveyQuestion> a, List<SurveyQuestion> b) =>
        a.Count == b.Count && a.Zip(b).All(p => p.First.Text == p.Second.Text && p.First.Kind == p.Second.Kind && p.First.Required == p.Second.Required
            && p.First.Options.SequenceEqual(p.Second.Options));
}
