using Gongkai.App.Units;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>Loads catalog items inside an actor's scope and writes their log; shared by the editing use cases.</summary>
public sealed class CatalogLog(GongkaiDb db, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<CatalogItem?> FindAsync(Guid id, StaffScope actor, CancellationToken ct = default)
    {
        var scope = actor.ScopePath;
        return db.CatalogItems.Include(i => i.Unit).Include(i => i.Log).Include(i => i.Interprets)
            .Within(scope).SingleOrDefaultAsync(i => i.Id == id, ct);
    }

    /// <summary>Logs a change and queues the item for the search index in the same unit of work.</summary>
    public void Append(CatalogItem item, string action, StaffScope actor, string note = "")
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<Search.SearchChange>().Add(new Search.SearchChange { ItemId = item.Id, EnqueuedAt = now });
        item.UpdatedAt = now;
        item.Log.Add(new CatalogLogEntry
        {
            ItemId = item.Id,
            Sequence = item.Log.Count == 0 ? 1 : item.Log.Max(e => e.Sequence) + 1,
            Action = action,
            At = now,
            ActorId = actor.AccountId,
            ActorName = actor.DisplayName,
            Note = note,
        });
    }
}

/// <summary>An editor sends a draft for review (信息审核).</summary>
public sealed class SubmitCatalogItem(GongkaiDb db, CatalogLog log)
{
    public async Task<Outcome<CatalogItem>> HandleAsync(Guid id, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanEditCatalog)
            return Outcome<CatalogItem>.Denied("只有信息发布人员或管理员可以提交审核。");
        var item = await log.FindAsync(id, actor, ct);
        if (item is null)
            return Outcome<CatalogItem>.Missing("找不到该信息，或该信息不在您的管辖范围内。");
        if (item.State != CatalogState.Draft)
            return Outcome<CatalogItem>.Invalid("State", $"该信息当前为“{item.State.ChineseName()}”，不能提交审核。");
        if (item.Attribute != DisclosureAttribute.Proactive)
            return Outcome<CatalogItem>.Invalid("Attribute", $"公开属性为“{item.Attribute.ChineseName()}”的信息不列入主动公开目录。");
        item.State = CatalogState.Submitted;
        log.Append(item, CatalogActions.Submitted, actor);
        await db.SaveChangesAsync(ct);
        return Outcome<CatalogItem>.Done(item);
    }
}
