using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Tests.Search;

/// <summary>
/// A bulk addition indexes runs of items on several threads, each run in a partition of its own, and joins the
/// partitions in order: the index must hold the items in the same order as adding them one by one would, so that
/// newest-first reading gives the same hits in the same order (items of one day included).
/// </summary>
public sealed class BulkAdditionTests : IDisposable
{
    private static readonly DateOnly Start = new(2023, 1, 1);
    private readonly List<(string Folder, CatalogIndex Index)> indexes = [];

    private CatalogIndex NewIndex()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gongkai-bulk-" + Guid.NewGuid().ToString("N"));
        var index = new CatalogIndex(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = folder }).Build());
        indexes.Add((folder, index));
        return index;
    }

    /// <summary>Items in publication order, many on each day (a partition boundary falls inside days), words spread unevenly.</summary>
    private static List<IndexedItem> Items(int count)
    {
        var random = new Random(19);
        var day = 0;
        return [.. Enumerable.Range(0, count).Select(n =>
        {
            day += random.Next(6) == 0 ? 1 : 0;
            var text = string.Join("，", new[] { "防汛抗旱", "安全生产", "工作要点", "罕见词语" }.Where((_, k) => random.Next(k == 3 ? 40 : 3) == 0));
            return new IndexedItem(Guid.NewGuid(), $"IDX-{n}", $"标题{n}", text, "", "/a/b/", random.Next(4) == 0 ? Genre.Plan : Genre.Notice, "综合政务",
                Start.AddDays(day), Validity.InForce, null);
        })];
    }

    /// <summary>The items' ids in index order, with their order key (deleted documents left out).</summary>
    private static List<(string Id, long Sequence)> InIndexOrder(CatalogIndex index) => index.Search(searcher =>
    {
        var sequence = MultiDocValues.GetNumericValues(searcher.IndexReader, CatalogIndex.Sequence);
        var live = MultiFields.GetLiveDocs(searcher.IndexReader);
        return Enumerable.Range(0, searcher.IndexReader.MaxDoc).Where(d => live is null || live.Get(d))
            .Select(d => (searcher.Doc(d).Get(CatalogIndex.Id), sequence.Get(d))).ToList();
    });

    private static List<string> Newest(CatalogIndex index, Query query, int need) => index.Search(searcher =>
        NewestFirst.Collect(searcher, new([query], []), need, null, null).Newest.Take(need).Select(h => searcher.Doc(h.Doc).Get(CatalogIndex.Id)).ToList());

    private static Query Phrase(params string[] bigrams)
    {
        var phrase = new PhraseQuery();
        foreach (var bigram in bigrams)
            phrase.Add(new Term(CatalogIndex.All, bigram));
        return phrase;
    }

    [Fact]
    public void Partitions_built_on_two_threads_should_be_joined_in_publication_order_giving_the_serial_index_and_its_results()
    {
        var items = Items(2_000);
        var serial = NewIndex();
        foreach (var item in items)
            serial.Upsert(item);
        serial.Commit();
        var bulk = NewIndex();
        using (var addition = bulk.BeginBulk(threads: 2, chunk: 7))
        {
            foreach (var item in items)
                addition.Add(item);
            addition.Complete();
        }
        bulk.Commit();

        var order = InIndexOrder(bulk);
        Assert.Equal(items.Select(i => i.Id.ToString("N")), order.Select(o => o.Id));   // the order they were added in
        Assert.Equal(InIndexOrder(serial), order);
        var queries = new Query[]
        {
            Phrase("防汛", "汛抗", "抗旱"), Phrase("罕见", "见词", "词语"), new TermQuery(new Term(CatalogIndex.Genre, nameof(Genre.Plan))),
            new BooleanQuery { { Phrase("安全", "全生", "生产"), Occur.MUST }, { Phrase("工作", "作要", "要点"), Occur.MUST } },
        };
        foreach (var query in queries)
        {
            foreach (var need in new[] { 1, 20, 150, 2_000 })
            {
                var expected = Newest(serial, query, need);
                Assert.NotEmpty(expected);
                Assert.Equal(expected, Newest(bulk, query, need));
            }
        }
    }

    [Fact]
    public void An_addition_given_up_should_leave_the_index_as_it_was_and_later_items_in_order()
    {
        var items = Items(300);
        var index = NewIndex();
        foreach (var item in items.Take(100))
            index.Upsert(item);
        index.Commit();
        using (var addition = index.BeginBulk(threads: 2, chunk: 9))
        {
            foreach (var item in items.Skip(100).Take(150))
                addition.Add(item);
            // not completed: a failed database write gives it up
        }
        index.Commit();
        Assert.Equal(items.Take(100).Select(i => i.Id.ToString("N")), InIndexOrder(index).Select(o => o.Id));
        Assert.Empty(Directory.EnumerateDirectories(Path.GetDirectoryName(index.Folder)!, Path.GetFileName(index.Folder) + ".bulk-*"));

        // The order key was moved back: the rest are added in order, none marked late.
        using (var addition = index.BeginBulk(threads: 2, chunk: 9))
        {
            foreach (var item in items.Skip(100))
                addition.Add(item);
            addition.Complete();
        }
        index.Commit();
        var order = InIndexOrder(index);
        Assert.Equal(items.Select(i => i.Id.ToString("N")), order.Select(o => o.Id));
        Assert.Equal(items.Select(i => (long)i.PublishedOn.DayNumber), order.Select(o => o.Sequence));
    }

    public void Dispose()
    {
        foreach (var (folder, index) in indexes)
        {
            index.Dispose();
            if (Directory.Exists(folder))
                Directory.Delete(folder, recursive: true);
        }
    }
}
