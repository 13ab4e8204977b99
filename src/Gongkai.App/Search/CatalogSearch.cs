using System.Net;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Search;

/// <summary>
/// Catalog search for /search and /api/v1/catalog/search: every word and phrase must occur (as a substring), 文号 and
/// 索引号 match exactly; filtered by unit subtree, 体裁, 主题分类 and publication date; by relevance or newest first.
/// </summary>
public sealed class CatalogSearch(GongkaiDb db, CatalogIndex index)
{
    public sealed record Filter(string? Unit = null, Genre? Genre = null, string? Theme = null, DateOnly? From = null, DateOnly? To = null, bool ByDate = false);

    /// <param name="Snippet">HTML: the text around the first match, HTML-encoded, with matches in &lt;mark&gt;.</param>
    public sealed record Hit(string IndexNumber, string Title, string Unit, DateOnly PublishedOn, string DocumentNumber, Genre Genre, string Snippet);

    public sealed record Result(int Total, int Page, IReadOnlyList<Hit> Hits);

    public const int PageSize = 20;

    public async Task<Result> SearchAsync(SearchQuery query, Filter filter, int page = 1, CancellationToken ct = default)
    {
        var lucene = new BooleanQuery();
        foreach (var word in query.Terms.Concat(query.Phrases))
            lucene.Add(Phrase(word), Occur.MUST);
        if (query.IndexNumber is { } indexNumber)
            lucene.Add(new TermQuery(new Term("indexno", indexNumber)), Occur.MUST);
        if (query.DocumentNumber is { } documentNumber)
            lucene.Add(new TermQuery(new Term("docno", documentNumber)), Occur.MUST);
        if (!string.IsNullOrEmpty(filter.Unit))
        {
            var path = await db.Units.Where(u => u.Code == filter.Unit).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
            lucene.Add(new PrefixQuery(new Term("unitpath", path)), Occur.MUST);
        }
        if (filter.Genre is { } genre)
            lucene.Add(new TermQuery(new Term("genre", genre.ToString())), Occur.MUST);
        if (!string.IsNullOrEmpty(filter.Theme))
            lucene.Add(new TermQuery(new Term("theme", filter.Theme.Split('\\')[0])), Occur.MUST);
        if (filter.From is not null || filter.To is not null)
            lucene.Add(NumericRangeQuery.NewInt32Range("published", filter.From?.DayNumber, filter.To?.DayNumber, true, true), Occur.MUST);

        page = Math.Max(1, page);
        var words = query.Terms.Concat(query.Phrases).ToList();
        return index.Search(searcher =>
        {
            var top = filter.ByDate
                ? searcher.Search(lucene, null, page * PageSize, new Sort(new SortField("published_sort", SortFieldType.INT32, true)))
                : searcher.Search(lucene, page * PageSize);
            var hits = top.ScoreDocs.Skip((page - 1) * PageSize).Select(d => searcher.Doc(d.Doc)).Select(doc => new Hit(
                doc.Get("indexno"), doc.Get("title"), doc.Get("unit"), DateOnly.FromDayNumber(doc.GetField("published").GetInt32Value()!.Value),
                doc.Get("docno"), Enum.Parse<Genre>(doc.Get("genre")), Snippet(doc.Get("text"), words))).ToList();
            return new Result(top.TotalHits, page, hits);
        });
    }

    /// <summary>A word as a phrase of its bigrams at their positions: found wherever the word occurs as a substring.</summary>
    private static Query Phrase(string words)
    {
        var phrase = new PhraseQuery();
        using var stream = new CatalogAnalyzer().GetTokenStream("all", words);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            phrase.Add(new Term("all", term.ToString()), position);
        }
        stream.End();
        return phrase;
    }

    /// <summary>About 120 characters around the first match, with every match marked.</summary>
    public static string Snippet(string text, IReadOnlyList<string> words)
    {
        var first = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - 40);
        var window = text.Substring(start, Math.Min(120, text.Length - start));
        var html = WebUtility.HtmlEncode(window);
        foreach (var word in words.OrderByDescending(w => w.Length))
            html = html.Replace(WebUtility.HtmlEncode(word), $"<mark>{WebUtility.HtmlEncode(word)}</mark>", StringComparison.OrdinalIgnoreCase);
        return (start > 0 ? "…" : "") + html + (start + window.Length < text.Length ? "…" : "");
    }
}
