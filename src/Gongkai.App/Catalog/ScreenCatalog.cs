using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// `gongkai catalog screen`: scans the whole published catalog for personal data (身份证号码, 手机号码, 银行卡号, 电子邮箱)
/// — the leading finding of the State Council's website checks — and lists every hit, masked, by 索引号.
/// </summary>
public sealed class ScreenCatalog(GongkaiDb db)
{
    public sealed record Finding(string IndexNumber, string Title, PersonalDataKind Kind, string Masked);

    public async IAsyncEnumerable<Finding> HandleAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var after = "";
        while (true)
        {
            var batch = await db.CatalogItems.AsNoTracking()
                .Where(i => i.State == CatalogState.Published && string.Compare(i.IndexNumber!, after) > 0)
                .OrderBy(i => i.IndexNumber).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
                yield break;
            foreach (var item in batch)
            {
                foreach (var hit in PublishCatalogItem.Screen(item))
                    yield return new Finding(item.IndexNumber!, item.Title, hit.Kind, hit.Masked);
            }
            after = batch[^1].IndexNumber!;
        }
    }
}
