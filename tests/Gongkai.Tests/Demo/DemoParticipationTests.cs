using Gongkai.App.Calendar;
using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Participation;
using Gongkai.Core.Calendar;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Demo;

/// <summary>The demo's two years of participation give every participation page and count something real to show (issue 15).</summary>
public class DemoParticipationTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_demo_should_bring_two_years_of_solicitations_surveys_interviews_and_responses(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(Today);
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        await new SeedDemoCatalog(db, test.Get<OfficialCalendar>(scope), test.Get<IndexNumberFormat>(scope), test.Clock).HandleAsync(400);
        Assert.True(await test.Get<SeedDemoParticipation>(scope).HandleAsync() > 20);
        Assert.Equal(0, await test.Get<SeedDemoParticipation>(scope).HandleAsync());

        var calendar = await test.Get<OfficialCalendar>(scope).GetAsync(db);
        var solicitations = await db.Solicitations.AsNoTracking().ToListAsync();
        Assert.Contains(solicitations, s => s.PublishedOn?.Year == Today.Year - 1);
        Assert.Contains(solicitations, s => s.PublishedOn?.Year == Today.Year);
        Assert.Contains(solicitations, s => s.State == ParticipationState.Draft);
        Assert.Contains(solicitations, s => s.State == ParticipationState.Published && s.OpensOn <= Today && Today <= s.ClosesOn);
        // 解读: a shortened period is published with its reason, and the demo's periods meet the minimum otherwise.
        Assert.All(solicitations, s => Assert.Null(CommentPeriod.Refusal(calendar, s.Kind, s.ConcernsBusinesses, s.OpensOn, s.ClosesOn, s.ShortPeriodReason)));
        Assert.Contains(solicitations, s => s.ShortPeriodReason.Length > 0 && CommentPeriod.IsShort(calendar, s.Kind, s.ConcernsBusinesses, s.OpensOn, s.ClosesOn));
        // One closed solicitation has waited past the 20 working days for its feedback: the flag the office and supervisors see.
        var waiting = solicitations.Where(s => s.State == ParticipationState.Published && s.ClosesOn < Today).ToList();
        Assert.Contains(waiting, s => FeedbackClock.Flag(calendar, s.ClosesOn, Today, FeedbackClock.DefaultWorkingDays) == DueFlag.Overdue);
        Assert.Contains(waiting, s => FeedbackClock.Flag(calendar, s.ClosesOn, Today, FeedbackClock.DefaultWorkingDays) != DueFlag.Overdue);

        var concluded = solicitations.Where(s => s.State == ParticipationState.Concluded).ToList();
        Assert.True(concluded.Count >= 3);
        var comments = await db.SolicitationComments.AsNoTracking().ToListAsync();
        foreach (var s in concluded)
        {
            var mine = comments.Where(c => c.SolicitationId == s.Id).ToList();
            var summary = FeedbackSummary.Of(mine.Select(c => new CommentFacts(c.Adoption, c.AdoptionReason)));
            Assert.True(summary.Complete);
            Assert.Contains($"共收到意见 {summary.Received} 条", s.FeedbackText);
            Assert.All(mine.Where(c => c.Adoption == Adoption.NotAdopted), c => Assert.NotEmpty(c.AdoptionReason));
        }
        // The resulting policies: linked solicitations point at published 规章 of their unit.
        var linked = concluded.Where(s => s.PolicyId is not null).Select(s => s.PolicyId!.Value).ToList();
        Assert.NotEmpty(linked);
        Assert.All(await db.CatalogItems.AsNoTracking().Where(i => linked.Contains(i.Id)).ToListAsync(), i => Assert.Equal(CatalogState.Published, i.State));
        // Hidden opinions are kept with a reason and never carry a shown text.
        Assert.Contains(comments, c => c.State == ContributionState.Hidden && c.ModerationNote.Length > 0 && c.ShownContent.Length == 0);

        var surveys = await db.Surveys.AsNoTracking().ToListAsync();
        Assert.Contains(surveys, s => s.State == ParticipationState.Concluded);
        Assert.Contains(surveys, s => s.State == ParticipationState.Published && s.ClosesOn >= Today);
        var responses = await db.SurveyResponses.AsNoTracking().ToListAsync();
        Assert.All(surveys, s => Assert.Contains(responses, r => r.SurveyId == s.Id));
        Assert.All(responses, r => Assert.All(r.Answers, a => Assert.All(a.Options, o => Assert.InRange(o, 0, surveys.Single(s => s.Id == r.SurveyId).Questions[a.Question].Options.Count - 1))));

        var interviews = await db.Interviews.AsNoTracking().ToListAsync();
        Assert.Contains(interviews, i => i.State == ParticipationState.Concluded && i.Transcript.Contains("【网友】"));
        Assert.Contains(interviews, i => i.State == ParticipationState.Published && i.StartsAt > DateTime.SpecifyKind(Today.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc));
        Assert.Contains(interviews, i => i.Guests.Any(g => g.Principal));

        var targets = ResponseTargets.Default;
        var events = await db.ResponseEvents.AsNoTracking().ToListAsync();
        Assert.Contains(events, e => targets.WithinTarget(e.Channel, e.AroseAt, e.RespondedAt));
        Assert.Contains(events, e => !targets.WithinTarget(e.Channel, e.AroseAt, e.RespondedAt));
        Assert.True(await db.PressConferences.CountAsync(p => p.PrincipalAttended) >= 2);

        // Every record's state is where its log leads through the one transition table.
        var log = await db.ParticipationLog.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        var records = solicitations.Cast<IParticipationRecord>().Concat(surveys).Concat(interviews).ToList();
        foreach (var record in records)
        {
            var state = ParticipationState.Draft;
            foreach (var entry in log.Where(e => e.RecordId == record.Id && e.Step != ParticipationStep.Created))
                state = ParticipationTransitions.After(state, entry.Step) ?? throw new Xunit.Sdk.XunitException($"{entry.Step} not allowed after {state}");
            Assert.Equal(record.State, state);
        }
    }
}
