using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// `gongkai catalog sanitize`: brings every stored body under today's rules (<see cref="CatalogBodyHtml"/>). A body stored
/// by an earlier version may still hold what they remove — a form, an overlay, an image from another site — and the
/// public pages show bodies as stored. Each body that changes is logged on its item and queued for the search index, all
/// in one transaction; the others are left alone.
/// </summary>
public sealed class SanitizeCatalogBodies(GongkaiDb db, CatalogLog log)
{
    private const int Batch = 1000;

    /// <returns>How many bodies changed.</returns>
    public async Task<int> HandleAsync(StaffScope actor, IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        var total = await db.CatalogItems.LongCountAsync(ct);
        var changed = new Dictionary<Guid, string>();
        var done = 0L;
        Guid? after = null;
        while (true)
        {
            var batch = await db.CatalogItems.AsNoTracking().Where(i => after == null || i.Id.CompareTo(after.Value) > 0).OrderBy(i => i.Id)
                .Take(Batch).Select(i => new { i.Id, i.Body }).ToListAsync(ct);
            if (batch.Count == 0)
                break;
            foreach (var item in batch)
            {
                var clean = CatalogBodyHtml.Sanitize(item.Body);
                if (clean != item.Body)
                    changed[item.Id] = clean;
            }
            after = batch[^1].Id;
            progress?.Report((done += batch.Count, total));
        }
        if (changed.Count == 0)
            return 0;
        foreach (var ids in changed.Keys.Chunk(Batch))
        {
            foreach (var item in await db.CatalogItems.Include(i => i.Log).Where(i => ids.Contains(i.Id)).ToListAsync(ct))
            {
                item.Body = changed[item.Id];
                log.Append(item, CatalogActions.BodySanitized, actor, "正文按现行规则清理：删除表单、定位样式、外部资源等正文不应包含的内容");
            }
        }
        await db.SaveChangesAsync(ct);
        return changed.Count;
    }
}
