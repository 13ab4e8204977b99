using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>
/// 采纳情况反馈: after the period closes, the office publishes its feedback — its text and the figures counted from
/// the comments (received, adopted, partly adopted, not adopted, reasons grouped, <see cref="FeedbackSummary"/>). Every
/// comment received must have its treatment recorded first.
/// </summary>
public sealed class PublishFeedback(GongkaiDb db, ParticipationLog log, OfficeSolicitations office)
{
    public const int MaxText = 20_000;

    public sealed record Input(Guid Id, string? Text);

    public async Task<Outcome<FeedbackSummary>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<FeedbackSummary>.Denied("只有互动交流人员、信息发布人员或管理员可以公布采纳情况。");
        if (await office.FindAsync(input.Id, actor, ct) is not { } s)
            return Outcome<FeedbackSummary>.Missing("找不到该意见征集，或它不在您的管辖范围内。");
        if (s.State == ParticipationState.Published && log.Today <= s.ClosesOn)
            return Outcome<FeedbackSummary>.Invalid("text", $"征集期至 {s.ClosesOn:yyyy-MM-dd} 结束，结束后才能公布采纳情况。");
        var text = (input.Text ?? "").Trim();
        if (text.Length == 0)
            return Outcome<FeedbackSummary>.Invalid("text", "请填写采纳情况说明。");
        if (text.Length > MaxText)
            return Outcome<FeedbackSummary>.Invalid("text", $"采纳情况说明不能超过 {MaxText} 字。");
        var summary = await SummaryAsync(db, s.Id, ct);
        if (!summary.Complete)
            return Outcome<FeedbackSummary>.Invalid("text", $"还有 {summary.Unrecorded} 条意见未记录采纳情况，请先逐条记录。");
        if (log.Append(s, ParticipationStep.Concluded, actor, $"收到 {summary.Received} 条，采纳 {summary.Adopted} 条，部分采纳 {summary.PartlyAdopted} 条，未采纳 {summary.NotAdopted} 条") is { } refusal)
            return Outcome<FeedbackSummary>.Invalid("", refusal);
        s.FeedbackText = text;
        s.FeedbackPublishedOn = log.Today;
        await db.SaveChangesAsync(ct);
        return Outcome<FeedbackSummary>.Done(summary);
    }

    /// <summary>The figures of a solicitation's comments, counted from the records.</summary>
    public static async Task<FeedbackSummary> SummaryAsync(GongkaiDb db, Guid solicitationId, CancellationToken ct)
    {
        var facts = await db.SolicitationComments.AsNoTracking().Where(c => c.SolicitationId == solicitationId)
            .Select(c => new { c.Adoption, c.AdoptionReason }).ToListAsync(ct);
        return FeedbackSummary.Of(facts.Select(f => new CommentFacts(f.Adoption, f.AdoptionReason)));
    }
}
