using Gongkai.App.Accounts;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Calendar;
using Gongkai.Core.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>
/// The only writer of a letter's log: it checks each step against the transition table and the rules
/// (<see cref="LetterHistory.Refusal"/>), appends it, and refreshes the columns derived from the log. Callers save.
/// </summary>
public sealed class LetterLog(GongkaiDb db, OfficialCalendar calendars, LetterSettings settings, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    public LetterSettings Settings => settings;

    public Task<WorkCalendar> CalendarAsync(CancellationToken ct = default) => calendars.GetAsync(db, ct);

    /// <summary>
    /// A letter with its log, if the actor's scope covers its handling unit. A letter is only ever assigned inside its
    /// mailbox's subtree, so whoever covers the mailbox covers the letter too.
    /// </summary>
    public Task<Letter?> FindAsync(Guid id, StaffScope actor, CancellationToken ct = default) =>
        db.Letters.Include(l => l.Log.OrderBy(e => e.Sequence)).Include(l => l.Unit).Include(l => l.MailboxUnit)
            .Within(actor).SingleOrDefaultAsync(l => l.Id == id, ct);

    public LetterStatus Status(Letter letter, WorkCalendar calendar) =>
        LetterHistory.Replay(letter.Log.OrderBy(e => e.Sequence).Select(e => e.ToEvent()), calendar, letter.Type, settings.TimeLimits);

    /// <summary>The last day the writer may rate (or ask again), for an answered letter.</summary>
    public DateOnly? RatingClosesOn(LetterStatus status, WorkCalendar calendar) =>
        status.AnsweredOn is { } answered ? LetterClock.RatingClosesOn(calendar, answered, settings.RatingWindowDays) : null;

    /// <returns>Why the step may not be added, or null once it is appended.</returns>
    public async Task<string?> AppendAsync(Letter letter, LetterLogEntry entry, string? actorId, string actorName, CancellationToken ct = default)
    {
        var calendar = await CalendarAsync(ct);
        if (letter.Log.Count > 0)
        {
            var status = Status(letter, calendar);
            if (LetterHistory.Refusal(status, entry.ToEvent(), letter.Type, settings.TimeLimits, Today, RatingClosesOn(status, calendar), letter.PublishConsent) is { } refusal)
                return refusal;
        }
        entry.LetterId = letter.Id;
        entry.Sequence = letter.Log.Count == 0 ? 1 : letter.Log.Max(e => e.Sequence) + 1;
        entry.RecordedAt = clock.GetUtcNow().UtcDateTime;
        entry.ActorId = actorId;
        entry.ActorName = actorName;
        letter.Log.Add(entry);
        Refresh(letter, calendar);
        return null;
    }

    /// <summary>Copies what the log replays to into the letter's derived columns.</summary>
    public void Refresh(Letter letter, WorkCalendar calendar)
    {
        var status = Status(letter, calendar);
        letter.State = status.State;
        letter.ReceivedOn = status.Received;
        letter.DueOn = status.DueOn;
        letter.Extended = status.IsExtended;
        letter.AnsweredOn = status.AnsweredOn;
        letter.AnsweredOnTime = status.AnsweredOnTime;
        letter.AnswerWorkingDays = status.AnsweredOn is { } answeredOn ? LetterClock.WorkingDaysToAnswer(calendar, status.Received, answeredOn) : null;
        letter.Rating = status.Rating;
        letter.Published = status.Published;
        var last = letter.Log.OrderBy(e => e.Sequence);
        letter.Routing = last.LastOrDefault(e => e.Routing is not null)?.Routing;
        if (last.LastOrDefault(e => e.Kind == LetterEventKind.Answered) is { } answered && status.AnsweredOn is not null)
            letter.Answer = answered.Note;
    }
}
