using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Gongkai.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Interviews;

/// <summary>
/// Records a guest's answer to a question (答复网民提问): the question is shown with it (screened, as when moderated),
/// so an answered question is always public. The answer itself must pass the personal-data screen. Logged.
/// </summary>
public sealed class AnswerQuestion(GongkaiDb db, ParticipationLog log)
{
    public const int MaxAnswer = 10000;

    /// <param name="AnsweredBy">The guest's name (one of the interview's guests).</param>
    public sealed record Input(Guid InterviewId, Guid QuestionId, string Answer, string AnsweredBy);

    public async Task<Outcome<InterviewQuestion>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeInterviews.Refusal(actor) is { } denied)
            return Outcome<InterviewQuestion>.Denied(denied);
        if (await OfficeInterviews.FindAsync(db, input.InterviewId, actor, ct) is not { } interview)
            return Outcome<InterviewQuestion>.Missing("找不到该访谈，或该访谈不在您的管辖范围内。");
        if (await db.InterviewQuestions.SingleOrDefaultAsync(q => q.Id == input.QuestionId && q.InterviewId == interview.Id, ct) is not { } question)
            return Outcome<InterviewQuestion>.Missing("找不到该提问。");
        var answer = (input.Answer ?? "").Trim();
        var by = (input.AnsweredBy ?? "").Trim();
        var problems = new List<Problem>();
        if (answer.Length == 0)
            problems.Add(new("answer", "请填写答复内容。"));
        else if (answer.Length > MaxAnswer)
            problems.Add(new("answer", $"答复不能超过 {MaxAnswer} 字。"));
        foreach (var hit in PersonalDataScreen.Find(answer).Take(3))
            problems.Add(new("answer", $"答复含有个人信息：{hit.Kind.ChineseName()}“…{hit.Context(answer)}…”，请删除后再保存。"));
        if (!interview.Guests.Any(g => g.Name == by))
            problems.Add(new("answeredBy", "请选择答复的嘉宾。"));
        if (question.State == ContributionState.Hidden)
            problems.Add(new("", "该提问已决定不予公开，不能答复；如需答复，请先改为公开。"));
        if (problems.Count > 0)
            return Outcome<InterviewQuestion>.Invalid(problems);
        if (log.Append(interview, ParticipationStep.Answered, actor, $"{by}答复", question.Id) is { } refusal)
            return Outcome<InterviewQuestion>.Invalid("", refusal);
        if (question.State == ContributionState.Pending)
        {
            question.State = ContributionState.Shown;
            question.ShownContent = ModerateQuestion.Screen(question.Content, question.Name);
        }
        question.Answer = answer;
        question.AnsweredBy = by;
        question.AnsweredAt = log.Now;
        await db.SaveChangesAsync(ct);
        return Outcome<InterviewQuestion>.Done(question);
    }
}
