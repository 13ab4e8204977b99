using Gongkai.Core.Catalog;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.Search;

/// <summary>One catalog item as the index holds it: what is searched and filtered on (what is shown comes from the database).</summary>
public sealed record IndexedItem(Guid Id, string IndexNumber, string Title, string Text, string DocumentNumber, string UnitPath,
    Genre Genre, string Theme, DateOnly PublishedOn, Validity Validity, DateOnly? RepealedOn);

/// <summary>
/// The Lucene index of the published catalog, under Search:IndexPath (default ./data/search). It is only a cache of
/// the database: it can be deleted and rebuilt at any time (`gongkai search rebuild`). One process writes to it.
/// </summary>
/// <remarks>
/// Documents are kept in publication order: segments are only merged with their neighbours
/// (<see cref="LogByteSizeMergePolicy"/>), a rebuild adds items oldest first, and new publications come last anyway.
/// So "newest first" is "from the end of the index backwards", which <see cref="NewestFirst"/> reads without touching
/// the older part. An item added out of order (an old item changed, an import of older items) is marked
/// <see cref="Late"/> and collected apart; <see cref="Sequence"/> is the order key, never decreasing along the index.
/// </remarks>
public sealed class CatalogIndex : IDisposable
{
    public const string Id = "id", All = "all", Title = "title", AllGrams = "all4", TitleGrams = "title4", IndexNumber = "indexno", DocumentNumber = "docno", Unit = "unit",
        Genre = "genre", Theme = "theme", Validity = "validity", ValidityCode = "validity_code", Published = "published", Repealed = "repealed", Sequence = "seq", Late = "late";

    private static readonly FieldType Words = new(TextField.TYPE_NOT_STORED) { OmitNorms = true };

    /// <summary>Four-character grams: which items hold them, no positions (see <see cref="CatalogAnalyzer.GramLength"/>).</summary>
    private static readonly FieldType Grams = new(TextField.TYPE_NOT_STORED) { OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY };

    private readonly Lucene.Net.Store.Directory directory;
    private readonly Lazy<IndexWriter> writer;
    private readonly Lazy<SearcherManager> searchers;
    private readonly System.Threading.Lock order = new();
    private int? lastSequence;

    public CatalogIndex(IConfiguration configuration)
    {
        var path = Path.GetFullPath(configuration["Search:IndexPath"] ?? "data/search");
        System.IO.Directory.CreateDirectory(path);
        directory = FSDirectory.Open(path);
        writer = new(() => new IndexWriter(directory, new IndexWriterConfig(CatalogAnalyzer.Version, new CatalogAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 256,
            MergePolicy = new LogByteSizeMergePolicy(),
        }));
        searchers = new(() => new SearcherManager(writer.Value, true, null));
    }

    /// <summary>Adds or replaces an item. Safe to call from several threads.</summary>
    public void Upsert(IndexedItem item)
    {
        var day = item.PublishedOn.DayNumber;
        int sequence;
        bool late;
        lock (order)
        {
            lastSequence ??= ReadLastSequence();
            late = day < lastSequence;
            sequence = late ? lastSequence.Value : day;
            lastSequence = sequence;
        }
        writer.Value.UpdateDocument(new Term(Id, item.Id.ToString("N")), ToDocument(item, sequence, late));
    }

    public void Delete(Guid id) => writer.Value.DeleteDocuments(new Term(Id, id.ToString("N")));

    public void Clear()
    {
        lock (order)
        {
            writer.Value.DeleteAll();
            lastSequence = 0;
        }
    }

    /// <summary>Makes the changes durable and visible to searches.</summary>
    public void Commit()
    {
        writer.Value.Commit();
        searchers.Value.MaybeRefreshBlocking();
    }

    /// <summary>The newest publication date in the index: an item published before it would be added out of order.</summary>
    public DateOnly? NewestPublication()
    {
        lock (order)
        {
            lastSequence ??= ReadLastSequence();
            return lastSequence > 0 ? DateOnly.FromDayNumber(lastSequence.Value) : null;
        }
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        searchers.Value.MaybeRefresh();
        var searcher = searchers.Value.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Value.Release(searcher);
        }
    }

    /// <summary>The order key of the last document: the largest, as it never decreases along the index.</summary>
    private int ReadLastSequence()
    {
        using var reader = writer.Value.GetReader(false);
        var last = reader.Leaves.LastOrDefault(l => l.AtomicReader.MaxDoc > 0);
        return last is null ? 0 : (int)(last.AtomicReader.GetNumericDocValues(Sequence)?.Get(last.AtomicReader.MaxDoc - 1) ?? 0);
    }

    private static Document ToDocument(IndexedItem i, int sequence, bool late)
    {
        var document = new Document
        {
            new StringField(Id, i.Id.ToString("N"), Field.Store.YES),
            new StringField(IndexNumber, i.IndexNumber, Field.Store.NO),
            new StringField(Genre, i.Genre.ToString(), Field.Store.NO),
            new StringField(Theme, i.Theme.Split('\\')[0], Field.Store.NO),
            new StringField(Validity, i.Validity.ToString(), Field.Store.NO),
            new NumericDocValuesField(ValidityCode, (int)i.Validity),
            new NumericDocValuesField(Published, i.PublishedOn.DayNumber),
            new NumericDocValuesField(Repealed, i.RepealedOn?.DayNumber ?? 0),
            new NumericDocValuesField(Sequence, sequence),
            new NumericDocValuesField(Late, late ? 1 : 0),
            new Field(Title, i.Title, Words),
            new Field(All, $"{i.Title}\n{i.Text}", Words),
            new Field(TitleGrams, i.Title, Grams),
            new Field(AllGrams, $"{i.Title}\n{i.Text}", Grams),
        };
        if (i.DocumentNumber.Length > 0)
            document.Add(new StringField(DocumentNumber, i.DocumentNumber, Field.Store.NO));
        if (late)
            document.Add(new StringField(Late, "1", Field.Store.NO));
        // The unit and every unit above it, so that a subtree is one term.
        for (var end = i.UnitPath.IndexOf('/', 1); end > 0; end = i.UnitPath.IndexOf('/', end + 1))
            document.Add(new StringField(Unit, i.UnitPath[..(end + 1)], Field.Store.NO));
        return document;
    }

    public void Dispose()
    {
        if (searchers.IsValueCreated)
            searchers.Value.Dispose();
        if (writer.IsValueCreated)
            writer.Value.Dispose();
        directory.Dispose();
    }
}
