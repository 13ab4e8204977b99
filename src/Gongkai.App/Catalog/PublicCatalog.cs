using Gongkai.App.Units;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>The public catalog as the portal and the API read it: published items, filtered and paged, and one item's page.</summary>
public sealed class PublicCatalog(GongkaiDb db, TimeProvider clock)
{
    public sealed record Filter(string? Unit = null, string? Theme = null, Genre? Genre = null, int? Year = null, Validity? Validity = null);

    public sealed record Row(string IndexNumber, string Title, string Unit, string UnitCode, DateOnly FormedOn, DateOnly PublishedOn,
        string DocumentNumber, Genre Genre, string Theme, Validity Validity);

    public sealed record Page(int Total, int PageNumber, int PageSize, IReadOnlyList<Row> Items);

    public sealed record Link(string IndexNumber, string Title);

    public sealed record Item(Row Row, string Summary, string Body, string Keywords, DateOnly? EffectiveOn, DateOnly? RepealedOn,
        PublicationChannels Channels, bool Withdrawn, string WithdrawnReason, Link? Interprets, IReadOnlyList<Link> Interpretations,
        IReadOnlyList<Attachment> Attachments);

    /// <param name="Size">In bytes.</param>
    /// <param name="Url">The portal's download address.</param>
    public sealed record Attachment(string Name, AttachmentKind Kind, long Size, string Url)
    {
        public string KindName => Kind.ChineseName();
    }

    /// <summary>A file to download: its name, type and content.</summary>
    public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);

    public const int PageSize = 20;

    public async Task<Page> ListAsync(Filter filter, int page = 1, CancellationToken ct = default)
    {
        var today = clock.Today();
        var query = db.CatalogItems.AsNoTracking().Where(i => i.State == CatalogState.Published);
        if (!string.IsNullOrWhiteSpace(filter.Unit))
        {
            var path = await db.Units.Where(u => u.Code == filter.Unit).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
            query = query.Within(path);
        }
        if (!string.IsNullOrWhiteSpace(filter.Theme))
            query = query.Where(i => i.Theme == filter.Theme || i.Theme.StartsWith(filter.Theme + "\\"));
        if (filter.Genre is { } genre)
            query = query.Where(i => i.Genre == genre);
        if (filter.Year is { } year)
        {
            // A year no date can have (0, 10000, -99999) matches nothing.
            if (year is < 1 or > 9999)
                query = query.Where(i => false);
            else
                query = query.Where(i => i.PublishedOn >= new DateOnly(year, 1, 1) && i.PublishedOn <= new DateOnly(year, 12, 31));
        }
        query = filter.Validity switch
        {
            Validity.InForce => query.Where(i => i.Validity == Validity.InForce && (i.RepealedOn == null || i.RepealedOn > today)),
            Validity.Expired => query.Where(i => i.Validity == Validity.Expired || (i.Validity == Validity.InForce && i.RepealedOn <= today)),
            Validity.Revoked => query.Where(i => i.Validity == Validity.Revoked),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        // Past the last page: the last page (a page number so large its offset overflows included).
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var items = await query.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.IndexNumber)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(i => new { i.IndexNumber, i.Title, Unit = i.Unit.FullName, UnitCode = i.Unit.Code, i.FormedOn, i.PublishedOn, i.DocumentNumber, i.Genre, i.Theme, i.Validity, i.RepealedOn })
            .ToListAsync(ct);
        return new Page(total, page, PageSize, [.. items.Select(i => new Row(i.IndexNumber!, i.Title, i.Unit, i.UnitCode, i.FormedOn, i.PublishedOn!.Value,
            i.DocumentNumber, i.Genre, i.Theme, CatalogTerms.EffectiveValidity(i.Validity, i.RepealedOn, today)))]);
    }

    /// <summary>A published item by its 索引号; a withdrawn one comes back marked, with the recorded reason.</summary>
    public async Task<Item?> FindAsync(string indexNumber, CancellationToken ct = default)
    {
        var i = await db.CatalogItems.AsNoTracking().Include(x => x.Unit).Include(x => x.Interprets).Include(x => x.Log)
            .SingleOrDefaultAsync(x => x.IndexNumber == indexNumber && (x.State == CatalogState.Published || x.State == CatalogState.Withdrawn), ct);
        if (i is null)
            return null;
        // By the interpreted item alone, state and order in memory (an item has a handful of interpretations): given the state
        // and order too, SQLite without statistics (a freshly written catalog) walks the state index of every item instead.
        var interpretations = (await db.CatalogItems.AsNoTracking().Where(x => x.InterpretsId == i.Id)
                .Select(x => new { x.State, x.PublishedOn, Link = new Link(x.IndexNumber!, x.Title) }).ToListAsync(ct))
            .Where(x => x.State == CatalogState.Published).OrderBy(x => x.PublishedOn).Select(x => x.Link).ToList();
        var row = new Row(i.IndexNumber!, i.Title, i.Unit.FullName, i.Unit.Code, i.FormedOn, i.PublishedOn!.Value, i.DocumentNumber, i.Genre, i.Theme,
            CatalogTerms.EffectiveValidity(i.Validity, i.RepealedOn, clock.Today()));
        var withdrawn = i.State == CatalogState.Withdrawn;
        List<AttachmentRow> attachments = withdrawn ? [] : await CatalogAttachment.RowsOf(db, i.Id).ToListAsync(ct);
        return new Item(row, i.Summary, withdrawn ? "" : i.Body, i.Keywords, i.EffectiveOn, i.RepealedOn, i.Channels, withdrawn,
            withdrawn ? i.Log.OrderBy(e => e.Sequence).Last(e => e.Action == CatalogActions.Withdrawn).Note : "",
            i.Interprets is { IndexNumber: { } policyNumber } policy ? new Link(policyNumber, policy.Title) : null, interpretations,
            [.. attachments.Select(a => new Attachment(a.FileName, a.Kind, a.Length, $"/xxgk/attachments/{a.Id}"))]);
    }

    /// <summary>An attachment of a published item; null when there is none, or its item is not (or no longer) public.</summary>
    public Task<AttachmentFile?> FindAttachmentAsync(Guid id, CancellationToken ct = default) =>
        db.CatalogAttachments.AsNoTracking()
            .Where(a => a.Id == id && db.CatalogItems.Any(i => i.Id == a.ItemId && i.State == CatalogState.Published))
            .Select(a => new AttachmentFile(a.FileName, a.ContentType, a.Content)).SingleOrDefaultAsync(ct);
}
