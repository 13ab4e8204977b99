using Gongkai.App.Applications;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Applications;
using Gongkai.Core.Calendar;
using Gongkai.Core.Privacy;
using Gongkai.Core.Units;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Demo;

/// <summary>The demo years of applications, on both databases: what the inbox, supervision and annual report will show.</summary>
public class SeedDemoApplicationsTests
{
    private static readonly DateOnly Today = new(2026, 11, 20);

    private static async Task<int> SeedAsync(TestDatabase test)
    {
        test.Clock.SetToday(Today);
        await using var scope = test.Scope();
        return await new SeedDemoApplications(test.Get<GongkaiDb>(scope), test.Get<OfficialCalendar>(scope), test.Clock).HandleAsync();
    }

    private static async Task<(List<Application> Applications, WorkCalendar Calendar)> LoadAsync(TestDatabase test)
    {
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        var applications = await db.Applications.Include(a => a.Log).AsNoTracking().ToListAsync();
        return (applications, await test.Get<OfficialCalendar>(scope).GetAsync(db));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeding_twice_should_add_the_years_of_applications_only_once(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        var added = await SeedAsync(test);
        Assert.InRange(added, 3 * 300, 4 * 400);   // 1 January three years back to today: about 330 a year
        var years = (await LoadAsync(test)).Applications.Where(a => a.ReceivedOn is not null).GroupBy(a => a.ReceivedOn!.Value.Year).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([Today.Year - 3, Today.Year - 2, Today.Year - 1, Today.Year], years.Keys.Order());
        Assert.All(years.Where(y => y.Key < Today.Year), y => Assert.InRange(y.Value, 250, 420));
        Assert.Equal(0, await SeedAsync(test));
        Assert.Equal(added, (await LoadAsync(test)).Applications.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_seeded_year_should_show_every_channel_applicant_kind_and_outcome(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await SeedAsync(test);
        var (applications, calendar) = await LoadAsync(test);

        Assert.Equal(Enum.GetValues<SubmissionChannel>(), applications.Select(a => a.Channel).Distinct().Order());
        Assert.Equal(Enum.GetValues<ApplicantKind>(), applications.Select(a => a.ApplicantKind).Distinct().Order());
        Assert.InRange(applications.Count(a => a.ApplicantKind == ApplicantKind.NaturalPerson) * 100 / applications.Count, 70, 90);
        var answered = applications.Where(a => a.State == ApplicationState.Answered).ToList();
        Assert.Equal(Enum.GetValues<OutcomeCategory>(), answered.Select(a => a.Outcome!.Value.Info().Category).Distinct().Order());
        Assert.Equal(Enum.GetValues<Outcome>(), answered.Select(a => a.Outcome!.Value).Distinct().Order());
        Assert.InRange(answered.Count(a => a.Outcome!.Value.Info().Category == OutcomeCategory.Disclosed) * 100 / answered.Count, 35, 55);
        var late = answered.Count(a => a.AnsweredOn > a.DueOn);
        Assert.InRange(late, 1, answered.Count / 20);
        Assert.True(applications.Select(a => a.UnitId).Distinct().Count() >= 20, "the applications should be spread over the demo units");
        Assert.All(answered.Where(a => a.Outcome!.Value.NeedsReasons()),
            a => Assert.NotEmpty(a.Log.Single(e => e.Kind == ApplicationEventKind.Answered).Note));
        var transferred = applications.Where(a => a.Log.Any(e => e.Kind == ApplicationEventKind.Transferred)).ToList();
        Assert.NotEmpty(transferred);
        Assert.All(transferred, a => Assert.Equal(a.Log.Single(e => e.Kind == ApplicationEventKind.Transferred).ToUnitId, a.UnitId));
        Assert.All(applications.SelectMany(a => a.Log).Where(e => e.Kind == ApplicationEventKind.FeeNoticeSent),
            e => Assert.Equal(calendar.AddWorkingDays(e.Date, ClockRules.FeePaymentDays), e.Until));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_seeded_year_should_give_the_supervisor_open_applications_overdue_and_due_soon(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await SeedAsync(test);
        var (applications, calendar) = await LoadAsync(test);

        var open = applications.Where(a => a.State.IsOpen()).ToList();
        Assert.Equal(Enum.GetValues<ApplicationState>(), applications.Select(a => a.State).Distinct().Order());
        Assert.Contains(open, a => a.DueOn < Today && a.ReceivedOn < Today.AddDays(-60));
        Assert.Contains(open, a => a.DueOn is { } due && DeadlineClock.IsDueSoon(DeadlineClock.WorkingDaysLeft(calendar, Today, due)));
        var recent = applications.Where(a => calendar.WorkingDaysBetween(a.ReceivedOn ?? a.Log[0].Date, Today) <= 10).ToList();
        Assert.True(recent.Count(a => a.State.IsOpen()) * 2 > recent.Count, "most applications of the last two weeks should still be open");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Every_seeded_application_should_store_what_its_log_replays_to_under_the_rules(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await SeedAsync(test);
        var (applications, calendar) = await LoadAsync(test);

        Assert.All(applications, a =>
        {
            var log = a.Log.OrderBy(e => e.Sequence).ToList();
            Assert.Equal(Enumerable.Range(1, log.Count), log.Select(e => e.Sequence));
            Assert.Contains(log[0].Kind, new[] { ApplicationEventKind.SubmittedOnline, ApplicationEventKind.Recorded });
            Assert.Equal(a.Channel == SubmissionChannel.Online, log[0].Kind == ApplicationEventKind.SubmittedOnline);
            for (var i = 1; i < log.Count; i++)
                Assert.Null(ApplicationHistory.Refusal(ApplicationHistory.Replay(log.Take(i).Select(e => e.ToEvent())), log[i].ToEvent(), Today));
            var status = ApplicationHistory.Replay(log.Select(e => e.ToEvent()));
            Assert.Equal(status.State, a.State);
            Assert.Equal(status.Outcome, a.Outcome);
            Assert.Equal(status.AnsweredOn, a.AnsweredOn);
            Assert.Equal(status.Clock?.Received, a.ReceivedOn);
            Assert.Equal(status.Clock is { } facts ? DeadlineClock.Compute(calendar, facts, Today).Due : null, a.DueOn);
            Assert.True(a.AnsweredOn is null || a.AnsweredOn <= Today, $"{a.TrackingCode} answered after today");
            Assert.All(log, e => Assert.True(e.Date <= Today));
            Assert.Equal(log[0].RecordedAt, a.CreatedAt);
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seeded_applicants_should_be_fictional_with_valid_identity_numbers(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await SeedAsync(test);
        var (applications, _) = await LoadAsync(test);

        Assert.All(applications.Where(a => a.IdType == IdDocumentType.ResidentIdCard), a =>
        {
            Assert.True(ResidentIdNumber.IsValid(a.IdNumber), a.IdNumber);
            Assert.StartsWith("999", a.IdNumber);
        });
        Assert.All(applications.Where(a => a.IdType == IdDocumentType.CreditCode), a =>
        {
            Assert.True(OrganisationCode.TryParse(a.IdNumber, out var code, out var error), error);
            Assert.Equal(("99", OrganisationCodeKind.CreditCode), (a.IdNumber[2..4], code!.Kind));
        });
        Assert.All(applications, a =>
        {
            Assert.StartsWith("0000-", a.Phone);
            Assert.Contains("某某", a.ApplicantKind.IsOrganisation() ? a.ContactPerson : a.ApplicantName);
            var request = new ApplicationRequest
            {
                ApplicantKind = a.ApplicantKind,
                ApplicantName = a.ApplicantName,
                ContactPerson = a.ContactPerson,
                IdType = a.IdType,
                IdNumber = a.IdNumber,
                Phone = a.Phone,
                Email = a.Email,
                Address = a.Address,
                PostalCode = a.PostalCode,
                Description = a.Description,
                Form = a.Form,
                Delivery = a.Delivery,
            };
            Assert.Empty(request.Problems());
        });
    }

    [Fact]
    public async Task Seeding_on_the_same_day_should_give_the_same_year()
    {
        static async Task<List<string>> YearAsync()
        {
            await using var test = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await SeedAsync(test);
            return [.. (await LoadAsync(test)).Applications
                .Select(a => $"{a.CreatedAt:O} {a.Channel} {a.ApplicantName} {a.IdNumber} {a.Description} {a.State} {a.DueOn} {a.Outcome} {a.Log.Count}")
                .Order(StringComparer.Ordinal)];
        }
        Assert.Equal(await YearAsync(), await YearAsync());
    }
}
