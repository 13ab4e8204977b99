using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Calendar;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>
/// The office's solicitations inside the account's subtree: the list (by state, and the feedback-overdue flag), one
/// solicitation to act on, and the closed ones whose feedback is overdue (<see cref="FeedbackClock"/>) for the office
/// home page and the supervision page.
/// </summary>
public sealed class OfficeSolicitations(GongkaiDb db, ParticipationLog log)
{
    /// <summary>Where a solicitation stands as its office sees it: its state, and for a published one whether it is open.</summary>
    public enum Stage { Draft, Upcoming, Open, Closed, FeedbackPublished, Withdrawn }

    public sealed record Row(Guid Id, string Title, SolicitationKind Kind, string Unit, string UnitCode, ParticipationState State, Stage Stage,
        DateOnly OpensOn, DateOnly ClosesOn, int Comments, int Pending, DateOnly? FeedbackDueOn, DueFlag Flag);

    public sealed record Filter(Stage? Stage = null, bool OverdueOnly = false, string? UnitCode = null);

    public static Stage StageOf(ParticipationState state, DateOnly opensOn, DateOnly closesOn, DateOnly today) => state switch
    {
        ParticipationState.Draft => Stage.Draft,
        ParticipationState.Withdrawn => Stage.Withdrawn,
        ParticipationState.Concluded => Stage.FeedbackPublished,
        _ when today < opensOn => Stage.Upcoming,
        _ when today <= closesOn => Stage.Open,
        _ => Stage.Closed,
    };

    public static string ChineseName(Stage stage) => stage switch
    {
        Stage.Draft => "草稿",
        Stage.Upcoming => "未开始",
        Stage.Open => "征集中",
        Stage.Closed => "已结束",
        Stage.FeedbackPublished => "已反馈",
        _ => "已撤回",
    };

    /// <summary>A solicitation of the actor's subtree, tracked, with its unit; null when missing or outside it.</summary>
    public Task<Solicitation?> FindAsync(Guid id, StaffScope actor, CancellationToken ct = default) =>
        db.Solicitations.Include(s => s.Unit).Include(s => s.Policy).Within(actor).SingleOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>A comment and its solicitation, both of the actor's subtree; null otherwise.</summary>
    public async Task<(Solicitation Solicitation, SolicitationComment Comment)?> FindCommentAsync(Guid solicitationId, Guid commentId, StaffScope actor, CancellationToken ct = default)
    {
        if (await FindAsync(solicitationId, actor, ct) is not { } s)
            return null;
        var comment = await db.SolicitationComments.SingleOrDefaultAsync(c => c.Id == commentId && c.SolicitationId == s.Id, ct);
        return comment is null ? null : (s, comment);
    }

    public async Task<IReadOnlyList<Row>> ListAsync(Filter filter, StaffScope actor, CancellationToken ct = default)
    {
        var query = db.Solicitations.AsNoTracking().Within(actor);
        if (!string.IsNullOrWhiteSpace(filter.UnitCode))
        {
            var path = await actor.UnitsIn(db).Where(u => u.Code == filter.UnitCode).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
            query = query.Within(path);
        }
        var rows = await query.OrderByDescending(s => s.OpensOn).ThenBy(s => s.Title)
            .Select(s => new
            {
                s.Id, s.Title, s.Kind, Unit = s.Unit.FullName, UnitCode = s.Unit.Code, s.State, s.OpensOn, s.ClosesOn,
                Comments = db.SolicitationComments.Count(c => c.SolicitationId == s.Id),
                Pending = db.SolicitationComments.Count(c => c.SolicitationId == s.Id && c.State == ContributionState.Pending),
            }).ToListAsync(ct);
        var calendar = await log.CalendarAsync(ct);
        var today = log.Today;
        var days = log.Settings.FeedbackDueWorkingDays;
        var result = rows.Select(r =>
        {
            var stage = StageOf(r.State, r.OpensOn, r.ClosesOn, today);
            var awaiting = r.State == ParticipationState.Published;
            var due = awaiting ? FeedbackClock.DueOn(calendar, r.ClosesOn, days) : (DateOnly?)null;
            var flag = awaiting ? FeedbackClock.Flag(calendar, r.ClosesOn, today, days) : DueFlag.None;
            return new Row(r.Id, r.Title, r.Kind, r.Unit, r.UnitCode, r.State, stage, r.OpensOn, r.ClosesOn, r.Comments, r.Pending, due, flag);
        });
        if (filter.Stage is { } wanted)
            result = result.Where(r => r.Stage == wanted);
        if (filter.OverdueOnly)
            result = result.Where(r => r.Flag == DueFlag.Overdue);
        return [.. result];
    }

    /// <summary>Closed solicitations of the subtree without published feedback once the feedback is overdue, most overdue first.</summary>
    public async Task<IReadOnlyList<Row>> OverdueFeedbackAsync(StaffScope actor, CancellationToken ct = default)
    {
        var today = log.Today;
        var candidates = await db.Solicitations.AsNoTracking().Within(actor)
            .Where(s => s.State == ParticipationState.Published && s.ClosesOn < today)
            .Select(s => new { s.Id, s.Title, s.Kind, Unit = s.Unit.FullName, UnitCode = s.Unit.Code, s.State, s.OpensOn, s.ClosesOn,
                Comments = db.SolicitationComments.Count(c => c.SolicitationId == s.Id) }).ToListAsync(ct);
        if (candidates.Count == 0)
            return [];
        var calendar = await log.CalendarAsync(ct);
        var days = log.Settings.FeedbackDueWorkingDays;
        return [.. candidates
            .Select(r => new Row(r.Id, r.Title, r.Kind, r.Unit, r.UnitCode, r.State, Stage.Closed, r.OpensOn, r.ClosesOn, r.Comments, 0,
                FeedbackClock.DueOn(calendar, r.ClosesOn, days), FeedbackClock.Flag(calendar, r.ClosesOn, today, days)))
            .Where(r => r.Flag == DueFlag.Overdue).OrderBy(r => r.FeedbackDueOn).ThenBy(r => r.Title)];
    }

    /// <summary>A solicitation's comments, oldest first (the caller decides who sees names and contacts).</summary>
    public Task<List<SolicitationComment>> CommentsAsync(Guid solicitationId, CancellationToken ct = default) =>
        db.SolicitationComments.AsNoTracking().Where(c => c.SolicitationId == solicitationId).OrderBy(c => c.SubmittedAt).ThenBy(c => c.Id).ToListAsync(ct);

    /// <summary>A solicitation's attachments without their content.</summary>
    public async Task<IReadOnlyList<(Guid Id, string FileName, long Size)>> AttachmentsAsync(Guid solicitationId, CancellationToken ct = default) =>
        [.. (await db.ParticipationAttachments.AsNoTracking().Where(a => a.Kind == ParticipationKind.Solicitation && a.RecordId == solicitationId)
            .OrderBy(a => a.SortOrder).Select(a => new { a.Id, a.FileName, Size = (long)a.Content.Length }).ToListAsync(ct)).Select(a => (a.Id, a.FileName, a.Size))];

    /// <summary>When the feedback of a published solicitation is due, and its flag today; null for other states.</summary>
    public async Task<(DateOnly DueOn, DueFlag Flag)?> FeedbackDueAsync(Solicitation s, CancellationToken ct = default)
    {
        if (s.State != ParticipationState.Published)
            return null;
        var calendar = await log.CalendarAsync(ct);
        var days = log.Settings.FeedbackDueWorkingDays;
        return (FeedbackClock.DueOn(calendar, s.ClosesOn, days), FeedbackClock.Flag(calendar, s.ClosesOn, log.Today, days));
    }
}
