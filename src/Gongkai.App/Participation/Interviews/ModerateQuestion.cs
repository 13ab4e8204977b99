using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Gongkai.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Interviews;

/// <summary>
/// Staff decide whether a question is shown: shown, it appears on the interview's page as screened — every identity,
/// phone, bank-card number and e-mail address masked (<see cref="PersonalDataScreen"/>) and the asker's own name
/// replaced — or kept hidden with a reason (still counted as received). Each decision is logged.
/// </summary>
public sealed class ModerateQuestion(GongkaiDb db, ParticipationLog log)
{
    /// <param name="ShownContent">The wording to show (staff may shorten it); the asker's text when empty. Screened either way.</param>
    public sealed record Input(Guid InterviewId, Guid QuestionId, bool Show, string Reason = "", string ShownContent = "");

    public async Task<Outcome<InterviewQuestion>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeInterviews.Refusal(actor) is { } denied)
            return Outcome<InterviewQuestion>.Denied(denied);
        if (await OfficeInterviews.FindAsync(db, input.InterviewId, actor, ct) is not { } interview)
            return Outcome<InterviewQuestion>.Missing("找不到该访谈，或该访谈不在您的管辖范围内。");
        if (await db.InterviewQuestions.SingleOrDefaultAsync(q => q.Id == input.QuestionId && q.InterviewId == interview.Id, ct) is not { } question)
            return Outcome<InterviewQuestion>.Missing("找不到该提问。");
        var reason = (input.Reason ?? "").Trim();
        if (!input.Show && reason.Length == 0)
            return Outcome<InterviewQuestion>.Invalid("reason", "请说明不予公开的理由。");
        if (reason.Length > 500)
            return Outcome<InterviewQuestion>.Invalid("reason", "理由不能超过 500 字。");
        var text = (input.ShownContent ?? "").Trim();
        if (text.Length > AskQuestion.MaxContent)
            return Outcome<InterviewQuestion>.Invalid("shownContent", $"公开的问题不能超过 {AskQuestion.MaxContent} 字。");
        var note = input.Show ? "公开提问" : $"不予公开：{reason}";
        if (log.Append(interview, ParticipationStep.Moderated, actor, note, question.Id) is { } refusal)
            return Outcome<InterviewQuestion>.Invalid("", refusal);
        question.State = input.Show ? ContributionState.Shown : ContributionState.Hidden;
        question.ModerationNote = input.Show ? "" : reason;
        question.ShownContent = input.Show ? Screen(text.Length > 0 ? text : question.Content, question.Name) : "";
        await db.SaveChangesAsync(ct);
        return Outcome<InterviewQuestion>.Done(question);
    }

    /// <summary>The text as it may be shown: personal data masked in place, the asker's name (two characters or more) replaced by 「网友」.</summary>
    public static string Screen(string text, string askerName)
    {
        var masked = PersonalDataScreen.Mask(text);
        var name = askerName.Trim();
        return name.Length >= 2 ? masked.Replace(name, "网友", StringComparison.Ordinal) : masked;
    }
}
