using Gongkai.App.Catalog;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Search;

/// <summary>Catalog items as the index holds them, read from the database (or from an item being written).</summary>
public static class IndexedItems
{
    /// <summary>An item as the index holds it, from the item itself (bulk writes, which index while they write).</summary>
    public static IndexedItem From(CatalogItem i, string unitPath) => new(i.Id, i.IndexNumber!, i.Title,
        $"{i.Summary}\n{PublishCatalogItem.PlainText(i.Body).Trim()}", i.DocumentNumber, unitPath, i.Genre, i.Theme, i.PublishedOn!.Value,
        i.Validity, i.RepealedOn);

    /// <summary>The published ones of <paramref name="items"/>, read for the index.</summary>
    public static IQueryable<Row> Published(IQueryable<CatalogItem> items) => items.AsNoTracking()
        .Where(i => i.State == CatalogState.Published)
        .Select(i => new Row(i.Id, i.IndexNumber!, i.Title, i.Summary, i.Body, i.DocumentNumber, i.Unit.Path, i.Genre, i.Theme, i.PublishedOn!.Value,
            i.Validity, i.RepealedOn));

    public sealed record Row(Guid Id, string IndexNumber, string Title, string Summary, string Body, string DocumentNumber, string UnitPath,
        Genre Genre, string Theme, DateOnly PublishedOn, Validity Validity, DateOnly? RepealedOn)
    {
        public IndexedItem ToIndexed() => new(Id, IndexNumber, Title, $"{Summary}\n{PublishCatalogItem.PlainText(Body).Trim()}",
            DocumentNumber, UnitPath, Genre, Theme, PublishedOn, Validity, RepealedOn);
    }
}
