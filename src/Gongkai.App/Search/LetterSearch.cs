using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Core.Units;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Search;

/// <summary>
/// Published letters (公开选登) for /hdjl/letters and GET /api/v1/letters, from the same index as the catalog
/// (<see cref="CatalogIndex"/>) with the catalog's query semantics (<see cref="SearchQuery"/>: every word of 2+
/// characters and every phrase must occur as a substring of the published subject, content or answer), filtered by
/// mailbox, type and arrival date, newest answer first; and letters like a text being written, for the writer and for staff.
/// </summary>
/// <remarks>
/// Letters are read newest first from the end of the index, as catalog items are (<see cref="NewestFirst"/>): by the
/// order they were published in, each page's hits sorted by the day they were answered. With many hits only the newest
/// part is read and the total is an estimate (<see cref="Result.TotalIsExact"/> false), as in catalog search.
/// </remarks>
public sealed class LetterSearch(GongkaiDb db, CatalogIndex index)
{
    /// <param name="Mailbox">The mailbox's unit code, or <see cref="WriteLetter.ErrorChannel"/>.</param>
    /// <param name="From">Letters received on or after this day; <paramref name="To"/>: on or before.</param>
    public sealed record Filter(string? Mailbox = null, LetterType? Type = null, DateOnly? From = null, DateOnly? To = null);

    /// <param name="Snippet">HTML: the text around the first match, encoded, with matches in &lt;mark&gt;.</param>
    /// <param name="AnsweredOn">The answer's day (for a published letter being handled again: the day it was published).</param>
    public sealed record Hit(string Number, string Subject, string Mailbox, LetterType Type, DateOnly ReceivedOn, DateOnly AnsweredOn, string AnsweringUnit, string Snippet);

    /// <param name="TotalIsExact">False when <paramref name="Total"/> is estimated (many hits: only the newest were read).</param>
    public sealed record Result(long Total, bool TotalIsExact, int Page, IReadOnlyList<Hit> Hits);

    public const int PageSize = 20;
    public const int MaxPage = 25;

    /// <param name="query">Null lists every published letter, newest answer first.</param>
    /// <exception cref="SearchUnavailableException">The index is being rebuilt or held by another process: results would be wrong.</exception>
    public async Task<Result> SearchAsync(SearchQuery? query, Filter filter, int page = 1, CancellationToken ct = default)
    {
        if (index.Status is not IndexStatus.Ready and var status)
            throw new SearchUnavailableException(status);
        page = Math.Clamp(page, 1, MaxPage);
        // A 文号 or 索引号 typed is looked for as a phrase: letters quote them, they are not catalog items.
        var words = query is null ? [] : query.Terms.Concat(query.Phrases).Concat(new[] { query.IndexNumber, query.DocumentNumber }.OfType<string>()).ToList();
        var conditions = new List<Query>();
        if (!string.IsNullOrWhiteSpace(filter.Mailbox))
            conditions.Add(new TermQuery(new Term(CatalogIndex.Mailbox, MailboxKey(filter.Mailbox))));
        if (filter.Type is { } type)
            conditions.Add(new TermQuery(new Term(CatalogIndex.LetterType, type.ToString())));
        if (Months(filter) is { } months)
            conditions.Add(months);
        if (words.Count == 0 && conditions.Count == 0)
            conditions.Add(CatalogIndex.LettersOnly);
        var received = Received(filter);

        var need = page * PageSize;
        // A letter is published after it arrives: those received from a day on were published from that day on, a range
        // of the letters' order. The arrival day itself is checked letter by letter.
        var (ids, total, exact) = index.Search(searcher =>
        {
            var hits = NewestFirst.Collect(searcher, CatalogSearch.Matching(CatalogIndex.LetterAll, words, conditions), need,
                filter.From, null, received, NewestFirst.Order.Letters);
            return (Ids(searcher, hits.Newest.Skip(need - PageSize).Take(PageSize).Select(h => h.Doc)), Math.Max(hits.Total, hits.Newest.Count), hits.Exact);
        });
        var hits = await HitsAsync(ids, words, answerOnly: false, ct);
        return new Result(total, exact, page, hits);
    }

    /// <summary>
    /// Published letters like a text being written (its subject and content as typed), most alike first: shown to the
    /// writer before sending, so that a question already answered need not be asked again, and to staff answering one.
    /// Alike means sharing the most of the text's salient words (<see cref="LetterWords.Salient"/>), at least two of
    /// them when it has two; among equals, the newest answer first.
    /// </summary>
    /// <exception cref="SearchUnavailableException">The index is being rebuilt or held by another process.</exception>
    public async Task<IReadOnlyList<Hit>> SimilarAsync(string subject, string content, int max = 5, CancellationToken ct = default)
    {
        var words = LetterWords.Salient($"{subject} {content}");
        if (words.Count == 0 || max <= 0)
            return [];
        if (index.Status is not IndexStatus.Ready and var status)
            throw new SearchUnavailableException(status);
        // Each word counts once, whatever its frequency or rarity: the score is the number of words a letter holds.
        var alike = new BooleanQuery { MinimumNumberShouldMatch = Math.Min(2, words.Count) };
        foreach (var word in words)
            alike.Add(new ConstantScoreQuery(CatalogSearch.Phrase(CatalogIndex.LetterAll, word)), Occur.SHOULD);
        var order = new Sort(SortField.FIELD_SCORE, new SortField(CatalogIndex.Answered, SortFieldType.INT64, true));
        var ids = index.Search(searcher => Ids(searcher, searcher.Search(alike, null, max, order, true, false).ScoreDocs.Select(d => d.Doc)));
        return await HitsAsync(ids, words, answerOnly: true, ct);
    }

    private static readonly HashSet<string> Identifier = [CatalogIndex.Id];

    /// <summary>Whether a letter arrived within the filter's dates (null: any date), read from the index's values of the segment at hand.</summary>
    private static Func<AtomicReader, int, bool>? Received(Filter filter)
    {
        if (filter.From is null && filter.To is null)
            return null;
        var (low, high) = (filter.From?.DayNumber ?? int.MinValue, filter.To?.DayNumber ?? int.MaxValue);
        AtomicReader? segment = null;
        NumericDocValues? days = null;
        return (reader, doc) =>
        {
            if (reader != segment)
                (segment, days) = (reader, reader.GetNumericDocValues(CatalogIndex.Received));   // once a segment, not once a letter
            var day = days?.Get(doc) ?? 0;
            return day >= low && day <= high;
        };
    }

    /// <summary>At most this many months of arrival are looked up as terms; a longer range is checked letter by letter only.</summary>
    private const int MaxMonths = 36;

    /// <summary>
    /// The months of arrival a closed date range covers, as one condition: letters are in the order they were published,
    /// which says nothing about how late a letter of a past quarter was published, so without it the letters published
    /// since would all be read and refused. The days at either end are checked letter by letter.
    /// </summary>
    private static BooleanQuery? Months(Filter filter)
    {
        if (filter.From is not { } from || filter.To is not { } to || to < from)
            return null;
        var (first, last) = (from.Year * 12 + from.Month - 1, to.Year * 12 + to.Month - 1);
        if (last - first >= MaxMonths)
            return null;
        var months = new BooleanQuery();
        for (var m = first; m <= last; m++)
            months.Add(new TermQuery(new Term(CatalogIndex.ReceivedMonth, CatalogIndex.MonthTerm(new DateOnly(m / 12, m % 12 + 1, 1)))), Occur.SHOULD);
        return months;
    }

    private static List<Guid> Ids(IndexSearcher searcher, IEnumerable<int> docs) =>
        [.. docs.Select(doc => Guid.ParseExact(searcher.Doc(doc, Identifier).Get(CatalogIndex.Id), "N"))];

    /// <summary>A mailbox as the index names it: the unit code as <see cref="OrganisationCode"/> writes it, or the error channel.</summary>
    private static string MailboxKey(string mailbox) =>
        string.Equals(mailbox.Trim(), WriteLetter.ErrorChannel, StringComparison.OrdinalIgnoreCase) ? WriteLetter.ErrorChannel
        : OrganisationCode.TryParse(mailbox, out var code, out _) ? code!.Value : mailbox.Trim();

    /// <summary>The letters as shown, in the order of <paramref name="ids"/>, from the database (a letter withdrawn meanwhile is left out).</summary>
    private async Task<List<Hit>> HitsAsync(List<Guid> ids, IReadOnlyList<string> words, bool answerOnly, CancellationToken ct)
    {
        if (ids.Count == 0)
            return [];
        // By id alone, the publication checked here, so that the key is the only index worth using (see CatalogSearch).
        var rows = (await db.Letters.AsNoTracking().Where(l => ids.Contains(l.Id))
            .Select(l => new
            {
                l.Id,
                l.Published,
                l.Number,
                l.PublishedSubject,
                l.PublishedContent,
                l.PublishedAnswer,
                l.Channel,
                Mailbox = db.Mailboxes.Where(m => m.UnitId == l.MailboxUnitId).Select(m => m.Name).FirstOrDefault() ?? l.MailboxUnit.ShortName,
                l.Type,
                l.ReceivedOn,
                l.AnsweredOn,
                l.PublishedOn,
                Unit = l.Unit.FullName
            })
            .ToListAsync(ct)).Where(l => l.Published).ToDictionary(l => l.Id);
        return [.. ids.Where(rows.ContainsKey).Select(id => rows[id]).Select(r => new Hit(r.Number, r.PublishedSubject,
            r.Channel == LetterChannel.SiteError ? "我为政府网站找错" : r.Mailbox, r.Type, r.ReceivedOn, r.AnsweredOn ?? r.PublishedOn!.Value, r.Unit,
            CatalogSearch.Snippet(answerOnly ? r.PublishedAnswer : $"{r.PublishedContent}\n{r.PublishedAnswer}", words)))];
    }
}

/// <summary>
/// The words of a letter worth looking for: every pair of neighbouring Chinese characters (the catalog index's unit, so
/// any pair is found as a substring) and Latin or digit runs of 3+, leaving out pairs with a function character
/// (的、了、和 …) or a common phrase of letters (您好、请问、反映 …); the most frequent first, then in reading order.
/// </summary>
public static class LetterWords
{
    private static readonly HashSet<string> Common = ["您好", "你好", "请问", "我是", "我们", "我想", "谢谢", "感谢", "领导", "市长", "问题", "情况", "反映", "希望", "能否", "是否", "什么", "怎么", "如何", "可以", "这个", "那个", "一下", "现在", "目前", "相关", "部门", "政府", "有关", "关于", "尽快", "处理", "解决"];

    private const string Function = "的了和与及或是在有没不很也就都而把被让给对从向这那其之个们吗呢吧啊请您你我他她它";

    public static IReadOnlyList<string> Salient(string text, int max = 8)
    {
        var runs = System.Text.RegularExpressions.Regex.Matches(text, @"\p{IsCJKUnifiedIdeographs}{2,}|[A-Za-z0-9]{3,}").Select(m => m.Value);
        var counts = new Dictionary<string, (int Count, int First)>();
        var position = 0;
        foreach (var run in runs)
        {
            var pieces = char.IsAscii(run[0]) ? [run] : Enumerable.Range(0, run.Length - 1).Select(i => run.Substring(i, 2));
            foreach (var piece in pieces)
            {
                position++;
                if (Common.Contains(piece) || piece.Any(c => Function.Contains(c)))
                    continue;
                counts[piece] = counts.TryGetValue(piece, out var c) ? (c.Count + 1, c.First) : (1, position);
            }
        }
        return [.. counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Value.First).Take(max).Select(c => c.Key)];
    }
}
