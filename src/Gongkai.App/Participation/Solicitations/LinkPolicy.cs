using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>
/// Links a solicitation to the resulting policy, a published catalog item (by its index number): the policy's page then
/// links to the solicitation and its feedback, and the solicitation's page to the policy.
/// </summary>
public sealed class LinkPolicy(GongkaiDb db, ParticipationLog log, OfficeSolicitations office)
{
    public sealed record Input(Guid Id, string? IndexNumber);

    public async Task<Outcome<Solicitation>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<Solicitation>.Denied("只有互动交流人员、信息发布人员或管理员可以关联政策。");
        if (await office.FindAsync(input.Id, actor, ct) is not { } s)
            return Outcome<Solicitation>.Missing("找不到该意见征集，或它不在您的管辖范围内。");
        var number = (input.IndexNumber ?? "").Trim();
        var item = number.Length == 0 ? null
            : await db.CatalogItems.Where(i => i.IndexNumber == number && i.State == CatalogState.Published).Select(i => new { i.Id, i.Title }).SingleOrDefaultAsync(ct);
        if (item is null)
            return Outcome<Solicitation>.Invalid("indexNumber", "请填写已发布的主动公开信息的索引号。");
        if (log.Append(s, ParticipationStep.PolicyLinked, actor, $"{number} {item.Title}") is { } refusal)
            return Outcome<Solicitation>.Invalid("", refusal);
        s.PolicyId = item.Id;
        await db.SaveChangesAsync(ct);
        return Outcome<Solicitation>.Done(s);
    }
}
