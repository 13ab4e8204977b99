using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Cases;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Cases;
using Gongkai.Tests.Applications;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Cases;

/// <summary>Recording and changing cases through the use case, on both databases: scope, validation, the log, the counting rules.</summary>
public class ReviewCaseTests
{
    private static async Task<Outcome<ReviewCase>> SaveAsync(TestDatabase test, StaffScope actor, CaseDetails details, string unitKey = "yy-jyj",
        string application = "", Guid? id = null)
    {
        await using var scope = test.Scope();
        return await test.Get<SaveReviewCase>(scope).HandleAsync(new(id, SeedDemoData.CodeOf(unitKey), application, details), actor);
    }

    private static async Task<ReviewCase> LoadAsync(TestDatabase test, Guid id)
    {
        await using var scope = test.Scope();
        return await test.Get<GongkaiDb>(scope).ReviewCases.Include(c => c.Log).Include(c => c.Application).AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private static async Task<Guid> ApplicationOfAsync(TestDatabase test, string unitKey)
    {
        await using var scope = test.Scope();
        var outcome = await test.Get<SubmitApplication>(scope).OnlineAsync(SeedDemoData.CodeOf(unitKey), ApplicationBuilder.Person());
        return outcome.Value!.Id;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_case_should_be_recorded_then_decided_with_each_change_logged(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2024, 6, 1));
        var officer = await CaseBuilder.StaffOfAsync(test, "yy-jyj");
        var applicationId = await ApplicationOfAsync(test, "yy-jyj");
        string trackingCode;
        await using (var scope = test.Scope())
            trackingCode = (await test.Get<GongkaiDb>(scope).Applications.SingleAsync(a => a.Id == applicationId)).TrackingCode;

        var recorded = await SaveAsync(test, officer, CaseBuilder.Suit(), application: trackingCode.Replace("-", "").ToLowerInvariant());
        Assert.True(recorded.Succeeded, string.Join("; ", recorded.Problems));
        var id = recorded.Value!.Id;

        test.Clock.SetToday(new DateOnly(2024, 6, 20));
        var decided = CaseBuilder.Suit() with { DecidedOn = new DateOnly(2024, 6, 18), Result = CaseResult.Corrected };
        Assert.True((await SaveAsync(test, officer, decided, application: trackingCode, id: id)).Succeeded);
        Assert.True((await SaveAsync(test, officer, decided, application: trackingCode, id: id)).Succeeded);   // nothing changed: nothing logged

        var saved = await LoadAsync(test, id);
        Assert.Equal((applicationId, CaseResult.Corrected, new DateOnly(2024, 6, 18), true), (saved.ApplicationId!.Value, saved.Result, saved.DecidedOn!.Value, saved.Counted));
        Assert.Equal([SaveReviewCase.Recorded, SaveReviewCase.Changed], saved.Log.OrderBy(e => e.Sequence).Select(e => e.Action));
        Assert.Equal("审结日期：未填 → 2024-06-18；审理结果：尚未审结 → 结果纠正", saved.Log.Single(e => e.Sequence == 2).Note);
        Assert.All(saved.Log, e => Assert.Equal(("yy-jyj-staff", "yy-jyj办理人员"), (e.ActorId, e.ActorName)));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_yingyue_account_should_neither_record_nor_see_nor_change_songtao_cases(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2024, 6, 1));
        var yingyue = await CaseBuilder.StaffOfAsync(test, "yy");
        var songtao = await CaseBuilder.StaffOfAsync(test, "st");

        var outside = await SaveAsync(test, yingyue, CaseBuilder.Suit(), unitKey: "st-jyj");
        Assert.Equal(("UnitCode", "请选择登记案件的行政机关（本单位或下级单位）。"), (outside.Problems.Single().Field, outside.Problems.Single().Message));

        var songtaoCase = (await SaveAsync(test, songtao, CaseBuilder.Suit(), unitKey: "st-jyj")).Value!.Id;
        Assert.Equal(OutcomeKind.Missing, (await SaveAsync(test, yingyue, CaseBuilder.Suit(), unitKey: "yy", id: songtaoCase)).Kind);
        var songtaoApplication = await ApplicationOfAsync(test, "st-jyj");
        var foreign = await SaveAsync(test, yingyue, CaseBuilder.Suit(), unitKey: "yy", application: songtaoApplication.ToString());
        Assert.Contains("不在您的管辖范围内", foreign.Problems.Single(p => p.Field == "Application").Message);

        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        Assert.Empty(await db.ReviewCases.InScope(yingyue).ToListAsync());
        Assert.Null(await db.FindCaseAsync(songtaoCase, yingyue));
        Assert.Single(await db.ReviewCases.InScope(await CaseBuilder.StaffOfAsync(test, "city")).ToListAsync());

        var supervisor = await CaseBuilder.StaffOfAsync(test, "yy", StaffRole.Supervisor);
        Assert.Equal(OutcomeKind.Denied, (await SaveAsync(test, supervisor, CaseBuilder.Suit(), unitKey: "yy")).Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Invalid_cases_should_be_refused_field_by_field_in_chinese(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2024, 6, 1));
        var officer = await CaseBuilder.StaffOfAsync(test, "yy");
        var bureauApplication = await ApplicationOfAsync(test, "yy-jyj");

        var bad = await SaveAsync(test, officer, CaseBuilder.Suit() with { ReviewingBody = "", DecidedOn = new DateOnly(2024, 3, 1), Result = CaseResult.Upheld });
        Assert.Equal(new Dictionary<string, string>
        {
            ["ReviewingBody"] = "请填写受理法院（不超过 100 字）。",
            ["DecidedOn"] = "审结日期不能早于立案日期。",
        }, bad.Problems.ToDictionary(p => p.Field, p => p.Message));

        // The application must be the recording unit's or one of its subtree: 映月区教育局's is not 映月区财政局's.
        var sibling = await SaveAsync(test, officer, CaseBuilder.Suit(), unitKey: "yy-czj", application: bureauApplication.ToString());
        Assert.Equal("该申请由青岚市映月区教育局办理，不属于所选机关或其下级单位。", sibling.Problems.Single().Message);
        Assert.True((await SaveAsync(test, officer, CaseBuilder.Suit(), unitKey: "yy", application: bureauApplication.ToString())).Succeeded);

        var twice = await SaveAsync(test, officer, CaseBuilder.Suit(), unitKey: "yy");
        Assert.Equal(("CaseNumber", "映月区政府已登记案号为“（2024）青0102行初45号”的案件。"), (twice.Problems.Single().Field, twice.Problems.Single().Message));
        Assert.Contains("找不到查询码为“2222-2222-2222”的申请", (await SaveAsync(test, officer, CaseBuilder.Suit("x"), application: "2222-2222-2222")).Problems.Single().Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Rule_201_a_suit_recorded_by_the_reconsideration_body_as_co_defendant_should_not_count_for_it(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2024, 6, 1));
        var officer = await CaseBuilder.StaffOfAsync(test, "yy");
        var after = CaseBuilder.Suit() with { Kind = CaseKind.SuitAfterReconsideration, ReconsiderationBodyIsCoDefendant = true };

        var original = (await SaveAsync(test, officer, after, unitKey: "yy-jyj")).Value!;
        var body = (await SaveAsync(test, officer, after with { Party = CaseParty.ReconsiderationBody }, unitKey: "yy")).Value!;
        var soleDefendant = (await SaveAsync(test, officer, after with { Party = CaseParty.ReconsiderationBody, ReconsiderationBodyIsCoDefendant = false, CaseNumber = "（2024）青0102行初46号" }, unitKey: "yy")).Value!;
        Assert.Equal((true, false, true), (original.Counted, body.Counted, soleDefendant.Counted));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Year_end_rule_the_year_filter_should_choose_exactly_the_cases_the_core_rule_counts_in_that_year(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        test.Clock.SetToday(new DateOnly(2025, 6, 1));
        var officer = await CaseBuilder.StaffOfAsync(test, "yy");
        (string Filed, string? Decided)[] dates =
        [
            ("2022-12-31", null), ("2023-01-01", "2023-12-31"), ("2023-11-20", "2024-02-06"), ("2024-01-01", "2024-01-01"),
            ("2024-12-31", "2025-01-02"), ("2025-01-01", null), ("2022-05-06", "2023-01-01"),
        ];
        for (var i = 0; i < dates.Length; i++)
        {
            var decided = dates[i].Decided is { } d ? DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
            var outcome = await SaveAsync(test, officer, CaseBuilder.Suit($"案{i}") with
            {
                FiledOn = DateOnly.Parse(dates[i].Filed, System.Globalization.CultureInfo.InvariantCulture),
                DecidedOn = decided,
                Result = decided is null ? CaseResult.Pending : CaseResult.Upheld,
            }, unitKey: "yy");
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        }
        await using var scope = test.Scope();
        var all = await test.Get<GongkaiDb>(scope).ReviewCases.AsNoTracking().ToListAsync();
        foreach (var year in new[] { 2021, 2022, 2023, 2024, 2025 })
        {
            var listed = (await test.Get<GongkaiDb>(scope).ReviewCases.InReportYear(year).Select(c => c.CaseNumber).ToListAsync()).Order();
            var counted = all.Where(c => CaseCounting.StateAtYearEnd(c.FiledOn, c.DecidedOn, c.Result, year) is not null).Select(c => c.CaseNumber).Order();
            Assert.Equal(counted, listed);
        }
        Assert.Equal(["案0", "案1", "案2", "案6"], all.Where(c => CaseCounting.StateAtYearEnd(c.FiledOn, c.DecidedOn, c.Result, 2023) is not null).Select(c => c.CaseNumber).Order());
    }
}
