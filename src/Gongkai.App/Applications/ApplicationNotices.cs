using Gongkai.App.Units;
using Gongkai.Core.Documents;
using Gongkai.App.Accounts;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Applications;

/// <summary>The written notice of one log entry (告知书 …), built from the application and its log as they stand.</summary>
public sealed class ApplicationNotices(GongkaiDb db, OfficialCalendar calendars)
{
    public async Task<Notice?> FindAsync(Guid applicationId, int sequence, StaffScope actor, CancellationToken ct = default)
    {
        var scope = actor.ScopePath;
        var application = await db.Applications.AsNoTracking().Include(a => a.Unit).Include(a => a.Log)
            .Within(scope).SingleOrDefaultAsync(a => a.Id == applicationId, ct);
        var entry = application?.Log.SingleOrDefault(e => e.Sequence == sequence);
        if (application is null || entry is null || !Notices.HasNotice(entry.Kind))
            return null;

        // The clock as it stood after this step: the new due date of an extension, for instance.
        var upTo = application.Log.Where(e => e.Sequence <= sequence).OrderBy(e => e.Sequence).Select(e => e.ToEvent());
        var clock = ApplicationHistory.Replay(upTo).Clock;
        var due = clock is null ? null : DeadlineClock.Compute(await calendars.GetAsync(db, ct), clock, entry.Date).Due;
        var documents = await db.ApplicationDocuments.Where(d => d.LogEntryId == entry.Id).Select(d => d.FileName).ToListAsync(ct);
        // 行政复议法第二十四条: the government above hears appeals against its departments and the governments below it.
        var reviewer = application.Unit.ParentId is { } parentId
            ? await db.Units.Where(u => u.Id == parentId && u.Kind == UnitKind.Government).Select(u => u.FullName).SingleOrDefaultAsync(ct)
            : null;

        return Notices.For(new NoticeFacts(application.Unit.FullName, application.ApplicantName, application.TrackingCode, clock?.Received,
            application.Description, entry.Kind, entry.Date)
        {
            Outcome = entry.Outcome,
            Note = entry.Note,
            Party = entry.Party,
            Days = entry.Days,
            Amount = entry.Amount,
            Until = entry.Until,
            DueOn = due,
            Documents = documents,
            Sequence = entry.Sequence,
            ReconsiderationBody = reviewer ?? "",
        });
    }
}
