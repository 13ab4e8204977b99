using System.Net;
using System.Text;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Search;

/// <summary>
/// Catalog search for /search and /api/v1/catalog/search: every word and phrase must occur (as a substring), 文号 and
/// 索引号 match exactly; filtered by unit subtree, 体裁, 主题分类, publication date and 有效性.
/// </summary>
/// <remarks>
/// Order: by date, newest first; or by relevance, which here means items whose title contains every word come first,
/// then the others, each newest first. Both orders read only the newest part of the index (<see cref="NewestFirst"/>),
/// which keeps a query over a million items within milliseconds; the total is then an estimate, marked as such.
/// </remarks>
public sealed class CatalogSearch(GongkaiDb db, CatalogIndex index, TimeProvider clock)
{
    public sealed record Filter(string? Unit = null, Genre? Genre = null, string? Theme = null, DateOnly? From = null, DateOnly? To = null,
        bool ByDate = false, Validity? Validity = null);

    /// <param name="Snippet">HTML: the text around the first match, HTML-encoded, with matches in &lt;mark&gt;.</param>
    public sealed record Hit(string IndexNumber, string Title, string Unit, DateOnly PublishedOn, string DocumentNumber, Genre Genre, string Snippet);

    /// <param name="TotalIsExact">False when <paramref name="Total"/> is estimated (many hits: only the newest were read).</param>
    public sealed record Result(long Total, bool TotalIsExact, int Page, IReadOnlyList<Hit> Hits);

    public const int PageSize = 20;

    /// <summary>Pages beyond this are not served (500 items deep); narrowing the query is the way on.</summary>
    public const int MaxPage = 25;

    /// <exception cref="SearchUnavailableException">The index is being rebuilt or held by another process: results would be wrong.</exception>
    public async Task<Result> SearchAsync(SearchQuery query, Filter filter, int page = 1, CancellationToken ct = default)
    {
        if (index.Status is not IndexStatus.Ready and var status)
            throw new SearchUnavailableException(status);
        page = Math.Clamp(page, 1, MaxPage);
        var (words, conditions, accept) = await ConditionsAsync(query, filter, ct);

        var need = page * PageSize;
        var (ranked, total, exact) = index.Search(searcher =>
        {
            var all = NewestFirst.Collect(searcher, Matching(CatalogIndex.All, words, conditions), need,
                filter.From, filter.To, accept);
            if (filter.ByDate || words.Count == 0)
                return (all.Newest, all.Total, all.Exact);
            var inTitle = Matching(CatalogIndex.Title, words, conditions);
            if (all.Exact && all.Newest.Count == all.Total)
            {
                // Every hit is at hand: which have the words in their title is a look-up, not another search.
                var titled = NewestFirst.Among(searcher, inTitle, all.Newest);
                return ([.. all.Newest.Where(h => titled.Contains(h.Doc)), .. all.Newest.Where(h => !titled.Contains(h.Doc))], all.Total, true);
            }
            var first = NewestFirst.Collect(searcher, inTitle, need, filter.From, filter.To, accept, total: false).Newest;
            var firstDocs = first.Select(h => h.Doc).ToHashSet();
            return ([.. first, .. all.Newest.Where(h => !firstDocs.Contains(h.Doc))], all.Total, all.Exact);
        });
        var docs = ranked.Skip(need - PageSize).Take(PageSize).ToList();
        var ids = index.Search(searcher => docs.Select(h => Guid.ParseExact(searcher.Doc(h.Doc, Identifier).Get(CatalogIndex.Id), "N")).ToList());
        // By id alone, the state checked here: with the state in the query, SQLite read every published item through the
        // office list's (State, PublishedOn, …) index instead of the 20 by their key (45 ms at 200,000 items).
        var rows = (await db.CatalogItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new { i.Id, i.State, i.IndexNumber, i.Title, Unit = i.Unit.FullName, i.PublishedOn, i.DocumentNumber, i.Genre, i.Summary, i.Body })
            .ToListAsync(ct)).Where(i => i.State == CatalogState.Published).ToDictionary(i => i.Id);
        var hits = ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new Hit(r.IndexNumber!, r.Title, r.Unit, r.PublishedOn!.Value,
            r.DocumentNumber, r.Genre, Snippet($"{r.Summary}\n{PublishCatalogItem.PlainText(r.Body).Trim()}", words))).ToList();
        return new Result(Math.Max(total, ranked.Count), exact, page, hits);
    }

    /// <summary>
    /// The exact number of items the search finds (what <see cref="Result.Total"/> estimates when it is not exact), read
    /// hit by hit over the whole index: slow on a big catalog, for checking the estimate (the search bench), not for pages.
    /// </summary>
    public async Task<long> CountExactlyAsync(SearchQuery query, Filter filter, CancellationToken ct = default)
    {
        if (index.Status is not IndexStatus.Ready and var status)
            throw new SearchUnavailableException(status);
        var (words, conditions, accept) = await ConditionsAsync(query, filter, ct);
        return index.Search(searcher => NewestFirst.CountExactly(searcher, Matching(CatalogIndex.All, words, conditions), filter.From, filter.To, accept));
    }

    /// <summary>The words to find, the index conditions of the query and the filter, and the test of 有效性 as it stands today.</summary>
    private async Task<(List<string> Words, List<Query> Conditions, Func<AtomicReader, int, bool>? Accept)> ConditionsAsync(SearchQuery query, Filter filter,
        CancellationToken ct)
    {
        var words = query.Terms.Concat(query.Phrases).ToList();
        var conditions = new List<Query>();
        if (query.IndexNumber is { } indexNumber)
            conditions.Add(new TermQuery(new Term(CatalogIndex.IndexNumber, indexNumber)));
        if (query.DocumentNumber is { } documentNumber)
            conditions.Add(new TermQuery(new Term(CatalogIndex.DocumentNumber, documentNumber)));
        if (!string.IsNullOrEmpty(filter.Unit))
        {
            var path = await db.Units.Where(u => u.Code == filter.Unit).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
            conditions.Add(new TermQuery(new Term(CatalogIndex.Unit, path)));
        }
        if (filter.Genre is { } genre)
            conditions.Add(new TermQuery(new Term(CatalogIndex.Genre, genre.ToString())));
        if (!string.IsNullOrEmpty(filter.Theme))
            conditions.Add(new TermQuery(new Term(CatalogIndex.Theme, filter.Theme.Split('\\')[0])));
        var (validity, accept) = ValidityCondition(filter.Validity, clock.Today());
        if (validity is not null)
            conditions.Add(validity);
        return (words, conditions, accept);
    }

    private static readonly HashSet<string> Identifier = [CatalogIndex.Id];

    /// <summary>Every word in <paramref name="field"/> (<see cref="CatalogIndex.All"/>, <see cref="CatalogIndex.Title"/> or <see cref="CatalogIndex.LetterAll"/>), and every condition.</summary>
    internal static NewestFirst.Matcher Matching(string field, IReadOnlyList<string> words, IReadOnlyList<Query> conditions)
    {
        // Candidates: the words' four-character grams (rare) or, for shorter words, their bigrams, and the conditions.
        // The bigrams' positions are read afterwards, for the candidates only (see NewestFirst.Matcher).
        var candidates = new List<Query>();
        var grams = field switch
        {
            CatalogIndex.Title => CatalogIndex.TitleGrams,
            CatalogIndex.LetterAll => CatalogIndex.LetterAllGrams,
            _ => CatalogIndex.AllGrams,
        };
        var phrases = new List<PhraseQuery>();
        foreach (var word in words)
        {
            if (word.Length == 1 && CatalogAnalyzer.IsHan(word[0]))
            {
                candidates.Add(SingleCharacter(field, word[0]));
                continue;
            }
            var phrase = Phrase(field, word);
            var covering = CatalogAnalyzer.Grams(word).Distinct().ToList();
            foreach (var term in covering.Count > 0 ? covering.Select(g => new Term(grams, g)) : phrase.GetTerms())
                candidates.Add(new TermQuery(term));
            // One bigram, or a word that is one gram itself, is found exactly by its term: no positions to read.
            if (phrase.GetTerms().Length > 1 && !(covering.Count == 1 && covering[0] == word))
                phrases.Add(phrase);
        }
        candidates.AddRange(conditions);
        // No word and no filter: every item, but not the letters that share the index (a word or a filter names catalog
        // fields, which letters do not have — the exclusion costs nothing then).
        if (candidates.Count == 0)
            candidates.Add(CatalogIndex.CatalogOnly);
        return new(candidates, phrases);
    }

    /// <summary>
    /// One Chinese character, wherever it occurs: the field holds it as the first character of a bigram (a prefix of the
    /// sorted terms: one seek), as the second (the last character of a run: the terms are walked by their first
    /// character, one seek each) or alone (a character between punctuation, which the prefix covers). The items are the
    /// union of those terms' postings: quick on a portal's catalog (a few milliseconds on the demo's 3,000 items); on
    /// very large indexes a common character (市, 的) reads every posting of a few thousand bigrams, so such a query costs
    /// about as much as reading that character's share of the index once.
    /// </summary>
    internal static Query SingleCharacter(string field, char character)
    {
        var text = character.ToString();
        return new BooleanQuery
        {
            { new PrefixQuery(new Term(field, text)), Occur.SHOULD },
            { new WildcardQuery(new Term(field, "?" + text)), Occur.SHOULD },
        };
    }

    /// <summary>
    /// 有效性 as it stands today (<see cref="CatalogTerms.EffectiveValidity"/>): the recorded value narrows the search,
    /// and the 废止日期 decides between 有效 and 失效 item by item.
    /// </summary>
    private static (Query? Query, Func<AtomicReader, int, bool>? Accept) ValidityCondition(Validity? wanted, DateOnly today)
    {
        if (wanted is not { } validity)
            return (null, null);
        var recorded = validity == Validity.Expired ? [Validity.Expired, Validity.InForce] : new[] { validity };
        var query = new BooleanQuery();
        foreach (var v in recorded)
            query.Add(new TermQuery(new Term(CatalogIndex.Validity, v.ToString())), Occur.SHOULD);
        // The segment's values are looked up once per segment, not per item (the test runs for every candidate of a sample).
        (AtomicReader? Reader, NumericDocValues? Recorded, NumericDocValues? Repealed) last = default;
        return (query, (reader, doc) =>
        {
            if (!ReferenceEquals(last.Reader, reader))
                last = (reader, reader.GetNumericDocValues(CatalogIndex.ValidityCode), reader.GetNumericDocValues(CatalogIndex.Repealed));
            var recorded = (Validity)last.Recorded!.Get(doc);
            var repealed = last.Repealed!.Get(doc);
            return CatalogTerms.EffectiveValidity(recorded, repealed == 0 ? null : DateOnly.FromDayNumber((int)repealed), today) == validity;
        }
        );
    }

    /// <summary>A word as a phrase of its bigrams at their positions: found wherever the word occurs as a substring.</summary>
    internal static PhraseQuery Phrase(string field, string words)
    {
        var phrase = new PhraseQuery();
        using var stream = new CatalogAnalyzer().GetTokenStream(field, words);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            phrase.Add(new Term(field, term.ToString()), position);
        }
        stream.End();
        return phrase;
    }

    /// <summary>About 120 characters around the first match, HTML-encoded, with every match in &lt;mark&gt;.</summary>
    /// <remarks>
    /// The matches are found in the text as it is and each piece is encoded afterwards, so a word is never looked for in
    /// markup or entities: a search for 「mark」, 「amp」 or 「quot」 must not mark inside &lt;mark&gt; or &amp;amp; (issue 13).
    /// </remarks>
    public static string Snippet(string text, IReadOnlyList<string> words)
    {
        text = Core.Catalog.OfficialTextLayout.JoinSpacesInsideChinese(text);   // paragraphs run together: no 「。 」
        var first = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - 40);
        var window = text.Substring(start, Math.Min(120, text.Length - start));
        return (start > 0 ? "…" : "") + Mark(window, words) + (start + window.Length < text.Length ? "…" : "");
    }

    /// <summary>The whole text HTML-encoded with every match of the words in &lt;mark&gt; (a title; a snippet's window).</summary>
    public static string Mark(string window, IReadOnlyList<string> words)
    {
        var marked = new bool[window.Length];
        foreach (var word in words.Where(w => w.Length > 0))
            for (var at = window.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = window.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
                Array.Fill(marked, true, at, word.Length);
        var html = new StringBuilder();
        for (int from = 0, to; from < window.Length; from = to)
        {
            for (to = from + 1; to < window.Length && marked[to] == marked[from]; to++) { }
            var piece = WebUtility.HtmlEncode(window[from..to]);
            html.Append(marked[from] ? $"<mark>{piece}</mark>" : piece);
        }
        return html.ToString();
    }
}

/// <summary>Search cannot answer now; the message says why, in Chinese.</summary>
public sealed class SearchUnavailableException(IndexStatus status) : Exception(status == IndexStatus.Rebuilding
    ? "检索索引正在从数据库重建，暂时无法检索，请稍后再试。"
    : "检索服务暂不可用（索引正被维护），请稍后再试。")
{
    public IndexStatus Status { get; } = status;
}
