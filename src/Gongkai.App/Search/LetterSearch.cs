using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Search;

/// <summary>
/// Published letters (公开选登) for /hdjl/letters and GET /api/v1/letters, with the catalog's query semantics
/// (<see cref="SearchQuery"/>: every word of 2+ characters and every phrase must occur as a substring), filtered by
/// mailbox, type and arrival date; and letters like a text being written, for the writer and for staff.
/// </summary>
public sealed class LetterSearch(GongkaiDb db)
{
    /// <param name="Mailbox">The mailbox's unit code, or <see cref="WriteLetter.ErrorChannel"/>.</param>
    public sealed record Filter(string? Mailbox = null, LetterType? Type = null, DateOnly? From = null, DateOnly? To = null);

    /// <param name="Snippet">HTML: the text around the first match, encoded, with matches in &lt;mark&gt;.</param>
    public sealed record Hit(string Number, string Subject, string Mailbox, LetterType Type, DateOnly ReceivedOn, DateOnly AnsweredOn, string AnsweringUnit, string Snippet);

    public sealed record Result(long Total, bool TotalIsExact, int Page, IReadOnlyList<Hit> Hits);

    public const int PageSize = 20;
    public const int MaxPage = 25;

    /// <param name="query">Null lists every published letter, newest answer first.</param>
    public async Task<Result> SearchAsync(SearchQuery? query, Filter filter, int page = 1, CancellationToken ct = default)
    {
        page = Math.Clamp(page, 1, MaxPage);
        var letters = db.Letters.AsNoTracking().Where(l => l.Published);
        if (!string.IsNullOrEmpty(filter.Mailbox))
        {
            if (string.Equals(filter.Mailbox, WriteLetter.ErrorChannel, StringComparison.OrdinalIgnoreCase))
                letters = letters.Where(l => l.Channel == LetterChannel.SiteError);
            else
                letters = letters.Where(l => l.Channel == LetterChannel.Mailbox && l.MailboxUnit.Code == filter.Mailbox);
        }
        if (filter.Type is { } type)
            letters = letters.Where(l => l.Type == type);
        if (filter.From is { } from)
            letters = letters.Where(l => l.ReceivedOn >= from);
        if (filter.To is { } to)
            letters = letters.Where(l => l.ReceivedOn <= to);
        var words = query is null ? [] : query.Terms.Concat(query.Phrases).ToList();
        foreach (var word in words)
            letters = letters.Where(l => l.PublishedSubject.Contains(word) || l.PublishedContent.Contains(word) || l.PublishedAnswer.Contains(word));
        var total = await letters.LongCountAsync(ct);
        var rows = await letters.OrderByDescending(l => l.AnsweredOn).ThenByDescending(l => l.Number).Skip((page - 1) * PageSize).Take(PageSize)
            .Select(l => new { l.Number, l.PublishedSubject, l.PublishedContent, l.PublishedAnswer, l.Channel, Mailbox = l.MailboxUnit.ShortName, l.Type, l.ReceivedOn, l.AnsweredOn, Unit = l.Unit.FullName })
            .ToListAsync(ct);
        var hits = rows.Select(r => new Hit(r.Number, r.PublishedSubject, r.Channel == LetterChannel.SiteError ? "我为政府网站找错" : r.Mailbox, r.Type, r.ReceivedOn,
            r.AnsweredOn!.Value, r.Unit, CatalogSearch.Snippet($"{r.PublishedContent}\n{r.PublishedAnswer}", words))).ToList();
        return new Result(total, true, page, hits);
    }

    /// <summary>
    /// Published letters like a text being written (its subject and content as typed), most alike first: shown to the
    /// writer before sending, so that a question already answered need not be asked again.
    /// </summary>
    public async Task<IReadOnlyList<Hit>> SimilarAsync(string subject, string content, int max = 5, CancellationToken ct = default)
    {
        var words = LetterWords.Salient($"{subject} {content}");
        if (words.Count == 0)
            return [];
        var candidates = db.Letters.AsNoTracking().Where(l => l.Published);
        var scored = new Dictionary<string, (int Score, Hit Hit)>();
        foreach (var word in words)
        {
            var rows = await candidates.Where(l => l.PublishedSubject.Contains(word) || l.PublishedContent.Contains(word))
                .OrderByDescending(l => l.AnsweredOn).Take(50)
                .Select(l => new { l.Number, l.PublishedSubject, l.PublishedContent, l.PublishedAnswer, l.Channel, Mailbox = l.MailboxUnit.ShortName, l.Type, l.ReceivedOn, l.AnsweredOn, Unit = l.Unit.FullName })
                .ToListAsync(ct);
            foreach (var r in rows)
            {
                var hit = new Hit(r.Number, r.PublishedSubject, r.Channel == LetterChannel.SiteError ? "我为政府网站找错" : r.Mailbox, r.Type, r.ReceivedOn, r.AnsweredOn!.Value, r.Unit,
                    CatalogSearch.Snippet(r.PublishedAnswer, words));
                scored[r.Number] = (scored.TryGetValue(r.Number, out var s) ? s.Score + 1 : 1, hit);
            }
        }
        var needed = Math.Min(2, words.Count);
        return [.. scored.Values.Where(s => s.Score >= needed).OrderByDescending(s => s.Score).ThenByDescending(s => s.Hit.AnsweredOn).Take(max).Select(s => s.Hit)];
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
