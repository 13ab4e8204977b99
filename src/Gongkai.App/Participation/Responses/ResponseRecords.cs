using Gongkai.App.Accounts;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Responses;

/// <summary>What the press-conference and response use cases share: linked 索引号 checked against the published catalog.</summary>
internal static class ResponseRecords
{
    public const int MaxLinkedItems = 20;

    /// <summary>The 索引号 given, trimmed and distinct, and a problem naming each that is no published item.</summary>
    public static async Task<(List<string> Numbers, Problem? Problem)> ItemsAsync(GongkaiDb db, IEnumerable<string>? numbers, CancellationToken ct)
    {
        var wanted = (numbers ?? []).Select(n => (n ?? "").Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count > MaxLinkedItems)
            return (wanted, new("ItemIndexNumbers", $"关联信息最多 {MaxLinkedItems} 条。"));
        var known = await db.CatalogItems.AsNoTracking().Where(i => i.IndexNumber != null && wanted.Contains(i.IndexNumber) && i.State == CatalogState.Published)
            .Select(i => i.IndexNumber!).ToListAsync(ct);
        var unknown = wanted.Except(known, StringComparer.Ordinal).ToList();
        return (wanted, unknown.Count == 0 ? null : new("ItemIndexNumbers", $"没有索引号为 {string.Join("、", unknown)} 的已发布信息。"));
    }
}
