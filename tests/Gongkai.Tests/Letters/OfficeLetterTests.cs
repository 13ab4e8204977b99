using System.Net;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Letters;

/// <summary>The office side of letters through the pages: screening, assignment, extension, answer, review, publication (issue 14).</summary>
public class OfficeLetterTests
{
    private static async Task<HttpResponseMessage> StepAsync(HttpClient client, string url, Dictionary<string, string> fields) =>
        await client.PostFormAsync(url + "?handler=Step", fields, formPage: url);

    private static async Task<HttpResponseMessage> AnswerAsync(HttpClient client, string url, string text)
    {
        var token = (await client.GetPageAsync(url)).QuerySelector("form#step-AnswerSubmitted input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("AnswerSubmitted"), "Step.Kind" },
            { new StringContent(text), "Step.Note" },
            { new ByteArrayContent("%PDF-1.4 排水设施检修记录"u8.ToArray()), "files", "检修记录.pdf" },
        };
        return await client.PostAsync(url + "?handler=Step", form);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_bureau_should_answer_an_assigned_letter_and_the_mailbox_office_review_send_and_publish_it(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await OfficeLetterBuilder.OpenMailboxAsync(app.Database, "city", "市长信箱");
        await app.AddStaffAsync("city-letters", "city", StaffRole.LettersOfficer);
        await app.AddStaffAsync("zjj-letters", "zjj", StaffRole.LettersOfficer);
        var letter = await OfficeLetterBuilder.WriteAsync(app.Database, "city", new DateOnly(2026, 3, 2));
        var url = $"/office/letters/{letter.Id}";
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 3));
        var office = await app.SignedInAsync("city-letters");
        var bureau = await app.SignedInAsync("zjj-letters");

        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(office, url, new() { ["Step.Kind"] = "Accepted", ["Step.Routing"] = "Referred" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(office, url, new() { ["Step.Kind"] = "Assigned", ["Step.UnitCode"] = SeedDemoData.CodeOf("zjj"), ["Step.Note"] = "请核实处理" })).StatusCode);
        Assert.Contains(letter.Number, (await bureau.GetPageAsync("/office/letters")).QuerySelector("table")!.TextContent);

        // 延期: once, at most the type's limit again (投诉 13 working days), with a reason.
        var tooLong = await StepAsync(bureau, url, new() { ["Step.Kind"] = "Extended", ["Step.Days"] = "14", ["Step.Note"] = "需现场勘察" });
        Assert.Contains("延长的期限应为 1 至 13 个工作日", (await Parse(tooLong)).QuerySelector("form#step-Extended .error")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(bureau, url, new() { ["Step.Kind"] = "Extended", ["Step.Days"] = "5", ["Step.Note"] = "需现场勘察" })).StatusCode);
        var page = await bureau.GetPageAsync(url);
        Assert.Null(page.QuerySelector("form#step-Extended"));
        Assert.Contains("已延期 5 个工作日", page.QuerySelector(".status-box")!.TextContent);
        var again = await StepAsync(bureau, url, new() { ["Step.Kind"] = "Extended", ["Step.Days"] = "2", ["Step.Note"] = "再延" });
        Assert.Contains("每件来信只能延期一次", await again.Content.ReadAsStringAsync());

        // The bureau answers; the mailbox office returns it once, then approves: the writer is told through the outbox.
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(bureau, url, "经查，该路口排水管道堵塞，已于3月5日疏通。如有问题请致电 13912345678 联系。")).StatusCode);
        Assert.Null((await bureau.GetPageAsync(url)).QuerySelector("form#step-Answered"));
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(office, url, new() { ["Step.Kind"] = "AnswerReturned", ["Step.Note"] = "请写明后续防范措施" })).StatusCode);
        Assert.Contains("办理状态：办理中", (await bureau.GetPageAsync(url)).QuerySelector(".status-box")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await AnswerAsync(bureau, url, "经查，该路口排水管道堵塞，已于3月5日疏通，并纳入汛前巡查。如有问题请致电 13912345678 联系。")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(office, url, new() { ["Step.Kind"] = "Answered", ["Step.Note"] = "" })).StatusCode);
        await using (var scope = app.Database.Scope())
        {
            var db = app.Database.Get<GongkaiDb>(scope);
            var sent = await db.OutboxMessages.SingleAsync(m => m.About == $"letter:{letter.Number}");
            Assert.Equal(OfficeLetterBuilder.WriterEmail, sent.To);
            Assert.Contains(letter.Number, sent.Body);
        }
        var answered = await office.GetPageAsync(url);
        Assert.Contains("办理状态：已答复", answered.QuerySelector(".status-box")!.TextContent);
        Assert.Contains("检修记录.pdf", answered.QuerySelector("#log")!.ParentElement!.TextContent);

        // 答复意见书 as a page and as DOCX.
        var notice = await office.GetPageAsync(url + "/notice");
        Assert.Equal("来信答复意见书", notice.QuerySelector("article.notice-document h1")!.TextContent);
        Assert.Contains("2026年3月2日", notice.QuerySelector("article.notice-document")!.TextContent);
        Assert.Contains("纳入汛前巡查", notice.QuerySelector("article.notice-document")!.TextContent);
        var docx = await office.GetAsync(url + "/notice?handler=Docx");
        Assert.Equal("PK"u8.ToArray(), (await docx.Content.ReadAsByteArrayAsync())[..2]);

        // 公开选登: the phone number left in the answer is refused with where it is; once removed, the letter is published.
        var form = answered.QuerySelector("form#step-Published")!;
        Assert.Contains("个人信息筛查发现", form.TextContent);
        var fields = new Dictionary<string, string>
        {
            ["Publication.Subject"] = form.QuerySelector("#publish-subject")!.GetAttribute("value")!,
            ["Publication.Content"] = form.QuerySelector("#publish-content")!.TextContent,
            ["Publication.Answer"] = form.QuerySelector("#publish-answer")!.TextContent,
        };
        var refused = await office.PostFormAsync(url + "?handler=Publish", new(fields), formPage: url);
        Assert.Contains("答复内容含有个人信息", (await Parse(refused)).QuerySelector("form#step-Published .error")!.TextContent);
        fields["Publication.Answer"] = "经查，该路口排水管道堵塞，已于3月5日疏通，并纳入汛前巡查。";
        Assert.Equal(HttpStatusCode.Redirect, (await office.PostFormAsync(url + "?handler=Publish", fields, formPage: url)).StatusCode);
        await using (var scope = app.Database.Scope())
        {
            var saved = await app.Database.Get<GongkaiDb>(scope).Letters.SingleAsync(l => l.Id == letter.Id);
            Assert.True(saved.Published);
            Assert.Equal(fields["Publication.Answer"], saved.PublishedAnswer);
            Assert.Equal("小区门口道路积水问题", saved.PublishedSubject);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_unit_should_see_and_act_only_on_letters_of_its_subtree_and_assign_only_below_the_mailbox(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await OfficeLetterBuilder.OpenMailboxAsync(app.Database, "yy", "映月区区长信箱");
        await app.AddStaffAsync("yy-letters", "yy", StaffRole.LettersOfficer);
        await app.AddStaffAsync("yyzjj-letters", "yy-zjj", StaffRole.LettersOfficer);
        await app.AddStaffAsync("fgw-letters", "fgw", StaffRole.LettersOfficer);
        await app.AddStaffAsync("city-letters", "city", StaffRole.LettersOfficer);
        var letter = await OfficeLetterBuilder.WriteAsync(app.Database, "yy", new DateOnly(2026, 3, 2));
        var url = $"/office/letters/{letter.Id}";
        app.Database.Clock.SetToday(new DateOnly(2026, 3, 3));
        var district = await app.SignedInAsync("yy-letters");
        var bureau = await app.SignedInAsync("yyzjj-letters");
        var other = await app.SignedInAsync("fgw-letters");
        var city = await app.SignedInAsync("city-letters");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(letter.Number, (await other.GetPageAsync("/office/letters")).Body!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync(url)).StatusCode);
        Assert.Contains(letter.Number, (await city.GetPageAsync("/office/letters")).Body!.TextContent);

        await StepAsync(district, url, new() { ["Step.Kind"] = "Accepted", ["Step.Routing"] = "Referred" });
        // 交办 only to the mailbox's unit or below it: the city's 发展改革委 is not below 映月区.
        var choices = (await district.GetPageAsync(url)).QuerySelectorAll("#unit-Assigned option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(SeedDemoData.CodeOf("yy-zjj"), choices);
        Assert.DoesNotContain(SeedDemoData.CodeOf("fgw"), choices);
        var outside = await StepAsync(district, url, new() { ["Step.Kind"] = "Assigned", ["Step.UnitCode"] = SeedDemoData.CodeOf("fgw") });
        Assert.Contains("请选择信箱所属单位或其下级单位作为承办单位", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(district, url, new() { ["Step.Kind"] = "Assigned", ["Step.UnitCode"] = SeedDemoData.CodeOf("yy-zjj") })).StatusCode);

        // The assigned unit may not take the mailbox office's steps, but may give the letter back (回退), which returns it to the mailbox's unit.
        var page = await bureau.GetPageAsync(url);
        Assert.Null(page.QuerySelector("form#step-Assigned"));
        Assert.NotNull(page.QuerySelector("form#step-Returned"));
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(bureau, url, new() { ["Step.Kind"] = "Returned", ["Step.Note"] = "不属于本单位职责" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await bureau.GetAsync(url)).StatusCode);
        var back = await district.GetPageAsync(url);
        Assert.Contains("映月区人民政府", back.QuerySelector(".status-box")!.TextContent);
        Assert.Contains("不属于本单位职责", back.QuerySelector("#log")!.ParentElement!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_supervisor_should_see_the_writer_masked_and_a_handler_in_full_with_the_read_recorded(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await OfficeLetterBuilder.OpenMailboxAsync(app.Database, "city", "市长信箱");
        await app.AddStaffAsync("inspector", "city", StaffRole.Supervisor);
        await app.AddStaffAsync("city-letters", "city", StaffRole.LettersOfficer);
        var letter = await OfficeLetterBuilder.WriteAsync(app.Database, "city", new DateOnly(2026, 3, 2));
        var url = $"/office/letters/{letter.Id}";

        var masked = (await (await app.SignedInAsync("inspector")).GetPageAsync(url)).QuerySelector("#letter")!.ParentElement!.TextContent;
        Assert.Contains("张**", masked);
        Assert.Contains("138****5678", masked);
        Assert.DoesNotContain(OfficeLetterBuilder.WriterName, masked);
        Assert.DoesNotContain(OfficeLetterBuilder.WriterPhone, masked);
        var full = (await (await app.SignedInAsync("city-letters")).GetPageAsync(url)).QuerySelector("#letter")!.ParentElement!.TextContent;
        Assert.Contains(OfficeLetterBuilder.WriterName, full);
        Assert.Contains(OfficeLetterBuilder.WriterPhone, full);

        await using var scope = app.Database.Scope();
        var db = app.Database.Get<GongkaiDb>(scope);
        var reads = await db.StaffAccountLog.Where(e => e.Action == StaffAccountAction.PersonalDataRead).Join(db.Users, e => e.AccountId, u => u.Id, (e, u) => new { u.UserName, e.Note }).ToListAsync();
        var read = Assert.Single(reads);
        Assert.Equal("city-letters", read.UserName);
        Assert.Contains(letter.Number, read.Note);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_letter_unanswered_for_four_months_should_be_flagged_past_the_veto_in_the_inbox_and_on_supervision(DatabaseProvider provider)
    {
        // 国办秘函〔2019〕19号: a valid message unanswered for more than 3 months fails the website check outright.
        await using var app = await WebApp.StartAsync(provider);
        await OfficeLetterBuilder.OpenMailboxAsync(app.Database, "city", "市长信箱");
        await app.AddStaffAsync("city-letters", "city", StaffRole.LettersOfficer);
        await app.AddStaffAsync("inspector", "city", StaffRole.Supervisor);
        var old = await OfficeLetterBuilder.WriteAsync(app.Database, "city", new DateOnly(2026, 3, 2));
        await OfficeLetterBuilder.StepAsync(app.Database, old.Id, LetterEventKind.Accepted);
        await OfficeLetterBuilder.StepAsync(app.Database, old.Id, LetterEventKind.Assigned, unitKey: "zjj");
        var recent = await OfficeLetterBuilder.WriteAsync(app.Database, "city", new DateOnly(2026, 7, 1), OfficeLetterBuilder.Request("公交线路调整建议", "建议增开至高铁站的夜班公交线路，方便晚到旅客出行。", LetterType.Suggestion));
        app.Database.Clock.SetToday(new DateOnly(2026, 7, 2));
        var officer = await app.SignedInAsync("city-letters");

        var rows = (await officer.GetPageAsync("/office/letters")).QuerySelectorAll("table.letters-inbox tbody tr").ToList();
        var oldRow = rows.Single(r => r.TextContent.Contains(old.Number)).TextContent;
        Assert.Contains("超过三个月未答复", oldRow);
        Assert.Contains("已逾期", oldRow);
        Assert.DoesNotContain("超过三个月", rows.Single(r => r.TextContent.Contains(recent.Number)).TextContent);
        var flagged = (await officer.GetPageAsync("/office/letters?flag=PastVeto")).QuerySelector("table.letters-inbox tbody")!.TextContent;
        Assert.Contains(old.Number, flagged);
        Assert.DoesNotContain(recent.Number, flagged);

        var supervision = await (await app.SignedInAsync("inspector")).GetPageAsync("/office/supervision");
        var line = supervision.QuerySelectorAll("table.supervision-letters tbody tr").Single(r => r.TextContent.Contains("青岚市住房和城乡建设局"));
        var link = line.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.Contains("flag=PastVeto"));
        Assert.Equal("1", link.TextContent);
        Assert.Contains(SeedDemoData.CodeOf("zjj"), link.GetAttribute("href"));
        Assert.Contains(old.Number, (await officer.GetPageAsync(link.GetAttribute("href")!)).QuerySelector("table.letters-inbox")!.TextContent);
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> Parse(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
}
