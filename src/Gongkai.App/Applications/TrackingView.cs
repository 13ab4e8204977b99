using Gongkai.App.Tracking;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Applications;

/// <summary>
/// What the public sees of an application by its tracking code (/ysqgk/track and the track API): the unit, dates,
/// state and the outcome. No personal data: no names, numbers, contact data, description or notes.
/// </summary>
public sealed class TrackingView(GongkaiDb db, OfficialCalendar calendars, TimeProvider clock)
{
    public sealed record Step(ApplicationEventKind Kind, string Name, DateOnly Date);

    public sealed record Status(
        string TrackingCode, string Unit, ApplicationState State, string StateName, DateOnly SubmittedOn, DateOnly? ReceivedOn,
        DateOnly? DueOn, bool Overdue, DateOnly? AnsweredOn, Outcome? Outcome, string? OutcomeName, string? OutcomeBasis, IReadOnlyList<Step> Steps);

    public async Task<Status?> FindAsync(string typedCode, CancellationToken ct = default)
    {
        var code = TrackingCode.Normalize(typedCode);
        var application = await db.Applications.AsNoTracking().Include(a => a.Unit).Include(a => a.Log)
            .SingleOrDefaultAsync(a => a.TrackingCode == code, ct);
        if (application is null)
            return null;
        var log = application.Log.OrderBy(e => e.Sequence).ToList();
        var today = clock.Today();
        var status = ApplicationHistory.Replay(log.Select(e => e.ToEvent()));
        var due = status.Clock is { } facts ? DeadlineClock.Compute(await calendars.GetAsync(db, ct), facts, today) : null;
        var info = status.Outcome?.Info();
        return new Status(application.TrackingCode, application.Unit.FullName, status.State, status.State.ChineseName(), log[0].Date,
            status.Clock?.Received, due?.Due, status.State != ApplicationState.Answered && due?.IsOverdue(today) == true,
            status.AnsweredOn, status.Outcome, info is null ? null : $"{info.Category.ChineseName()}：{info.Name}", info?.Basis,
            [.. log.Where(e => e.Kind != ApplicationEventKind.DeadlineRecomputed).Select(e => new Step(e.Kind, e.Kind.ChineseName(), e.Date))]);
    }
}
