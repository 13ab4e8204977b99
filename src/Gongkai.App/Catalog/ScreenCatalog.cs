using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// `gongkai catalog screen`: scans the whole published catalog, attachments included, for personal data (身份证号码,
/// 手机号码, 银行卡号, 电子邮箱) — the leading finding of the State Council's website checks — and lists every hit,
/// masked, by 索引号.
/// </summary>
public sealed class ScreenCatalog(GongkaiDb db)
{
    /// <param name="Attachment">The file name of the attachment the hit is in; "" for the item's own text.</param>
    public sealed record Finding(string IndexNumber, string Title, PersonalDataKind Kind, string Masked, string Attachment = "");

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
            // The attachments of the same items in the same order, their texts streamed one at a time beside the items.
            var ids = batch.Select(i => i.Id).ToList();
            var texts = (from a in db.CatalogAttachments.AsNoTracking()
                         join i in db.CatalogItems on a.ItemId equals i.Id
                         where ids.Contains(i.Id) && a.Text != ""
                         orderby i.IndexNumber, a.SortOrder
                         select new { i.IndexNumber, a.FileName, a.Text }).AsAsyncEnumerable();
            await using var attachments = texts.GetAsyncEnumerator(ct);
            var more = await attachments.MoveNextAsync();
            foreach (var item in batch)
            {
                foreach (var hit in PublishCatalogItem.Screen(item))
                    yield return new Finding(item.IndexNumber!, item.Title, hit.Kind, hit.Masked);
                for (; more && attachments.Current.IndexNumber == item.IndexNumber; more = await attachments.MoveNextAsync())
                {
                    foreach (var hit in PersonalDataScreen.Find(attachments.Current.Text))
                        yield return new Finding(item.IndexNumber!, item.Title, hit.Kind, hit.Masked, attachments.Current.FileName);
                }
            }
            after = batch[^1].IndexNumber!;
        }
    }
}
