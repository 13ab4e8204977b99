using Gongkai.App.Units;
using Gongkai.App.Accounts;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Core.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Applications;

/// <summary>
/// The only writer of an application's log: it checks each new entry against the transition table and the rules
/// (<see cref="ApplicationHistory.Refusal"/>), appends it, and refreshes the columns derived from the log. Callers save.
/// </summary>
public sealed class ApplicationLog(GongkaiDb db, OfficialCalendar calendars, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    public Task<WorkCalendar> CalendarAsync(CancellationToken ct = default) => calendars.GetAsync(db, ct);

    /// <summary>An application with its log, if it lies inside the actor's scope.</summary>
    public Task<Application?> FindAsync(Guid id, StaffScope actor, CancellationToken ct = default)
    {
        var scope = actor.ScopePath;
        return db.Applications.Include(a => a.Log.OrderBy(e => e.Sequence)).Include(a => a.Unit)
            .Within(scope).SingleOrDefaultAsync(a => a.Id == id, ct);
    }

    /// <returns>Why the entry may not be added, or null once it is appended.</returns>
    public async Task<string?> AppendAsync(Application application, ApplicationLogEntry entry, string? actorId, string actorName, CancellationToken ct = default)
    {
        var status = ApplicationHistory.Replay(application.Log.OrderBy(e => e.Sequence).Select(e => e.ToEvent()));
        if (application.Log.Count > 0 && ApplicationHistory.Refusal(status, entry.ToEvent(), Today) is { } refusal)
            return refusal;
        entry.ApplicationId = application.Id;
        entry.Sequence = application.Log.Count == 0 ? 1 : application.Log.Max(e => e.Sequence) + 1;
        entry.RecordedAt = clock.GetUtcNow().UtcDateTime;
        entry.ActorId = actorId;
        entry.ActorName = actorName;
        application.Log.Add(entry);
        Refresh(application, await CalendarAsync(ct), Today);
        return null;
    }

    /// <summary>
    /// Recomputes the due date of an open application on a new calendar; when it moves, the log records it.
    /// </summary>
    /// <returns>Whether the due date moved.</returns>
    public bool Recompute(Application application, WorkCalendar calendar, string actorName)
    {
        var before = application.DueOn;
        Refresh(application, calendar, Today);
        if (application.DueOn == before)
            return false;
        application.Log.Add(new ApplicationLogEntry
        {
            ApplicationId = application.Id,
            Sequence = application.Log.Max(e => e.Sequence) + 1,
            Kind = ApplicationEventKind.DeadlineRecomputed,
            Date = Today,
            RecordedAt = clock.GetUtcNow().UtcDateTime,
            ActorName = actorName,
            Note = $"工作日历更新，答复期限由 {before:yyyy-MM-dd} 调整为 {application.DueOn:yyyy-MM-dd}。",
        });
        return true;
    }

    /// <summary>Copies what the log replays to into the application's derived columns.</summary>
    public static void Refresh(Application application, WorkCalendar calendar, DateOnly today)
    {
        var status = ApplicationHistory.Replay(application.Log.OrderBy(e => e.Sequence).Select(e => e.ToEvent()));
        application.State = status.State;
        application.ReceivedOn = status.Clock?.Received;
        application.DueOn = status.Clock is { } facts ? DeadlineClock.Compute(calendar, facts, today).Due : null;
        application.AnsweredOn = status.AnsweredOn;
        application.Outcome = status.Outcome;
    }
}
