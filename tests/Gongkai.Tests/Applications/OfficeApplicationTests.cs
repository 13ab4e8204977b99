using System.Net;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Applications;

/// <summary>The office side through the pages: record (第三十一条), inbox, steps, answer, supervision.</summary>
public class OfficeApplicationTests
{
    private static Dictionary<string, string> Record(string unitKey, string received) => new()
    {
        ["UnitCode"] = SeedDemoData.CodeOf(unitKey),
        ["Channel"] = "SignedForPost",
        ["ReceivedOn"] = received,
        ["Form.ApplicantKind"] = "Commercial",
        ["Form.ApplicantName"] = "青岚测试科技有限公司",
        ["Form.ContactPerson"] = "联系人甲",
        ["Form.IdType"] = "CreditCode",
        ["Form.IdNumber"] = SeedDemoData.CodeOf("fgw"),
        ["Form.Phone"] = "0000-87654321",
        ["Form.Description"] = "2024年度本区建设工程招标投标情况统计",
        ["Form.Form"] = "Paper",
        ["Form.Delivery"] = "PickUp",
    };

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_officer_should_record_a_posted_application_extend_it_and_answer_it(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        app.Database.Clock.SetToday(new DateOnly(2024, 10, 8));
        var client = await app.SignedInAsync("yy-officer");

        var recorded = await client.PostFormAsync("/office/applications/new", Record("yy-zjj", "2024-09-27"));
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var url = recorded.Headers.Location!.ToString();
        var page = await client.GetPageAsync(url);
        Assert.Contains("2024-10-30", page.QuerySelector(".status-box")!.TextContent);
        Assert.Contains("2024-10-12（周六）：周末调休上班，计为第 7 个工作日。", page.QuerySelector("ol.explanation")!.TextContent);

        var inbox = (await client.GetPageAsync("/office/applications")).QuerySelector("table")!.TextContent;
        Assert.Contains("青岚测试科技有限公司", inbox);

        var extend = await client.PostFormAsync(url + "?handler=Step", new()
        {
            ["Step.Kind"] = "Extended",
            ["Step.Date"] = "2024-10-08",
            ["Step.Days"] = "20",
            ["Step.Party"] = "李主任",
            ["Step.Note"] = "需调取历年档案",
        }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, extend.StatusCode);
        Assert.Contains("2024-11-27", (await client.GetPageAsync(url)).QuerySelector(".status-box")!.TextContent);

        // 第三十三条第二款: the extension notice tells the new due date; it comes as a page and as DOCX.
        var notice = await client.GetPageAsync(url + "/notices/2");
        Assert.Equal("政府信息公开申请延期答复告知书", notice.QuerySelector("article.notice-document h1")!.TextContent);
        Assert.Contains("2024年11月27日", notice.QuerySelector("article.notice-document")!.TextContent);
        var docx = await client.GetAsync(url + "/notices/2?handler=Docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + "/notices/1")).StatusCode);

        var refused = await client.PostFormAsync(url + "?handler=Answer", new() { ["Step.Date"] = "2024-10-08", ["Step.Outcome"] = "ThirdPartyRights" }, formPage: url);
        Assert.Contains("须在告知书中说明理由", await refused.Content.ReadAsStringAsync());

        // The answer goes out with the released document, posted as a browser posts a file.
        var token = (await client.GetPageAsync(url)).QuerySelector("form.answer input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("2024-10-08"), "Step.Date" },
            { new StringContent("Provided"), "Step.Outcome" },
            { new ByteArrayContent("%PDF-1.4 统计表"u8.ToArray()), "files", "招投标统计.pdf" },
        };
        var answered = await client.PostAsync(url + "?handler=Answer", upload);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var done = (await client.GetPageAsync(url)).Body!.TextContent;
        Assert.Contains("办理状态：已答复", done);
        var link = (await client.GetPageAsync(url)).QuerySelectorAll("a").Single(a => a.TextContent == "附件：招投标统计.pdf").GetAttribute("href")!;
        Assert.Equal("%PDF-1.4 统计表"u8.ToArray(), await client.GetByteArrayAsync(url + link));
        Assert.Contains("李主任", done);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task New_online_applications_should_head_the_inbox_oldest_first_awaiting_confirmation_of_receipt(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("officer", "city", StaffRole.ApplicationsOfficer);
        app.Database.Clock.SetToday(new DateOnly(2024, 10, 8));
        var officer = await app.SignedInAsync("officer");
        await officer.PostFormAsync("/office/applications/new", Record("yy-zjj", "2024-09-02"));   // overdue since 2024-09-30

        async Task<string> ApplyOnlineAsync(string day)
        {
            app.Database.Clock.SetToday(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));
            var client = app.Browser();
            var posted = await client.PostFormAsync("/ysqgk/apply", new()
            {
                ["UnitCode"] = SeedDemoData.CodeOf("zjj"),
                ["Form.ApplicantKind"] = "NaturalPerson",
                ["Form.ApplicantName"] = $"网上申请人{day[^1]}",
                ["Form.IdType"] = "ResidentIdCard",
                ["Form.IdNumber"] = ApplicationBuilder.SampleIdNumber,
                ["Form.Phone"] = "0000-12345678",
                ["Form.Email"] = "applicant@example.com",
                ["Form.Description"] = "2024年本市保障性住房分配名单的公示文件",
                ["Form.Form"] = "Electronic",
                ["Form.Delivery"] = "Email",
            });
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            return (await client.GetPageAsync(posted.Headers.Location!.ToString())).QuerySelector("#tracking-code")!.TextContent;
        }
        var first = await ApplyOnlineAsync("2024-10-08");
        var second = await ApplyOnlineAsync("2024-10-09");

        officer = await app.SignedInAsync("officer");   // the next day: yesterday's sign-in has expired
        var rows = (await officer.GetPageAsync("/office/applications")).QuerySelectorAll("table tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(3, rows.Count);
        Assert.StartsWith(first, rows[0][0]);
        Assert.Equal("待确认收到", rows[0][4]);
        Assert.Contains("2024-10-08 10:00 提交", rows[0][3]);
        Assert.StartsWith(second, rows[1][0]);
        Assert.Equal("待确认收到", rows[1][4]);
        Assert.StartsWith("2024-09-30", rows[2][4]);   // the recorded one, overdue, after those awaiting confirmation

        var inbox = System.Text.Json.JsonDocument.Parse(await officer.GetStringAsync("/api/v1/office/applications")).RootElement;
        Assert.Equal([first, second], inbox.EnumerateArray().Take(2).Select(a => a.GetProperty("trackingCode").GetString()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_supervisor_should_see_overdue_and_due_soon_applications_per_unit_of_the_subtree(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        await app.AddStaffAsync("city-supervisor", "city", StaffRole.Supervisor);
        await app.AddStaffAsync("st-supervisor", "st", StaffRole.Supervisor);
        app.Database.Clock.SetToday(new DateOnly(2024, 10, 28));
        var officer = await app.SignedInAsync("yy-officer");
        await officer.PostFormAsync("/office/applications/new", Record("yy-zjj", "2024-09-02"));   // due 2024-09-30: overdue
        await officer.PostFormAsync("/office/applications/new", Record("yy-czj", "2024-09-27"));   // due 2024-10-30: 2 days left

        var city = (await (await app.SignedInAsync("city-supervisor")).GetPageAsync("/office/supervision")).Body!.TextContent;
        Assert.Contains("已逾期 16 个工作日", city);
        Assert.Contains("剩 2 个工作日", city);

        var songtao = (await (await app.SignedInAsync("st-supervisor")).GetPageAsync("/office/supervision")).Body!.TextContent;
        Assert.DoesNotContain("已逾期 ", songtao);
        Assert.DoesNotContain("映月", songtao);
    }

    [Fact]
    public async Task A_passed_correction_period_should_be_flagged_and_the_application_closed_as_not_corrected()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("yy-officer", "yy", StaffRole.ApplicationsOfficer);
        app.Database.Clock.SetToday(new DateOnly(2024, 3, 4));
        var client = await app.SignedInAsync("yy-officer");
        var url = (await client.PostFormAsync("/office/applications/new", Record("yy", "2024-03-01"))).Headers.Location!.ToString();
        await client.PostFormAsync(url + "?handler=Step", new()
        {
            ["Step.Kind"] = "CorrectionRequested",
            ["Step.Date"] = "2024-03-04",
            ["Step.Note"] = "请写明所需文件的名称或文号",
            ["Step.Until"] = "2024-03-18",
        }, formPage: url);
        Assert.DoesNotContain("补正期限已过", (await client.GetPageAsync("/office/applications")).Body!.TextContent);

        // 第三十条: no correction by the period the unit set → 视为放弃申请, counted in row （六）1.
        app.Database.Clock.SetToday(new DateOnly(2024, 3, 19));
        client = await app.SignedInAsync("yy-officer");   // the sign-in of two weeks ago has expired on the same clock
        Assert.Contains("补正期限已过", (await client.GetPageAsync("/office/applications")).Body!.TextContent);
        var closed = await client.PostFormAsync(url + "?handler=Answer", new()
        {
            ["Step.Date"] = "2024-03-19",
            ["Step.Outcome"] = "CorrectionOverdue",
            ["Step.Note"] = "申请人未在补正期限内补正，视为放弃申请。",
        }, formPage: url);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Contains("申请人无正当理由逾期不补正", (await client.GetPageAsync(url)).QuerySelector(".status-box")!.TextContent);
    }

    [Fact]
    public async Task The_fee_form_should_show_the_per_application_fee_for_the_applicants_eleventh_application_of_the_month()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        await app.AddStaffAsync("officer", "city", StaffRole.ApplicationsOfficer);
        app.Database.Clock.SetToday(new DateOnly(2024, 5, 31));
        Guid last = default;
        await using (var scope = app.Database.Scope())
        {
            var submit = app.Database.Get<App.Applications.SubmitApplication>(scope);
            var officer = App.Accounts.StaffScope.System with { Roles = new HashSet<string> { StaffRole.ApplicationsOfficer } };
            for (var day = 6; day <= 16; day++)
            {
                var outcome = await submit.HandleAsync(new(SeedDemoData.CityCode, ApplicationBuilder.Person($"第 {day} 日申请的文件名称"),
                    Core.Applications.SubmissionChannel.InPerson, new DateOnly(2024, 5, day)), officer);
                last = outcome.Value!.Id;
            }
        }
        var page = await (await app.SignedInAsync("officer")).GetPageAsync($"/office/applications/{last}");
        // 109号: 1–10 free, 11–30 at 100 元 each.
        Assert.Contains("本自然月第 11 件申请，应收 100 元", page.Body!.TextContent);
    }
}
