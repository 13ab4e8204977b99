using System.Runtime.CompilerServices;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo letters --count N`: any number of letters, up to a million, to the mailboxes of 青岚市 that
/// <see cref="SeedDemoLetters.OpenMailboxesAsync(CancellationToken)"/> opens (市长信箱, the districts' 区长信箱 and 县长信箱,
/// the bureaus' 局长信箱) and to the website-error channel, over a year, streamed for <see cref="BulkLetterWriter"/>:
/// every type, valid, invalid and transferred out, answered on time and late, some still open and some unanswered past
/// the 3-month veto, about a tenth published with their texts, rated or left to lapse. Each letter carries the log its life would have written (<see cref="DemoLetterLives"/>) and
/// the columns <see cref="LetterLog"/> derives from it, over the official calendar; numbers go on from the stored
/// ones of each day. The data is the same for the same days and count (fixed seed).
/// </summary>
public sealed class GenerateDemoLetters(GongkaiDb db, LetterLog log)
{
    /// <summary>The generator's seed: issue 14, letters.</summary>
    private const int Seed = 14;

    /// <summary>At most this many letters a day: the number's serial has four digits (202612070003).</summary>
    public const int MaxPerDay = 9999;

    /// <summary>The days letters arrive on: a calendar year (up to today), or the twelve months up to today.</summary>
    public (DateOnly From, DateOnly To) Period(int? year)
    {
        var today = log.Today;
        return year is { } y ? (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31) < today ? new DateOnly(y, 12, 31) : today) : (today.AddYears(-1).AddDays(1), today);
    }

    /// <summary>
    /// <paramref name="count"/> letters arriving from <paramref name="from"/> to <paramref name="to"/>, by arrival day, with
    /// their logs; nothing is added to the context, so a bulk writer can take a million. Empty when the demo units or
    /// their mailboxes are missing (<see cref="SeedDemoData"/>, <see cref="SeedDemoLetters.OpenMailboxesAsync(CancellationToken)"/>).
    /// </summary>
    /// <param name="backlog">The share of valid letters the office never answers (积压): they stay open, past the veto when old.</param>
    public async IAsyncEnumerable<Letter> StreamAsync(int count, DateOnly from, DateOnly to, double backlog = 0.01,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(ct);
        var keys = DemoLetterLives.Keys.ToDictionary(SeedDemoData.CodeOf);
        var demo = units.Where(u => keys.ContainsKey(u.Code)).ToDictionary(u => keys[u.Code]);
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => m.IsOpen).Select(m => m.UnitId).ToListAsync(ct);
        if (count <= 0 || !demo.ContainsKey("city") || !mailboxes.Contains(demo["city"].Id))
            yield break;
        var calendar = await log.CalendarAsync(ct);
        var taken = await TakenAsync(from, to, ct);
        var lives = new DemoLetterLives(new Random(Seed), calendar, log, demo, mailboxes.ToHashSet(), backlog);
        foreach (var (day, n) in lives.Spread(count, from, to, taken))
        {
            var serial = taken.GetValueOrDefault(day);
            for (var i = 0; i < n; i++)
            {
                ct.ThrowIfCancellationRequested();
                yield return lives.Letter(day, LetterNumbers.Prefix(day) + (++serial).ToString("D4"));
            }
        }
    }

    /// <summary>The last serial taken on each day of the period (numbers go on from it).</summary>
    private async Task<Dictionary<DateOnly, int>> TakenAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (low, high) = (LetterNumbers.Prefix(from), LetterNumbers.Prefix(to.AddDays(1)));
        var last = await db.Letters.Where(l => string.Compare(l.Number, low) >= 0 && string.Compare(l.Number, high) < 0)
            .GroupBy(l => l.Number.Substring(0, 8)).Select(g => g.Max(l => l.Number)).ToListAsync(ct);
        return last.OfType<string>().ToDictionary(n => DateOnly.ParseExact(n[..8], "yyyyMMdd"), n => int.TryParse(n[8..], out var s) ? s : MaxPerDay);
    }
}
