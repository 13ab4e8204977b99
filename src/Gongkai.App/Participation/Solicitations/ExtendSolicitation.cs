using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Participation;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>Keeps a published solicitation open longer, with a reason; a period is never shortened once published.</summary>
public sealed class ExtendSolicitation(GongkaiDb db, ParticipationLog log, OfficeSolicitations office)
{
    public sealed record Input(Guid Id, DateOnly? ClosesOn, string? Reason);

    public async Task<Outcome<Solicitation>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<Solicitation>.Denied("只有互动交流人员、信息发布人员或管理员可以延长征集期限。");
        if (await office.FindAsync(input.Id, actor, ct) is not { } s)
            return Outcome<Solicitation>.Missing("找不到该意见征集，或它不在您的管辖范围内。");
        var problems = new List<Problem>();
        if (input.ClosesOn is not { } closes)
            problems.Add(new("closesOn", "请填写新的截止日期。"));
        else if (closes <= s.ClosesOn)
            problems.Add(new("closesOn", $"新的截止日期应晚于原截止日期 {s.ClosesOn:yyyy-MM-dd}：征集期限只能延长，不能缩短。"));
        else if (closes < log.Today)
            problems.Add(new("closesOn", "新的截止日期不能早于今天。"));
        var reason = (input.Reason ?? "").Trim();
        if (reason.Length == 0) problems.Add(new("reason", "请说明延长期限的理由。"));
        else if (reason.Length > 500) problems.Add(new("reason", "理由不能超过 500 字。"));
        if (problems.Count > 0)
            return Outcome<Solicitation>.Invalid(problems);
        if (log.Append(s, ParticipationStep.Extended, actor, $"截止日期由 {s.ClosesOn:yyyy-MM-dd} 延长至 {input.ClosesOn:yyyy-MM-dd}：{reason}") is { } refusal)
            return Outcome<Solicitation>.Invalid("", refusal);
        s.ClosesOn = input.ClosesOn!.Value;
        await db.SaveChangesAsync(ct);
        return Outcome<Solicitation>.Done(s);
    }
}
