using Gongkai.Core.Catalog;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.Search;

/// <summary>One catalog item as the index holds it.</summary>
public sealed record IndexedItem(Guid Id, string IndexNumber, string Title, string Text, string DocumentNumber, string UnitPath,
    string Unit, Genre Genre, string Theme, DateOnly PublishedOn);

/// <summary>
/// The Lucene index of the published catalog, under Search:IndexPath (default ./data/search). It is only a cache of
/// the database: it can be deleted and rebuilt at any time (`gongkai search rebuild`). One process writes to it.
/// </summary>
public sealed class CatalogIndex : IDisposable
{
    private readonly Lucene.Net.Store.Directory directory;
    private readonly Lazy<IndexWriter> writer;
    private readonly Lazy<SearcherManager> searchers;

    public CatalogIndex(IConfiguration configuration)
    {
        var path = Path.GetFullPath(configuration["Search:IndexPath"] ?? "data/search");
        System.IO.Directory.CreateDirectory(path);
        directory = FSDirectory.Open(path);
        writer = new(() => new IndexWriter(directory, new IndexWriterConfig(CatalogAnalyzer.Version, new CatalogAnalyzer())
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            RAMBufferSizeMB = 64,
        }));
        searchers = new(() => new SearcherManager(writer.Value, true, null));
    }

    public void Upsert(IndexedItem item) => writer.Value.UpdateDocument(new Term("id", item.Id.ToString("N")), ToDocument(item));

    public void Delete(Guid id) => writer.Value.DeleteDocuments(new Term("id", id.ToString("N")));

    public void Clear() => writer.Value.DeleteAll();

    /// <summary>Makes the changes durable and visible to searches.</summary>
    public void Commit()
    {
        writer.Value.Commit();
        searchers.Value.MaybeRefreshBlocking();
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

    private static Document ToDocument(IndexedItem i) =>
    [
        new StringField("id", i.Id.ToString("N"), Field.Store.YES),
        new StringField("indexno", i.IndexNumber, Field.Store.YES),
        new StringField("docno", i.DocumentNumber, Field.Store.YES),
        new StringField("unitpath", i.UnitPath, Field.Store.NO),
        new StringField("genre", i.Genre.ToString(), Field.Store.YES),
        new StringField("theme", i.Theme.Split('\\')[0], Field.Store.NO),
        new Int32Field("published", i.PublishedOn.DayNumber, Field.Store.YES),
        new NumericDocValuesField("published_sort", i.PublishedOn.DayNumber),
        new StoredField("unit", i.Unit),
        new StoredField("title", i.Title),
        new StoredField("text", i.Text),
        new TextField("all", $"{i.Title}\n{i.Text}", Field.Store.NO),
    ];

    public void Dispose()
    {
        if (searchers.IsValueCreated)
            searchers.Value.Dispose();
        if (writer.IsValueCreated)
            writer.Value.Dispose();
        directory.Dispose();
    }
}
