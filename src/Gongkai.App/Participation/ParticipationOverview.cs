using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation;

/// <summary>
/// The participation desk's first page (/office/participation): for the units in the account's scope, what is open now
/// and what waits on the office — solicitations taking comments, closed ones without feedback, surveys open, interviews
/// coming, contributions waiting for moderation — and this year's press conferences and responses.
/// </summary>
public sealed class ParticipationOverview(GongkaiDb db, TimeProvider clock)
{
    public sealed record Figures(int SolicitationsOpen, int AwaitingFeedback, int SurveysOpen, int InterviewsComing, int CommentsPending,
        int QuestionsPending, int ConferencesThisYear, int ResponsesThisYear, int Drafts);

    public async Task<Figures> HandleAsync(StaffScope actor, CancellationToken ct = default)
    {
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        var yearStart = new DateOnly(today.Year, 1, 1);
        var solicitations = db.Solicitations.AsNoTracking().Within(actor);
        var interviews = db.Interviews.AsNoTracking().Within(actor);
        return new(
            await solicitations.CountAsync(s => s.State == ParticipationState.Published && s.OpensOn <= today && s.ClosesOn >= today, ct),
            await solicitations.CountAsync(s => s.State == ParticipationState.Published && s.ClosesOn < today, ct),
            await db.Surveys.AsNoTracking().Within(actor).CountAsync(s => s.State == ParticipationState.Published && s.OpensOn <= today && s.ClosesOn >= today, ct),
            await interviews.CountAsync(i => i.State == ParticipationState.Published && i.EndsAt >= now, ct),
            await db.SolicitationComments.AsNoTracking().CountAsync(c => c.State == ContributionState.Pending && solicitations.Any(s => s.Id == c.SolicitationId), ct),
            await db.InterviewQuestions.AsNoTracking().CountAsync(q => q.State == ContributionState.Pending && interviews.Any(i => i.Id == q.InterviewId), ct),
            await db.PressConferences.AsNoTracking().Within(actor).CountAsync(p => p.State == ParticipationState.Published && p.HeldOn >= yearStart, ct),
            await db.ResponseEvents.AsNoTracking().Within(actor).CountAsync(r => r.State == ParticipationState.Published && r.RespondedOn >= yearStart, ct),
            await solicitations.CountAsync(s => s.State == ParticipationState.Draft, ct)
                + await db.Surveys.AsNoTracking().Within(actor).CountAsync(s => s.State == ParticipationState.Draft, ct)
                + await interviews.CountAsync(i => i.State == ParticipationState.Draft, ct));
    }
}
