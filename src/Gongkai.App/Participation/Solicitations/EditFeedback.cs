using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>Corrects the text of a published feedback (修改结果); the figures stay counted from the comments.</summary>
public sealed class EditFeedback(GongkaiDb db, ParticipationLog log, OfficeSolicitations office)
{
    public async Task<Outcome<FeedbackSummary>> HandleAsync(PublishFeedback.Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<FeedbackSummary>.Denied("只有互动交流人员、信息发布人员或管理员可以修改采纳情况。");
        if (await office.FindAsync(input.Id, actor, ct) is not { } s)
            return Outcome<FeedbackSummary>.Missing("找不到该意见征集，或它不在您的管辖范围内。");
        var text = (input.Text ?? "").Trim();
        if (text.Length == 0)
            return Outcome<FeedbackSummary>.Invalid("text", "请填写采纳情况说明。");
        if (text.Length > PublishFeedback.MaxText)
            return Outcome<FeedbackSummary>.Invalid("text", $"采纳情况说明不能超过 {PublishFeedback.MaxText} 字。");
        if (log.Append(s, ParticipationStep.ConclusionEdited, actor) is { } refusal)
            return Outcome<FeedbackSummary>.Invalid("", refusal);
        s.FeedbackText = text;
        await db.SaveChangesAsync(ct);
        return Outcome<FeedbackSummary>.Done(await PublishFeedback.SummaryAsync(db, s.Id, ct));
    }
}
