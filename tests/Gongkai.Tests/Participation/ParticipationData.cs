using Gongkai.App.Catalog;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Participation;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Tests.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Participation;

/// <summary>Participation records written straight to the database, for the counting tests (their use cases are tested apart).</summary>
public static class ParticipationData
{
    private static int serial;

    private static async Task AddAsync(TestDatabase db, Action<GongkaiDb> add)
    {
        await using var scope = db.Scope();
        var context = db.Get<GongkaiDb>(scope);
        add(context);
        await context.SaveChangesAsync();
    }

    public static Guid UnitId(TestDatabase db, string unitKey)
    {
        using var scope = db.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<GongkaiDb>().Units.Single(u => u.Code == SeedDemoData.CodeOf(unitKey)).Id;
    }

    /// <summary>A published 解读 of <paramref name="unitKey"/> with its own 索引号.</summary>
    public static async Task<Guid> InterpretationAsync(TestDatabase db, string unitKey, DateOnly publishedOn, InterpretationForms forms, string title = "政策解读",
        Guid? interprets = null)
    {
        var item = new CatalogItem
        {
            InterpretsId = interprets,
            UnitId = UnitId(db, unitKey),
            State = CatalogState.Published,
            Genre = Genre.Interpretation,
            Title = title,
            Theme = "综合政务\\其他",
            FormedOn = publishedOn,
            PublishedOn = publishedOn,
            IndexNumber = $"{SeedDemoData.CodeOf(unitKey)}/{publishedOn.Year}-9{Interlocked.Increment(ref serial):D4}",
            InterpretationForms = forms,
            Channels = PublicationChannels.Website,
        };
        await AddAsync(db, c => c.CatalogItems.Add(item));
        return item.Id;
    }

    /// <summary>A published policy of <paramref name="unitKey"/> (a 规章, 行政规范性文件 or any item marked 需解读), with the reason it went out without a 解读, if any.</summary>
    public static async Task<Guid> PolicyAsync(TestDatabase db, string unitKey, Genre genre, DateOnly publishedOn, string title, string waiver = "", bool marked = false)
    {
        var item = new CatalogItem
        {
            UnitId = UnitId(db, unitKey),
            State = CatalogState.Published,
            Genre = genre,
            Title = title,
            Theme = "综合政务\\其他",
            FormedOn = publishedOn,
            PublishedOn = publishedOn,
            IndexNumber = $"{SeedDemoData.CodeOf(unitKey)}/{publishedOn.Year}-8{Interlocked.Increment(ref serial):D4}",
            EffectiveOn = genre.HasValidity() ? publishedOn : null,
            InterpretationWaiver = waiver,
            NeedsInterpretation = marked,
            Channels = PublicationChannels.Website,
        };
        await AddAsync(db, c => c.CatalogItems.Add(item));
        return item.Id;
    }

    /// <summary>An interview of <paramref name="unitKey"/> held at noon China time, with questions (the first <paramref name="answered"/> answered).</summary>
    public static async Task<Guid> InterviewAsync(TestDatabase db, string unitKey, DateOnly on, bool principalGuest, int questions = 0, int answered = 0,
        ParticipationState state = ParticipationState.Concluded)
    {
        var start = on.ToDateTime(new TimeOnly(4, 0), DateTimeKind.Utc);
        var interview = new Interview
        {
            UnitId = UnitId(db, unitKey),
            State = state,
            Title = $"{on:yyyy}年教育工作在线访谈",
            StartsAt = start,
            EndsAt = start.AddHours(2),
            PublishedOn = on.AddDays(-7),
            Guests = [new Participant { Name = "赵六", Title = principalGuest ? "局长" : "科长", Principal = principalGuest }],
        };
        await AddAsync(db, c =>
        {
            c.Interviews.Add(interview);
            for (var i = 0; i < questions; i++)
                c.InterviewQuestions.Add(new InterviewQuestion
                {
                    InterviewId = interview.Id,
                    Content = $"问题{i}",
                    SubmittedAt = start,
                    State = ContributionState.Shown,
                    Answer = i < answered ? "答复" : "",
                    AnsweredAt = i < answered ? start.AddMinutes(30) : null,
                });
        });
        return interview.Id;
    }

    public static async Task SolicitationAsync(TestDatabase db, string unitKey, DateOnly publishedOn, ParticipationState state, int comments)
    {
        var solicitation = new Solicitation
        {
            UnitId = UnitId(db, unitKey),
            State = state,
            Title = "征求意见稿",
            Kind = SolicitationKind.Other,
            OpensOn = publishedOn,
            ClosesOn = publishedOn.AddDays(30),
            PublishedOn = state == ParticipationState.Draft ? null : publishedOn,
        };
        await AddAsync(db, c =>
        {
            c.Solicitations.Add(solicitation);
            for (var i = 0; i < comments; i++)
                c.SolicitationComments.Add(new SolicitationComment { SolicitationId = solicitation.Id, Content = $"意见{i}", SubmittedAt = DateTime.UtcNow });
        });
    }

    public static async Task SurveyAsync(TestDatabase db, string unitKey, DateOnly publishedOn, ParticipationState state, int answers)
    {
        var survey = new Survey
        {
            UnitId = UnitId(db, unitKey),
            State = state,
            Title = "满意度调查",
            OpensOn = publishedOn,
            ClosesOn = publishedOn.AddDays(30),
            PublishedOn = publishedOn,
        };
        await AddAsync(db, c =>
        {
            c.Surveys.Add(survey);
            for (var i = 0; i < answers; i++)
                c.SurveyResponses.Add(new SurveyResponse { SurveyId = survey.Id, VoterKey = $"voter-{Guid.NewGuid():N}", SubmittedAt = DateTime.UtcNow });
        });
    }
}
