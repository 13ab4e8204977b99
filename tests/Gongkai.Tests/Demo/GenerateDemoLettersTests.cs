using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Letters;
using Gongkai.App.Search;
using Gongkai.Cli;
using Gongkai.Core.Letters;
using Gongkai.Core.Privacy;
using Gongkai.Core.Units;
using Gongkai.Tests.Cli;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Demo;

/// <summary>
/// `gongkai demo letters`: letters whose logs the rules allow step by step and whose columns are what the log replays
/// to, over the official calendar; a mix a statistics page and an inbox can show; numbers unique; the published ones searchable.
/// </summary>
public class GenerateDemoLettersTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);   // a Monday: letters of the weekend still wait to be screened

    private static async Task<long> GenerateAsync(TestDatabase test, int count, double backlog = 0.05)
    {
        await using var scope = test.Scope();
        await test.Get<SeedDemoLetters>(scope).OpenMailboxesAsync();
        var seed = test.Get<GenerateDemoLetters>(scope);
        var (from, to) = seed.Period(2026);
        return await test.Get<BulkLetterWriter>(scope).WriteAsync(seed.StreamAsync(count, from, to, backlog), total: count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Generated_letters_should_follow_the_rules_step_by_step_and_be_searchable_once_published(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(Today);
        Assert.Equal(800, await GenerateAsync(test, 800));
        Assert.Equal(400, await GenerateAsync(test, 400));   // again: numbers go on; published letters older than the index's newest make it rebuild

        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var letters = await db.Letters.AsNoTracking().Include(l => l.Log).Include(l => l.MailboxUnit).Include(l => l.Unit).ToListAsync();
        var calendar = await test.Get<OfficialCalendar>(scope).GetAsync(db);
        var settings = LetterSettings.Default;
        Assert.Equal(1200, letters.Count);
        Assert.Equal(letters.Count, letters.Select(l => l.Number).Distinct().Count());
        foreach (var letter in letters)
        {
            Assert.StartsWith(letter.ReceivedOn.ToString("yyyyMMdd"), letter.Number);
            var log = letter.Log.OrderBy(e => e.Sequence).ToList();
            Assert.Equal(LetterEventKind.Submitted, log[0].Kind);
            for (var i = 1; i < log.Count; i++)
            {
                var before = LetterHistory.Replay(log.Take(i).Select(e => e.ToEvent()), calendar, letter.Type, settings.TimeLimits);
                var closes = before.AnsweredOn is { } answered ? LetterClock.RatingClosesOn(calendar, answered, settings.RatingWindowDays) : (DateOnly?)null;
                Assert.Null(LetterHistory.Refusal(before, log[i].ToEvent(), letter.Type, settings.TimeLimits, Today, closes, letter.PublishConsent));
                Assert.True(log[i].RecordedAt > log[i - 1].RecordedAt);
            }
            var status = LetterHistory.Replay(log.Select(e => e.ToEvent()), calendar, letter.Type, settings.TimeLimits);
            Assert.Equal((status.State, status.DueOn, status.AnsweredOn, status.AnsweredOnTime, status.Rating, status.Published),
                (letter.State, letter.DueOn, letter.AnsweredOn, letter.AnsweredOnTime, letter.Rating, letter.Published));
            Assert.True(UnitPath.IsWithin(letter.Unit.Path, letter.MailboxUnit.Path));
            if (letter.Published)
            {
                Assert.True(letter.PublishedOn >= letter.AnsweredOn && letter.PublishedAnswer.Length > 0 && letter.PublishConsent);
                Assert.Empty(PersonalDataScreen.Find($"{letter.PublishedSubject}\n{letter.PublishedContent}\n{letter.PublishedAnswer}"));
                Assert.DoesNotContain('{', letter.PublishedAnswer);
            }
        }

        // What a year of a real mailbox shows: every type and state, late answers, ratings, open letters past the 3-month veto.
        Assert.Equal(Enum.GetValues<LetterType>().Order(), letters.Select(l => l.Type).Distinct().Order());
        Assert.Equal(Enum.GetValues<LetterState>().Order(), letters.Select(l => l.State).Distinct().Order());
        Assert.Contains(letters, l => l.AnsweredOn is not null && !l.AnsweredOnTime);
        Assert.Contains(letters, l => l.Extended);
        Assert.Contains(letters, l => l.Rating == LetterRating.Unsatisfied);
        Assert.Contains(letters, l => l.Log.Any(e => e.Kind == LetterEventKind.RatingLapsed));
        Assert.Contains(letters, l => l.State.IsValid() && l.State.IsOpen() && LetterClock.IsPastVeto(l.ReceivedOn, Today));
        Assert.InRange(letters.Count(l => l.Published), 60, 180);   // about a tenth
        Assert.Equal(11, letters.Select(l => l.MailboxUnitId).Distinct().Count());   // every demo mailbox

        var published = letters.Count(l => l.Published);
        var everything = await test.Get<LetterSearch>(scope).SearchAsync(null, new(), 1);
        Assert.Equal((published, true), (everything.Total, everything.TotalIsExact));
        var one = letters.First(l => l.Published);
        var found = await test.Get<LetterSearch>(scope).SearchAsync(Core.Catalog.SearchQuery.Parse($"「{one.PublishedSubject}」").Query, new());
        Assert.Contains(one.Number, found.Hits.Select(h => h.Number));
    }

    [Fact]
    public async Task The_command_should_open_the_mailboxes_write_the_letters_and_say_how_fast()
    {
        await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var run = await CliRun.RunAsync(test, "demo", "letters", "--count", "300");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^已开设 11 个信箱。已载入 300 封演示来信（\d{4}-\d\d-\d\d 至 \d{4}-\d\d-\d\d，其中公开选登 \d+ 封；[\d.]+ 秒，每秒 [\d,]+ 封），检索索引已同时更新。", run.Out);
        await using var scope = test.Scope();
        var mailboxes = await test.Get<GongkaiDb>(scope).Mailboxes.AsNoTracking().OrderBy(m => m.SortOrder).Select(m => m.Name).ToListAsync();
        Assert.Equal(["市长信箱", "市发展改革委主任信箱", "市教育局局长信箱"], mailboxes.Take(3));
        Assert.Equal(["映月区区长信箱", "松涛区区长信箱", "鹿鸣县县长信箱"], mailboxes.TakeLast(3));
        Assert.Equal(GongkaiCli.BadInput, (await CliRun.RunAsync(test, "demo", "letters", "--count", "0")).ExitCode);
    }
}
