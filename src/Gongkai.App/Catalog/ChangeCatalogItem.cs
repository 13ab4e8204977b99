using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;

namespace Gongkai.App.Catalog;

/// <summary>
/// A reviewer's decisions after submission: return a draft to its editor, revoke (废止) a published rule or normative
/// document as of a date, or withdraw (撤下) an item from the public pages. Each needs a reason and is logged; nothing
/// leaves the public record silently, and an item keeps its 索引号.
/// </summary>
public sealed class ChangeCatalogItem(GongkaiDb db, CatalogLog log)
{
    public enum Change
    {
        /// <summary>退回修改.</summary>
        Return,
        /// <summary>废止.</summary>
        Revoke,
        /// <summary>撤下.</summary>
        Withdraw,
    }

    public sealed record Input(Guid Id, Change Change, string Reason, DateOnly? RevokedOn = null);

    public async Task<Outcome<CatalogItem>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanReviewCatalog)
            return Outcome<CatalogItem>.Denied("只有信息审核人员或管理员可以退回、废止或撤下信息。");
        var item = await log.FindAsync(input.Id, actor, ct);
        if (item is null)
            return Outcome<CatalogItem>.Missing("找不到该信息，或该信息不在您的管辖范围内。");
        if (string.IsNullOrWhiteSpace(input.Reason))
            return Outcome<CatalogItem>.Invalid("Reason", "请写明理由。");
        switch (input.Change)
        {
            case Change.Return when item.State == CatalogState.Submitted:
                item.State = CatalogState.Draft;
                log.Append(item, CatalogActions.Returned, actor, input.Reason.Trim());
                break;
            case Change.Revoke when input.RevokedOn < item.EffectiveOn:
                return Outcome<CatalogItem>.Invalid("RevokedOn", $"废止日期不能早于实施日期 {item.EffectiveOn:yyyy-MM-dd}。");
            case Change.Revoke when item.State == CatalogState.Published && item.Genre.HasValidity()
                && CatalogTerms.EffectiveValidity(item.Validity, item.RepealedOn, log.Today) == Validity.InForce:
                item.Validity = Validity.Revoked;
                item.RepealedOn = input.RevokedOn ?? log.Today;
                log.Append(item, CatalogActions.Revoked, actor, $"自 {item.RepealedOn:yyyy-MM-dd} 起废止：{input.Reason.Trim()}");
                break;
            case Change.Withdraw when item.State == CatalogState.Published:
                item.State = CatalogState.Withdrawn;
                log.Append(item, CatalogActions.Withdrawn, actor, input.Reason.Trim());
                break;
            default:
                return Outcome<CatalogItem>.Invalid("State", $"该信息当前为“{item.State.ChineseName()}”（{item.Genre.ChineseName()}，{item.Validity.ChineseName()}），不能这样处理。");
        }
        await db.SaveChangesAsync(ct);
        return Outcome<CatalogItem>.Done(item);
    }
}
