using System.Net.Mail;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Interviews;

/// <summary>
/// A member of the public sends a question to an announced interview, before it or while it runs (until it ends). The
/// name and contact are kept for the office only; the question waits for moderation (<see cref="ModerateQuestion"/>)
/// and is shown, with personal data masked, only if staff choose to.
/// </summary>
public sealed class AskQuestion(GongkaiDb db, ParticipationLog log)
{
    public const int MaxContent = 1000;

    /// <summary>The problem field when the interview no longer takes questions (the API answers 409).</summary>
    public const string ClosedField = "period";

    public sealed record Input(Guid InterviewId, string Name, string Phone, string Email, string Content);

    public async Task<Outcome<InterviewQuestion>> HandleAsync(Input input, CancellationToken ct = default)
    {
        var interview = await PublicInterviews.FindAsync(db, input.InterviewId, ct);
        if (interview is null)
            return Outcome<InterviewQuestion>.Missing("找不到该访谈。");
        if (interview.State != ParticipationState.Published || log.Now >= interview.EndsAt)
            return Outcome<InterviewQuestion>.Invalid(ClosedField, "本次访谈已经结束，不再接收提问。");
        var name = (input.Name ?? "").Trim();
        var phone = (input.Phone ?? "").Trim();
        var email = (input.Email ?? "").Trim();
        var content = (input.Content ?? "").Trim();
        var problems = new List<Problem>();
        if (content.Length < 5)
            problems.Add(new("content", "请填写您的问题（至少 5 个字）。"));
        else if (content.Length > MaxContent)
            problems.Add(new("content", $"问题不能超过 {MaxContent} 字。"));
        if (name.Length == 0)
            problems.Add(new("name", "请填写姓名或称呼。"));
        else if (name.Length > 50)
            problems.Add(new("name", "姓名不能超过 50 字。"));
        if (phone.Length == 0 && email.Length == 0)
            problems.Add(new("phone", "请填写联系电话或电子邮箱，便于工作人员与您联系（不会公开）。"));
        if (phone.Length > 0 && (phone.Length > 30 || !phone.All(c => char.IsAsciiDigit(c) || c is '-' or ' ' or '+')))
            problems.Add(new("phone", "请填写有效的电话号码。"));
        if (email.Length > 0 && (email.Length > 100 || !MailAddress.TryCreate(email, out _)))
            problems.Add(new("email", "请填写有效的电子邮箱。"));
        if (problems.Count > 0)
            return Outcome<InterviewQuestion>.Invalid(problems);
        var question = new InterviewQuestion
        {
            InterviewId = interview.Id,
            Name = name,
            Phone = phone,
            Email = email,
            Content = content,
            SubmittedAt = log.Now,
            State = ContributionState.Pending,
        };
        db.InterviewQuestions.Add(question);
        await db.SaveChangesAsync(ct);
        return Outcome<InterviewQuestion>.Done(question);
    }
}
