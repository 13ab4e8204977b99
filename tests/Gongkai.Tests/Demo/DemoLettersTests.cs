using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Demo;

/// <summary>The demo year of letters gives every letters page something real to show, and follows the rules of real use.</summary>
public class DemoLettersTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_demo_should_open_mailboxes_and_bring_a_year_of_letters_of_every_kind(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2026, 12, 7));
        await using var scope = test.Scope();
        var added = await test.Get<SeedDemoLetters>(scope).HandleAsync();
        Assert.InRange(added, 2500, 3500);
        Assert.Equal(0, await test.Get<SeedDemoLetters>(scope).HandleAsync());

        var db = test.Get<GongkaiDb>(scope);
        Assert.Contains(await db.Mailboxes.Select(m => m.Name).ToListAsync(), n => n == "市长信箱");
        var states = await db.Letters.GroupBy(l => l.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        foreach (var state in new[] { LetterState.Received, LetterState.InProgress, LetterState.AwaitingReview, LetterState.Answered, LetterState.Closed, LetterState.Invalid, LetterState.TransferredOut })
            Assert.True(states.GetValueOrDefault(state) > 0, $"no demo letter is {state.ChineseName()}");
        var letters = await db.Letters.AsNoTracking().Select(l => new { l.State, l.ReceivedOn, l.AnsweredOn, l.AnsweredOnTime, l.Published, l.Rating, l.Channel }).ToListAsync();
        Assert.Contains(letters, l => l.AnsweredOn is not null && !l.AnsweredOnTime);
        Assert.Contains(letters, l => l.Channel == Gongkai.App.Letters.LetterChannel.SiteError);
        Assert.InRange(letters.Count(l => l.Published), 100, 600);
        Assert.Contains(letters, l => l.Rating == LetterRating.Unsatisfied);
        // The 单项否决 the site check looks for: valid letters unanswered for more than three months.
        Assert.InRange(letters.Count(l => l.State.IsOpen() && l.State.IsValid() && LetterClock.IsPastVeto(l.ReceivedOn, new DateOnly(2026, 12, 7))), 1, 10);
        Assert.True(await db.LetterLog.CountAsync() > 3 * added);
    }
}
