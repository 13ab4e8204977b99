using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>
/// Publishes a draft for comment. A period shorter than the minimum for its kind (<see cref="CommentPeriod"/>) is refused,
/// naming the minimum and the rule, unless a reason is recorded; the reason is published with it.
/// </summary>
public sealed class PublishSolicitation(GongkaiDb db, ParticipationLog log, OfficeSolicitations office)
{
    /// <param name="ShortPeriodReason">Null keeps the reason already saved with the draft.</param>
    public sealed record Input(Guid Id, string? ShortPeriodReason = null);

    public async Task<Outcome<Solicitation>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<Solicitation>.Denied("只有互动交流人员、信息发布人员或管理员可以发布意见征集。");
        if (await office.FindAsync(input.Id, actor, ct) is not { } s)
            return Outcome<Solicitation>.Missing("找不到该意见征集，或它不在您的管辖范围内。");
        var reason = (input.ShortPeriodReason ?? s.ShortPeriodReason).Trim();
        if (reason.Length > SaveSolicitation.MaxReason)
            return Outcome<Solicitation>.Invalid("shortPeriodReason", $"缩短期限的理由不能超过 {SaveSolicitation.MaxReason} 字。");
        if (s.ClosesOn < log.Today)
            return Outcome<Solicitation>.Invalid("closesOn", "截止日期已过，请先修改征集期限。");
        var calendar = await log.CalendarAsync(ct);
        if (CommentPeriod.Refusal(calendar, s.Kind, s.ConcernsBusinesses, s.OpensOn, s.ClosesOn, reason) is { } refusal)
            return Outcome<Solicitation>.Invalid("shortPeriodReason", refusal);
        var isShort = CommentPeriod.IsShort(calendar, s.Kind, s.ConcernsBusinesses, s.OpensOn, s.ClosesOn);
        if (log.Append(s, ParticipationStep.Published, actor, isShort ? $"缩短期限的理由：{reason}" : "") is { } wrong)
            return Outcome<Solicitation>.Invalid("", wrong);
        // A reason is kept only for a period that is short: it is published, and an unneeded one would mislead.
        s.ShortPeriodReason = isShort ? reason : "";
        s.PublishedOn = log.Today;
        await db.SaveChangesAsync(ct);
        return Outcome<Solicitation>.Done(s);
    }
}
