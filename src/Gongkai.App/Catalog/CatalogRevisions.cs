using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// A published item's 修订 as the public item page shows them (<see cref="ReviseCatalogItem"/>): when it was last
/// revised, each earlier text with the date it was replaced and why, and one earlier text to read (<c>?version=N</c>).
/// </summary>
public sealed class CatalogRevisions(GongkaiDb db)
{
    /// <param name="Number">1 = as first published.</param>
    /// <param name="ReplacedOn">The Beijing date of the 修订 that replaced this text.</param>
    public sealed record Revision(int Number, DateOnly? PublishedOn, DateOnly ReplacedOn, string Reason);

    public sealed record History(DateOnly? RevisedOn, IReadOnlyList<Revision> Revisions);

    public sealed record EarlierText(int Number, string Title, string Summary, string Body, string DocumentNumber, DateOnly? PublishedOn, DateOnly ReplacedOn, string Reason);

    private IQueryable<CatalogItem> Public(string indexNumber) =>
        db.CatalogItems.AsNoTracking().Where(i => i.IndexNumber == indexNumber && i.State == CatalogState.Published);

    /// <summary>The item's revisions, oldest first; null when no published item has the 索引号.</summary>
    public async Task<History?> OfAsync(string indexNumber, CancellationToken ct = default)
    {
        var item = await Public(indexNumber).Select(i => new { i.Id, i.RevisedOn }).SingleOrDefaultAsync(ct);
        if (item is null)
            return null;
        var revisions = await db.CatalogItemVersions.AsNoTracking().Where(v => v.ItemId == item.Id).OrderBy(v => v.Number)
            .Select(v => new Revision(v.Number, v.PublishedOn, v.ReplacedOn, v.Reason)).ToListAsync(ct);
        return new(item.RevisedOn, revisions);
    }

    /// <summary>An earlier text of a published item, its body sanitized by today's rules; null when there is none.</summary>
    public async Task<EarlierText?> VersionAsync(string indexNumber, int number, CancellationToken ct = default)
    {
        var v = await db.CatalogItemVersions.AsNoTracking()
            .Where(v => v.Number == number && Public(indexNumber).Any(i => i.Id == v.ItemId)).SingleOrDefaultAsync(ct);
        return v is null ? null
            : new(v.Number, v.Title, v.Summary, CatalogBodyHtml.Sanitize(v.Body), v.DocumentNumber, v.PublishedOn, v.ReplacedOn, v.Reason);
    }
}
