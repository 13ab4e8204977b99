using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Responses;

/// <summary>
/// Staff delete a press conference or response record entered by mistake, with a reason: it leaves the public page and the
/// counts (state 已撤回 through the transition table's 删除 step); the row and its log stay.
/// </summary>
public sealed class DeleteResponseRecord(GongkaiDb db, ParticipationLog log)
{
    public sealed record Input(ParticipationKind Kind, Guid Id, string Reason);

    public async Task<Outcome<IParticipationRecord>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<IParticipationRecord>.Denied("只有负责互动交流或信息发布的工作人员可以删除记录。");
        IParticipationRecord? record = input.Kind switch
        {
            ParticipationKind.PressConference => await db.PressConferences.Within(actor.ScopePath).SingleOrDefaultAsync(c => c.Id == input.Id, ct),
            ParticipationKind.Response => await db.ResponseEvents.Within(actor.ScopePath).SingleOrDefaultAsync(r => r.Id == input.Id, ct),
            _ => null,
        };
        if (record is null)
            return Outcome<IParticipationRecord>.Missing("找不到该记录，或不在您的管辖范围内。");
        var reason = (input.Reason ?? "").Trim();
        if (reason.Length is 0 or > 500)
            return Outcome<IParticipationRecord>.Invalid("Reason", "请填写删除理由（不超过 500 字）。");
        if (input.Kind == ParticipationKind.PressConference && await db.ResponseEvents
                .AnyAsync(r => r.PressConferenceId == input.Id && r.State != ParticipationState.Withdrawn, ct))
            return Outcome<IParticipationRecord>.Invalid("Id", "有回应记录关联此新闻发布会，请先修改或删除这些回应记录。");
        if (log.Append(record, ParticipationStep.Deleted, actor, reason) is { } refused)
            return Outcome<IParticipationRecord>.Invalid("State", refused);
        await db.SaveChangesAsync(ct);
        return Outcome<IParticipationRecord>.Done(record);
    }
}
