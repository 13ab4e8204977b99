using Gongkai.App;
using Gongkai.App.Accounts;
using Gongkai.App.Applications;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Applications;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;
using E = Gongkai.Core.Applications.ApplicationEventKind;

namespace Gongkai.Tests.Applications;

/// <summary>Applications through the use cases, on both databases: the log is the record, status and due date follow from it.</summary>
public class ApplicationWorkflowTests
{
    private static readonly StaffScope Officer = StaffScope.System with { DisplayName = "办理人员", Roles = new HashSet<string> { StaffRole.ApplicationsOfficer } };

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<SubmitApplication.Receipt> SubmitOnlineAsync(TestDatabase db, string day, string unit = "jyj")
    {
        db.Clock.SetToday(D(day));
        await using var scope = db.Scope();
        var outcome = await db.Get<SubmitApplication>(scope).OnlineAsync(SeedDemoData.CodeOf(unit), ApplicationBuilder.Person());
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Value!;
    }

    private static async Task<Outcome<ApplicationLogEntry>> StepAsync(TestDatabase db, Guid id, E kind, string day, StaffScope? actor = null,
        string note = "", string party = "", int? days = null, decimal? amount = null, DateOnly? until = null)
    {
        db.Clock.SetToday(D(day));
        await using var scope = db.Scope();
        return await db.Get<RecordStep>(scope).HandleAsync(new(id, kind, D(day), note, party, days, amount, until), actor ?? Officer);
    }

    private static async Task<Application> LoadAsync(TestDatabase db, Guid id)
    {
        await using var scope = db.Scope();
        return await db.Get<GongkaiDb>(scope).Applications.Include(a => a.Log).AsNoTracking().SingleAsync(a => a.Id == id);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_online_application_should_be_confirmed_consulted_extended_and_answered_with_every_step_logged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var receipt = await SubmitOnlineAsync(db, "2024-09-19");
        Assert.Equal((ApplicationState.AwaitingConfirmation, false), (receipt.State, receipt.DueDateFinal));
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", receipt.TrackingCode);

        Assert.True((await StepAsync(db, receipt.Id, E.Confirmed, "2024-09-20")).Succeeded);
        Assert.Equal(D("2024-10-23"), (await LoadAsync(db, receipt.Id)).DueOn);

        Assert.True((await StepAsync(db, receipt.Id, E.ThirdPartyConsulted, "2024-09-25", party: "青岚某某建设有限公司")).Succeeded);
        Assert.True((await StepAsync(db, receipt.Id, E.ConsultationEnded, "2024-10-10", note: "第三方同意公开")).Succeeded);
        Assert.Equal(D("2024-11-01"), (await LoadAsync(db, receipt.Id)).DueOn);

        var extended = await StepAsync(db, receipt.Id, E.Extended, "2024-10-28", party: "王主任", note: "涉及多个处室，需要汇总", days: 20);
        Assert.True(extended.Succeeded, string.Join("; ", extended.Problems));
        Assert.Equal(D("2024-11-29"), (await LoadAsync(db, receipt.Id)).DueOn);

        db.Clock.SetToday(D("2024-11-20"));
        await using (var scope = db.Scope())
        {
            var answer = await db.Get<AnswerApplication>(scope).HandleAsync(new(receipt.Id, D("2024-11-20"), Outcome.PartiallyDisclosed,
                "其中涉及第三方商业秘密的部分不予公开（第十五条）。", [new("清单.pdf", "%PDF-1.4 清单"u8.ToArray())]), Officer);
            Assert.True(answer.Succeeded, string.Join("; ", answer.Problems));
        }
        var done = await LoadAsync(db, receipt.Id);
        Assert.Equal((ApplicationState.Answered, Outcome.PartiallyDisclosed, D("2024-11-20")), (done.State, done.Outcome!.Value, done.AnsweredOn!.Value));
        Assert.Equal([E.SubmittedOnline, E.Confirmed, E.ThirdPartyConsulted, E.ConsultationEnded, E.Extended, E.Answered],
            done.Log.OrderBy(e => e.Sequence).Select(e => e.Kind));
        Assert.Equal("王主任", done.Log.Single(e => e.Kind == E.Extended).Party);

        var again = await StepAsync(db, receipt.Id, E.Extended, "2024-11-21", party: "王主任", note: "再次延期", days: 5);
        Assert.Equal(OutcomeKind.Invalid, again.Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Staff_should_record_a_posted_application_with_its_signed_for_date_and_a_correction_should_restart_the_clock(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(D("2024-03-04"));
        SubmitApplication.Receipt receipt;
        await using (var scope = db.Scope())
        {
            var outcome = await db.Get<SubmitApplication>(scope).HandleAsync(
                new(SeedDemoData.CodeOf("yy"), ApplicationBuilder.Person("关于那件事的文件"), SubmissionChannel.SignedForPost, D("2024-03-01")), Officer);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
            receipt = outcome.Value!;
        }
        Assert.Equal((ApplicationState.InProgress, D("2024-03-29"), true), (receipt.State, receipt.DueOn!.Value, receipt.DueDateFinal));

        var missing = await StepAsync(db, receipt.Id, E.CorrectionRequested, "2024-03-05");
        Assert.Equal(["Note", "Until"], missing.Problems.Select(p => p.Field));
        Assert.True((await StepAsync(db, receipt.Id, E.CorrectionRequested, "2024-03-05", note: "请写明文件名称或文号", until: D("2024-03-19"))).Succeeded);
        Assert.Null((await LoadAsync(db, receipt.Id)).DueOn);
        Assert.True((await StepAsync(db, receipt.Id, E.CorrectionReceived, "2024-03-20")).Succeeded);
        Assert.Equal(D("2024-04-18"), (await LoadAsync(db, receipt.Id)).DueOn);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_district_officer_should_not_act_on_another_districts_application(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var receipt = await SubmitOnlineAsync(db, "2024-09-19", unit: "st-jyj");
        await using var scope = db.Scope();
        var yingyue = await db.Get<GongkaiDb>(scope).Units.Where(u => u.Code == SeedDemoData.CodeOf("yy")).Select(u => u.Path).SingleAsync();
        var outsider = Officer with { UnitPath = yingyue };
        Assert.Equal(OutcomeKind.Missing, (await StepAsync(db, receipt.Id, E.Confirmed, "2024-09-20", outsider)).Kind);
        var supervisor = Officer with { Roles = new HashSet<string> { StaffRole.Supervisor } };
        Assert.Equal(OutcomeKind.Denied, (await StepAsync(db, receipt.Id, E.Confirmed, "2024-09-20", supervisor)).Kind);
        Assert.Equal(ApplicationState.AwaitingConfirmation, (await LoadAsync(db, receipt.Id)).State);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bad_online_application_should_name_each_bad_field(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var scope = db.Scope();
        var request = ApplicationBuilder.Person("短") with { IdNumber = "110105194912310021", Phone = "", Delivery = DeliveryMethod.Post, Address = "" };
        var outcome = await db.Get<SubmitApplication>(scope).OnlineAsync("000000000", request);
        Assert.Equal(["IdNumber", "Phone", "Address", "Description", "UnitCode"], outcome.Problems.Select(p => p.Field));
        Assert.Contains("校验码不符", outcome.Problems[0].Message);
        Assert.Equal(0, await db.Get<GongkaiDb>(scope).Applications.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Importing_a_calendar_should_move_open_due_dates_and_say_so_in_their_logs(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var open = await SubmitOnlineAsync(db, "2026-12-14");
        Assert.True((await StepAsync(db, open.Id, E.Confirmed, "2026-12-14")).Succeeded);
        // 2027 is not published: Monday–Friday only, so the 20th working day is 2027-01-11.
        Assert.Equal(D("2027-01-11"), (await LoadAsync(db, open.Id)).DueOn);

        await using (var scope = db.Scope())
        {
            var json = """{"years": {"2027": {"holidays": ["2027-01-01", "2027-01-04", "2027-01-05"], "workdays": ["2027-01-09"]}}}""";
            var result = await db.Get<ImportCalendar>(scope).HandleAsync(json, "测试");
            Assert.True(result.Succeeded, string.Join("; ", result.Problems));
            Assert.Equal((1, 1), (result.Value!.OpenApplications, result.Value.DueDatesMoved));
        }
        // Three holidays fewer and one make-up Saturday more: two working days later.
        var moved = await LoadAsync(db, open.Id);
        Assert.Equal(D("2027-01-13"), moved.DueOn);
        Assert.Contains("由 2027-01-11 调整为 2027-01-13", moved.Log.Single(e => e.Kind == E.DeadlineRecomputed).Note);

        await using var check = db.Scope();
        var calendar = await db.Get<OfficialCalendar>(check).GetAsync(db.Get<GongkaiDb>(check));
        Assert.True(calendar.IsPublished(2027));
        Assert.False(calendar.IsWorkingDay(D("2027-01-04")));
    }
}
