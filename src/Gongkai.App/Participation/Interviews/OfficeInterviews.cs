using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Interviews;

/// <summary>The interviews of the account's unit subtree: the list with counts, one interview, its questions (with the askers' contact) and pictures.</summary>
public sealed class OfficeInterviews(GongkaiDb db)
{
    public sealed record Row(Guid Id, string Title, string Unit, ParticipationState State, DateTime StartsAt, DateTime EndsAt, int Pending, int Received, int Answered);

    public async Task<IReadOnlyList<Row>> ListAsync(StaffScope actor, CancellationToken ct = default) =>
        await db.Interviews.AsNoTracking().Within(actor).OrderByDescending(i => i.StartsAt)
            .Select(i => new Row(i.Id, i.Title, i.Unit.FullName, i.State, i.StartsAt, i.EndsAt,
                db.InterviewQuestions.Count(q => q.InterviewId == i.Id && q.State == ContributionState.Pending),
                db.InterviewQuestions.Count(q => q.InterviewId == i.Id),
                db.InterviewQuestions.Count(q => q.InterviewId == i.Id && q.AnsweredAt != null)))
            .ToListAsync(ct);

    /// <summary>An interview in the actor's scope (tracked, for a use case to change), or null.</summary>
    public static Task<Interview?> FindAsync(GongkaiDb db, Guid id, StaffScope actor, CancellationToken ct) =>
        db.Interviews.Within(actor).Include(i => i.Unit).SingleOrDefaultAsync(i => i.Id == id, ct);

    public Task<Interview?> FindAsync(Guid id, StaffScope actor, CancellationToken ct = default) =>
        db.Interviews.AsNoTracking().Within(actor).Include(i => i.Unit).SingleOrDefaultAsync(i => i.Id == id, ct);

    /// <summary>All questions of an interview, oldest first, with the askers' name and contact (the pages show those only to roles that handle participation).</summary>
    public async Task<IReadOnlyList<InterviewQuestion>> QuestionsAsync(Guid interviewId, CancellationToken ct = default) =>
        await db.InterviewQuestions.AsNoTracking().Where(q => q.InterviewId == interviewId).OrderBy(q => q.SubmittedAt).ToListAsync(ct);

    public Task<List<InterviewPicture>> PicturesAsync(Guid interviewId, CancellationToken ct = default) => InterviewPicture.ListAsync(db, interviewId, ct);

    public static string? Refusal(StaffScope actor) =>
        actor.CanHandleParticipation ? null : "只有互动交流人员、信息发布人员或管理员可以管理在线访谈。";
}

/// <summary>A picture of an interview's transcript (its file is fetched separately); the caption is its alternative text.</summary>
public sealed record InterviewPicture(Guid Id, string FileName, string ContentType, string Caption, int SortOrder)
{
    public static Task<List<InterviewPicture>> ListAsync(GongkaiDb db, Guid interviewId, CancellationToken ct) =>
        db.ParticipationAttachments.AsNoTracking().Where(a => a.Kind == ParticipationKind.Interview && a.RecordId == interviewId)
            .OrderBy(a => a.SortOrder).Select(a => new InterviewPicture(a.Id, a.FileName, a.ContentType, a.Caption, a.SortOrder)).ToListAsync(ct);
}
