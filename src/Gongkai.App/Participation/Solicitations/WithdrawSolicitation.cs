using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>Takes a published solicitation off the public pages, with a reason (kept in its log and record).</summary>
public sealed class WithdrawSolicitation(GongkaiDb db, ParticipationLog log, OfficeSolicitations office)
{
    public sealed record Input(Guid Id, string? Reason);

    public async Task<Outcome<Solicitation>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<Solicitation>.Denied("只有互动交流人员、信息发布人员或管理员可以撤回意见征集。");
        if (await office.FindAsync(input.Id, actor, ct) is not { } s)
            return Outcome<Solicitation>.Missing("找不到该意见征集，或它不在您的管辖范围内。");
        if (log.Withdraw(s, input.Reason, actor) is { } problem)
            return Outcome<Solicitation>.Invalid(problem.Field, problem.Message);
        await db.SaveChangesAsync(ct);
        return Outcome<Solicitation>.Done(s);
    }
}
