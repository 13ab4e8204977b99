using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Participation;
using Gongkai.Tests.Data;
using Gongkai.Tests.Letters;

namespace Gongkai.Tests.Participation;

/// <summary>The participation desk's first page counts what waits on the office, for the account's units only.</summary>
public class ParticipationOverviewTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_should_see_its_own_open_work_and_the_city_everything_below_it(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2026, 12, 7));
        await using (var seed = test.Scope())
            await test.Get<SeedDemoParticipation>(seed).HandleAsync();
        var city = await LetterTestData.StaffAsync(test, "city");
        var district = await LetterTestData.StaffAsync(test, "yy");
        var bureau = await LetterTestData.StaffAsync(test, "stj");

        await using var scope = test.Scope();
        var overview = test.Get<ParticipationOverview>(scope);
        var all = await overview.HandleAsync(city);
        var yy = await overview.HandleAsync(district);
        var stj = await overview.HandleAsync(bureau);
        // Open now: the city's 养犬管理规定 and 映月区's 老旧小区改造 — the district sees its own only.
        Assert.Equal((2, 1, 0), (all.SolicitationsOpen, yy.SolicitationsOpen, stj.SolicitationsOpen));
        // Closed without feedback: the education bureau's (overdue) and the environment bureau's (shortened period).
        Assert.Equal((2, 0, 1), (all.AwaitingFeedback, yy.AwaitingFeedback, stj.AwaitingFeedback));
        Assert.Equal(1, all.SurveysOpen);
        Assert.Equal(1, all.InterviewsComing);
        Assert.Equal(1, all.Drafts);
        Assert.True(all.CommentsPending > 0);
        Assert.Equal(0, yy.InterviewsComing + yy.ConferencesThisYear);
        Assert.True(all.ResponsesThisYear > yy.ResponsesThisYear);
    }
}
