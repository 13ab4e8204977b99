using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>
/// How a comment was treated (采纳、部分采纳、未采纳) and why; a reason is required unless it was adopted whole
/// (《重大行政决策程序暂行条例》第十四条 asks for the reasons of what is not adopted). The feedback groups the reasons.
/// </summary>
public sealed class RecordAdoption(GongkaiDb db, ParticipationLog log, OfficeSolicitations office)
{
    public sealed record Input(Guid SolicitationId, Guid CommentId, Adoption Adoption, string? Reason = null);

    public async Task<Outcome<SolicitationComment>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<SolicitationComment>.Denied("只有互动交流人员、信息发布人员或管理员可以记录采纳情况。");
        if (await office.FindCommentAsync(input.SolicitationId, input.CommentId, actor, ct) is not var (s, comment))
            return Outcome<SolicitationComment>.Missing("找不到该意见，或它不在您的管辖范围内。");
        if (!Enum.IsDefined(input.Adoption))
            return Outcome<SolicitationComment>.Invalid("adoption", "请选择采纳情况：采纳、部分采纳或未采纳。");
        var reason = (input.Reason ?? "").Trim();
        if (input.Adoption != Adoption.Adopted && reason.Length == 0)
            return Outcome<SolicitationComment>.Invalid("reason", $"{input.Adoption.ChineseName()}的，请说明理由。");
        if (reason.Length > 500)
            return Outcome<SolicitationComment>.Invalid("reason", "理由不能超过 500 字。");
        if (log.Append(s, ParticipationStep.AdoptionRecorded, actor, $"{input.Adoption.ChineseName()}{(reason.Length > 0 ? "：" + reason : "")}", comment.Id) is { } refusal)
            return Outcome<SolicitationComment>.Invalid("", refusal);
        comment.Adoption = input.Adoption;
        comment.AdoptionReason = reason;
        await db.SaveChangesAsync(ct);
        return Outcome<SolicitationComment>.Done(comment);
    }
}
