using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Interviews;

/// <summary>Where an announced interview stands for a visitor, by its time and state.</summary>
public enum InterviewStage
{
    /// <summary>访谈预告.</summary>
    Upcoming,
    /// <summary>正在直播.</summary>
    Live,
    /// <summary>已结束（实录待发布）.</summary>
    Ended,
    /// <summary>已发布文字实录.</summary>
    Transcript,
}

/// <summary>
/// What the public sees of interviews: published and concluded ones, their counts of questions received (网民留言数量)
/// and answered (答复网民提问数量), the shown questions — never an asker's name or contact — and the pictures.
/// </summary>
public sealed class PublicInterviews(GongkaiDb db, TimeProvider clock)
{
    public sealed record Item(Guid Id, string Title, string Unit, DateTime StartsAt, DateTime EndsAt, InterviewStage Stage,
        IReadOnlyList<Participant> Guests, int QuestionsReceived, int QuestionsAnswered);

    public sealed record ShownQuestion(Guid Id, string Content, DateTime SubmittedAt, string Answer, string AnsweredBy, DateTime? AnsweredAt);

    public sealed record Details(Item Summary, string Introduction, string Transcript, DateOnly? TranscriptPublishedOn,
        IReadOnlyList<ShownQuestion> Questions, IReadOnlyList<InterviewPicture> Pictures);

    public static InterviewStage StageOf(Interview i, DateTime now) =>
        i.State == ParticipationState.Concluded ? InterviewStage.Transcript
        : now < i.StartsAt ? InterviewStage.Upcoming
        : now < i.EndsAt ? InterviewStage.Live
        : InterviewStage.Ended;

    public static Task<Interview?> FindAsync(GongkaiDb db, Guid id, CancellationToken ct) =>
        db.Interviews.AsNoTracking().Include(i => i.Unit)
            .SingleOrDefaultAsync(i => i.Id == id && (i.State == ParticipationState.Published || i.State == ParticipationState.Concluded), ct);

    /// <summary>Every public interview, the latest first (upcoming ones by start).</summary>
    public async Task<IReadOnlyList<Item>> ListAsync(CancellationToken ct = default)
    {
        var rows = await db.Interviews.AsNoTracking()
            .Where(i => i.State == ParticipationState.Published || i.State == ParticipationState.Concluded)
            .OrderByDescending(i => i.StartsAt)
            .Select(i => new { Interview = i, Unit = i.Unit.FullName })
            .ToListAsync(ct);
        var counts = await InterviewCounts.ByInterviewAsync(db, rows.Select(r => r.Interview.Id).ToList(), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        return [.. rows.Select(r => ToItem(r.Interview, r.Unit, counts.GetValueOrDefault(r.Interview.Id), now))];
    }

    public async Task<Details?> GetAsync(Guid id, CancellationToken ct = default)
    {
        if (await FindAsync(db, id, ct) is not { } interview)
            return null;
        var counts = await InterviewCounts.ByInterviewAsync(db, [id], ct);
        var questions = await db.InterviewQuestions.AsNoTracking().Where(q => q.InterviewId == id && q.State == ContributionState.Shown)
            .OrderBy(q => q.SubmittedAt).Select(q => new ShownQuestion(q.Id, q.ShownContent, q.SubmittedAt, q.Answer, q.AnsweredBy, q.AnsweredAt))
            .ToListAsync(ct);
        var concluded = interview.State == ParticipationState.Concluded;
        var pictures = concluded ? await InterviewPicture.ListAsync(db, id, ct) : [];
        return new Details(ToItem(interview, interview.Unit.FullName, counts.GetValueOrDefault(id), clock.GetUtcNow().UtcDateTime), interview.Introduction,
            concluded ? interview.Transcript : "", interview.TranscriptPublishedOn, questions, pictures);
    }

    /// <summary>A picture of a published transcript, or null.</summary>
    public async Task<ParticipationAttachment?> PictureAsync(Guid id, Guid pictureId, CancellationToken ct = default) =>
        await db.Interviews.AnyAsync(i => i.Id == id && i.State == ParticipationState.Concluded, ct)
            ? await db.ParticipationAttachments.AsNoTracking()
                .SingleOrDefaultAsync(a => a.Id == pictureId && a.Kind == ParticipationKind.Interview && a.RecordId == id, ct)
            : null;

    private static Item ToItem(Interview i, string unit, InterviewCounts.Counts counts, DateTime now) =>
        new(i.Id, i.Title, unit, i.StartsAt, i.EndsAt, StageOf(i, now), i.Guests, counts.Received, counts.Answered);
}

public static class InterviewStages
{
    public static string ChineseName(this InterviewStage stage) => stage switch
    {
        InterviewStage.Upcoming => "访谈预告",
        InterviewStage.Live => "正在进行",
        InterviewStage.Ended => "已结束",
        _ => "文字实录",
    };
}
