using Gongkai.App.Data;
using Gongkai.App.Tracking;
using Gongkai.Core.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>
/// What the query page shows for a query code: the state, the answering unit, the dates and the answer — never the
/// writer's name or contact. Also whether the writer may still rate the answer or ask for it to be handled again.
/// </summary>
public sealed class TrackLetter(GongkaiDb db, LetterLog log)
{
    public sealed record View(string Number, string Mailbox, LetterType Type, string Subject, LetterState State, DateOnly ReceivedOn, DateOnly? DueOn,
        string AnsweringUnit, DateOnly? AnsweredOn, string Answer, IReadOnlyList<string> AnswerFiles, LetterRating? Rating, bool RatingLapsed,
        DateOnly? RatingClosesOn, bool CanRate, bool CanReopen, bool Published, IReadOnlyList<(DateOnly Date, string Step)> Steps);

    public async Task<View?> FindAsync(string queryCode, CancellationToken ct = default)
    {
        var code = TrackingCode.Normalize(queryCode);
        if (code.Length != 14)
            return null;
        var letter = await db.Letters.AsNoTracking().Include(l => l.Log).Include(l => l.Unit).Include(l => l.MailboxUnit)
            .SingleOrDefaultAsync(l => l.QueryCode == code, ct);
        if (letter is null)
            return null;
        var calendar = await log.CalendarAsync(ct);
        var status = log.Status(letter, calendar);
        var closes = log.RatingClosesOn(status, calendar);
        var today = log.Today;
        var answerEntry = letter.Log.OrderBy(e => e.Sequence).LastOrDefault(e => e.Kind == LetterEventKind.AnswerSubmitted);
        var files = status.AnsweredOn is null || answerEntry is null ? []
            : await db.LetterAttachments.Where(a => a.LogEntryId == answerEntry.Id).Select(a => a.FileName).ToListAsync(ct);
        var mailbox = letter.Channel == LetterChannel.SiteError ? "我为政府网站找错"
            : await db.Mailboxes.Where(m => m.UnitId == letter.MailboxUnitId).Select(m => m.Name).SingleOrDefaultAsync(ct) ?? letter.MailboxUnit.ShortName;
        // The public sees what happened, not who did it or the office's internal notes.
        var steps = letter.Log.OrderBy(e => e.Sequence)
            .Where(e => e.Kind is not (LetterEventKind.Reminded or LetterEventKind.AnswerSubmitted or LetterEventKind.AnswerReturned or LetterEventKind.Routed))
            .Select(e => (e.Date, e.Kind switch
            {
                LetterEventKind.TransferredOut => $"转出：{e.Party}",
                LetterEventKind.Answered => "答复",
                _ => e.Kind.ChineseName(),
            })).ToList();
        return new View(letter.Number, mailbox, letter.Type, letter.Subject, status.State, status.Received, status.State.IsOpen() ? status.DueOn : null,
            status.AnsweredOn is null ? "" : letter.Unit.FullName, status.AnsweredOn, status.AnsweredOn is null ? "" : letter.Answer, files,
            status.Rating, status.RatingLapsed, closes,
            CanRate: status.State == LetterState.Answered && closes is { } c && today <= c,
            CanReopen: status.State == LetterState.Closed && status.Rating == LetterRating.Unsatisfied && !status.RatingLapsed && !status.Reopened && closes is { } c2 && today <= c2,
            status.Published, steps);
    }
}
