using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Configuration;

namespace Gongkai.Tests.Search;

/// <summary>
/// Reading the index newest first from its end: the same items in the same order as sorting every hit by date, also
/// when items were added out of publication order, within a date range, and with an honest estimate of the total.
/// </summary>
public sealed class NewestFirstTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gongkai-index-" + Guid.NewGuid().ToString("N"));
    private readonly CatalogIndex index;
    private static readonly DateOnly Start = new(2022, 1, 1);

    public NewestFirstTests() =>
        index = new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Search:IndexPath"] = folder }).Build());

    private static IndexedItem Item(int n, DateOnly published, string text, Genre genre = Genre.Notice) =>
        new(Guid.NewGuid(), $"IDX-{n}", $"标题{n}", text, "", "/a/b/", genre, "综合政务", published, Validity.InForce, null);

    /// <summary>Every hit of the query sorted by date (newest first), then by index order: what the scan must agree with.</summary>
    private List<(DateOnly Day, string Id)> Everything(Query query, DateOnly? from = null, DateOnly? to = null) => index.Search(searcher =>
        searcher.Search(query, int.MaxValue / 2).ScoreDocs
            .Select(d => (Doc: d.Doc, Day: DateOnly.FromDayNumber((int)MultiDocValues.GetNumericValues(searcher.IndexReader, CatalogIndex.Published).Get(d.Doc))))
            .Where(h => (from is null || h.Day >= from) && (to is null || h.Day <= to))
            .OrderByDescending(h => h.Day).ThenByDescending(h => h.Doc)
            .Select(h => (h.Day, searcher.Doc(h.Doc).Get(CatalogIndex.Id))).ToList());

    private List<(DateOnly Day, string Id)> Scan(Query query, int need, DateOnly? from = null, DateOnly? to = null, Func<NewestFirst.Hits, bool>? check = null) =>
        Scan([query], need, from, to, check);

    private List<(DateOnly Day, string Id)> Scan(Query[] all, int need, DateOnly? from = null, DateOnly? to = null, Func<NewestFirst.Hits, bool>? check = null) =>
        index.Search(searcher =>
        {
            var hits = NewestFirst.Collect(searcher, new(all, []), need, from, to);
            Assert.True(check?.Invoke(hits) ?? true);
            return hits.Newest.Take(need).Select(h => (DateOnly.FromDayNumber(h.Day), searcher.Doc(h.Doc).Get(CatalogIndex.Id))).ToList();
        });

    private static Query Word(string word) => new TermQuery(new Term(CatalogIndex.All, word));

    [Fact]
    public void Items_added_out_of_order_should_still_come_newest_first_and_within_the_date_range()
    {
        var random = new Random(26);
        // Mostly in publication order, as publications arrive; every tenth item an older one (an import, a change).
        var days = Enumerable.Range(0, 3000).Select(i => random.Next(10) == 0 ? Start.AddDays(random.Next(0, 1 + i / 3)) : Start.AddDays(i / 3)).ToList();
        for (var i = 0; i < days.Count; i++)
            index.Upsert(Item(i, days[i], random.Next(3) == 0 ? "防汛工作" : "安全生产"));
        index.Commit();

        foreach (var (from, to) in new (DateOnly?, DateOnly?)[] { (null, null), (Start.AddDays(200), Start.AddDays(400)), (null, Start.AddDays(50)), (Start.AddDays(990), null) })
        {
            var everything = Everything(Word("防汛"), from, to);
            foreach (var need in new[] { 1, 20, 300, 5000 })
                Assert.Equal(everything.Take(need), Scan(Word("防汛"), need, from, to));
        }
    }

    [Fact]
    public void Several_conditions_should_give_exactly_the_items_meeting_them_all_across_the_windows_read()
    {
        var random = new Random(7);
        var day = 0;
        for (var i = 0; i < 40_000; i++)
        {
            var words = new List<string>();
            if (random.Next(3) == 0)
                words.Add("防汛");
            if (random.Next(2) == 0)
                words.Add("工作");
            if (random.Next(2000) == 0)
                words.Add("罕见");
            day += random.Next(4) == 0 ? 1 : 0;
            index.Upsert(Item(i, Start.AddDays(day), string.Join("，", words), random.Next(5) == 0 ? Genre.Plan : Genre.Notice));
        }
        index.Commit();

        var plan = new TermQuery(new Term(CatalogIndex.Genre, nameof(Genre.Plan)));
        // Common with common, rare with common (the windows between its hits hold none), and a word with a filter.
        foreach (var all in new[] { new[] { Word("防汛"), Word("工作") }, [Word("罕见"), Word("工作")], [Word("工作"), Word("罕见"), plan], [plan, Word("防汛")] })
        {
            var both = new BooleanQuery();
            foreach (var query in all)
                both.Add(query, Occur.MUST);
            foreach (var (from, to) in new (DateOnly?, DateOnly?)[] { (null, null), (Start.AddDays(1000), Start.AddDays(6000)) })
            {
                var everything = Everything(both, from, to);
                foreach (var need in new[] { 1, 20, 300, 50_000 })
                    Assert.Equal(everything.Take(need), Scan(all, need, from, to));
            }
        }
    }

    [Fact]
    public void A_common_word_should_be_counted_by_estimate_and_a_rare_one_exactly()
    {
        var random = new Random(12);
        var common = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var isCommon = random.Next(2) == 0;
            common += isCommon ? 1 : 0;
            index.Upsert(Item(i, Start.AddDays(i / 20), (isCommon ? "工作" : "事项") + (i % 1000 == 0 ? " 罕见" : "")));
        }
        index.Commit();

        Scan(Word("工作"), 20, check: hits =>
        {
            Assert.False(hits.Exact);
            Assert.InRange(hits.Total, common * 0.85, common * 1.15);
            return true;
        });
        Scan(Word("罕见"), 20, check: hits => hits.Exact && hits.Total == 20);
    }

    /// <summary>
    /// A word much denser lately than before (解读 required of late) or the other way round (a campaign of past years): the
    /// newest part read for the first page is no fair sample of the rest. Extrapolated from it, the totals here came out at
    /// about 5× and a quarter of the true counts; a sample spread over the whole range puts them within ±10%.
    /// </summary>
    [Theory]
    [InlineData(50, 5)]
    [InlineData(10, 40)]
    public void A_word_denser_in_some_years_than_in_the_newest_should_still_be_estimated_within_ten_percent(int newestPercent, int olderPercent)
    {
        var random = new Random(19);
        var (items, newest) = (30_000, 3_000);
        var day = 0;
        var withWord = 0;
        for (var i = 0; i < items; i++)
        {
            var has = random.Next(100) < (i >= items - newest ? newestPercent : olderPercent);
            withWord += has ? 1 : 0;
            day += random.Next(30) == 0 ? 1 : 0;
            index.Upsert(Item(i, Start.AddDays(day), has ? "政策解读" : "工作动态"));
        }
        index.Commit();

        Scan(Word("解读"), 20, check: hits =>
        {
            Assert.InRange(hits.Total, withWord * 0.9, withWord * 1.1);
            return true;
        });
    }

    /// <summary>
    /// A three-character word is found by its two bigrams, and then by their positions: 「作报告」 in 工作报告, not in
    /// 工作报表、年度报告, which holds both bigrams. When the items holding both are counted and only a sample of them is
    /// checked for the word, the share of real hits among them must be measured over the whole range, not taken from the
    /// newest part: here 90% of them lately and half before (taken from the newest, the total would come out 70% high).
    /// </summary>
    [Fact]
    public void A_word_whose_share_among_the_items_holding_its_bigrams_changed_over_the_years_should_be_estimated_within_ten_percent()
    {
        var random = new Random(23);
        var (items, newest) = (80_000, 2_000);
        var (day, withWord) = (0, 0);
        for (var i = 0; i < items; i++)
        {
            var text = "工作动态";
            if (random.Next(100) < 2)
            {
                var hit = random.Next(100) < (i >= items - newest ? 90 : 50);
                withWord += hit ? 1 : 0;
                text = hit ? "工作报告" : "工作报表，年度报告";
            }
            day += random.Next(30) == 0 ? 1 : 0;
            index.Upsert(Item(i, Start.AddDays(day), text));
        }
        index.Commit();

        var hits = index.Search(searcher => NewestFirst.Collect(searcher, CatalogSearch.Matching(CatalogIndex.All, ["作报告"], []), 1, null, null));

        Assert.False(hits.Exact);
        Assert.InRange(hits.Total, withWord * 0.9, withWord * 1.1);
    }

    [Fact]
    public void A_word_of_four_or_more_characters_should_be_narrowed_by_grams_that_cover_it()
    {
        Assert.Equal(["青岚市卫", "市卫生健"], CatalogAnalyzer.Grams("青岚市卫生健"));
        Assert.Equal(["防汛工作"], CatalogAnalyzer.Grams("2024防汛工作"));   // letters and digits are no part of a gram
        Assert.Empty(CatalogAnalyzer.Grams("防汛 工作"));
        Assert.Empty(CatalogAnalyzer.Grams("防汛"));
    }

    public void Dispose()
    {
        index.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
