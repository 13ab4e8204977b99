using Gongkai.App.Data;
using Gongkai.App.Tracking;
using Gongkai.Core.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>
/// The writer, with the query code, rates the answer (满意 / 基本满意 / 不满意) within the rating window, and — once,
/// after rating it 不满意, still within the window — asks for the letter to be handled again (再次办理).
/// </summary>
public sealed class RateLetter(GongkaiDb db, LetterLog log, TimeProvider clock)
{
    public async Task<Outcome<LetterState>> RateAsync(string queryCode, LetterRating rating, string comment = "", CancellationToken ct = default) =>
        await StepAsync(queryCode, new LetterLogEntry { Kind = LetterEventKind.Rated, Rating = rating, Note = Trim(comment) }, ct);

    public async Task<Outcome<LetterState>> ReopenAsync(string queryCode, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return Outcome<LetterState>.Invalid("reason", "请说明不满意的原因和仍需解决的问题。");
        return await StepAsync(queryCode, new LetterLogEntry { Kind = LetterEventKind.Reopened, Note = Trim(reason) }, ct);
    }

    private async Task<Outcome<LetterState>> StepAsync(string queryCode, LetterLogEntry entry, CancellationToken ct)
    {
        var code = TrackingCode.Normalize(queryCode);
        var letter = await db.Letters.Include(l => l.Log).SingleOrDefaultAsync(l => l.QueryCode == code, ct);
        if (letter is null)
            return Outcome<LetterState>.Missing("查询码不正确，请核对后重新输入。");
        entry.Date = log.Today;
        if (await log.AppendAsync(letter, entry, null, "来信人", ct) is { } refusal)
            return Outcome<LetterState>.Invalid(entry.Kind == LetterEventKind.Rated ? "rating" : "reason", refusal);
        // A published letter handled again leaves the answer order until it is answered anew: its search entry follows.
        if (entry.Kind == LetterEventKind.Reopened && letter.Published)
            db.Add(Search.SearchChange.ForLetter(letter.Id, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        return Outcome<LetterState>.Done(letter.State);
    }

    private static string Trim(string text) => text.Trim() is var t && t.Length > 1000 ? t[..1000] : text.Trim();
}

/// <summary>
/// Closes the rating window of answered letters nobody rated: each gets a 「逾期未评价（视为满意）」 entry on the first
/// day after its window (<see cref="LetterSettings.RatingWindowDays"/> working days after the answer). Run daily.
/// </summary>
public sealed class CloseRatingWindows(GongkaiDb db, LetterLog log)
{
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        var calendar = await log.CalendarAsync(ct);
        var today = log.Today;
        // A window of N working days lasts at least N calendar days: only letters answered before that can have closed.
        var latest = today.AddDays(-log.Settings.RatingWindowDays);
        var ids = await db.Letters.AsNoTracking().Where(l => l.State == LetterState.Answered && l.AnsweredOn <= latest).Select(l => l.Id).ToListAsync(ct);
        var closed = 0;
        foreach (var chunk in ids.Chunk(200))
        {
            var letters = await db.Letters.Include(l => l.Log).Where(l => chunk.Contains(l.Id)).ToListAsync(ct);
            foreach (var letter in letters)
            {
                var status = log.Status(letter, calendar);
                if (log.RatingClosesOn(status, calendar) is not { } closes || today <= closes)
                    continue;
                var entry = new LetterLogEntry { Kind = LetterEventKind.RatingLapsed, Date = today, Note = $"评价期限于 {closes:yyyy-MM-dd} 届满，来信人未评价，视为满意。" };
                if (await log.AppendAsync(letter, entry, null, "系统", ct) is null)
                    closed++;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        return closed;
    }
}
