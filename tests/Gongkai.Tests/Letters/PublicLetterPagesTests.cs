using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Search;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Letters;

/// <summary>
/// The public letter pages as a browser without JavaScript uses them (issue 14): the mailboxes, writing in two steps
/// with similar answers shown before sending (and 问题已解决 counted), errors next to their fields, the receipt with the
/// query code kept out of URLs, the query page with its rating form, the published letters and the statistics.
/// </summary>
public class PublicLetterPagesTests
{
    private static readonly HtmlParser Parser = new();

    private static async Task<IHtmlDocument> PageAsync(HttpResponseMessage response) => Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    private const string ParkingSubject = "小区停车位不足";
    private const string ParkingContent = "我们小区的停车位远远不够，晚上车辆停满消防通道。";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_mailboxes_should_be_listed_with_the_mayors_first_and_closed_ones_left_out(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        await PublicLetters.MailboxAsync(app.Database, "yy", "区长信箱");
        await PublicLetters.MailboxAsync(app.Database, "zjj", "住建局长信箱");
        await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        await PublicLetters.MailboxAsync(app.Database, "jyj", "教育局长信箱", open: false);

        var page = await app.Browser().GetPageAsync("/hdjl");
        var links = page.QuerySelectorAll("ul.mailboxes a").Select(a => (a.TextContent, a.GetAttribute("href"))).ToList();
        Assert.Equal([("市长信箱", $"/hdjl/write/{SeedDemoData.CityCode}"), ("住建局长信箱", $"/hdjl/write/{SeedDemoData.CodeOf("zjj")}"),
            ("区长信箱", $"/hdjl/write/{SeedDemoData.CodeOf("yy")}")], links);
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/hdjl/write/zhaocuo");
        Assert.Contains("纪检监察", page.Body!.TextContent);
        Assert.Contains(page.QuerySelectorAll("header nav a"), a => a.GetAttribute("href") == "/hdjl" && a.TextContent == "互动交流");

        foreach (var closed in new[] { SeedDemoData.CodeOf("jyj"), "nobody" })
        {
            var response = await app.Browser().GetAsync($"/hdjl/write/{closed}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("该信箱不存在或已关闭", (await PageAsync(response)).QuerySelector("h1")!.TextContent);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_writer_shown_a_similar_answer_should_be_able_to_stop_and_be_counted(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var zjj = await PublicLetters.MailboxAsync(app.Database, "zjj", "局长信箱");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 2));
        var published = await PublicLetters.PublishedAsync(app.Database, zjj, ParkingSubject, ParkingContent, "已督促物业重新规划停车位，并协调周边道路夜间停车。");
        var item = await PublicLetters.CatalogItemAsync(app.Database, "青岚市2024年城镇老旧小区改造计划");
        await app.Services.GetRequiredService<SearchFollower>().CatchUpAsync();
        var client = app.Browser();

        var step2 = await client.SubmitAsync($"/hdjl/write/{zjj}", "main form", "button", new()
        {
            ["Input.Subject"] = "老旧小区改造增加停车位",
            ["Input.Content"] = "小区停车位远远不够，晚上车辆停满消防通道，老旧小区改造时能否增加车位？",
        });
        Assert.Equal(HttpStatusCode.OK, step2.StatusCode);
        var page = await PageAsync(step2);
        Assert.Contains(page.QuerySelectorAll(".suggestions a"), a => a.GetAttribute("href") == $"/hdjl/letters/{published.Number}");
        Assert.Contains(page.QuerySelectorAll(".suggestions a"), a => a.GetAttribute("href") == $"/xxgk/item/{item}");   // the catalog may answer it too
        Assert.Equal("老旧小区改造增加停车位", page.QuerySelector("#letter-form #Input_Subject")!.GetAttribute("value"));

        var stopped = await client.SubmitAsync(page, $"/hdjl/write/{zjj}", "form[action*=Stop]", "button");
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        var end = await client.GetPageAsync(stopped.Headers.Location!.ToString());
        Assert.Contains("问题已经解决", end.QuerySelector("h1")!.TextContent);

        await using (var scope = app.Database.Scope())
        {
            var outcome = await app.Database.Get<GongkaiDb>(scope).LetterSuggestionOutcomes.SingleAsync();
            Assert.Equal((true, new DateOnly(2024, 9, 2)), (outcome.Stopped, outcome.Date));
            Assert.Equal(1, await app.Database.Get<GongkaiDb>(scope).Letters.CountAsync());   // nothing sent
        }
        var stats = await client.GetPageAsync("/hdjl/stats?year=2024");
        Assert.Contains("查看相似答复后未再提交：1", stats.QuerySelector("#suggestions")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_writer_should_send_from_the_second_step_get_a_receipt_and_follow_the_letter_by_its_query_code(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var zjj = await PublicLetters.MailboxAsync(app.Database, "zjj", "局长信箱");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 2));
        await PublicLetters.PublishedAsync(app.Database, zjj, ParkingSubject, ParkingContent, "已督促物业重新规划停车位，并协调周边道路夜间停车。");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 30));
        var client = app.Browser();

        var step2 = await PageAsync(await client.SubmitAsync($"/hdjl/write/{zjj}", "main form", "button", new()
        {
            ["Input.Subject"] = "小区停车位不足，能否增加",
            ["Input.Content"] = "我们小区的停车位远远不够，晚上车辆停满消防通道，物业说没有办法。",
        }));
        var sent = await client.SubmitAsync(step2, $"/hdjl/write/{zjj}", "#letter-form", "button[type=submit]", new()
        {
            ["Input.Type"] = "投诉",
            ["Input.Name"] = "李四",
            ["Input.Phone"] = "13900002222",
            ["Input.Email"] = "lisi@example.com",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var receiptAddress = sent.Headers.Location!.ToString();
        Assert.StartsWith("/hdjl/receipt?t=", receiptAddress);
        var receipt = await client.GetPageAsync(receiptAddress);
        var code = receipt.QuerySelector("#query-code")!.TextContent;
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.StartsWith("20240930", receipt.QuerySelector("#letter-number")!.TextContent);
        Assert.Equal("2024年10月23日", receipt.QuerySelector("#due-on")!.TextContent);   // 投诉: 13 working days after the National Day week
        Assert.Contains("请勿将查询码告诉他人", receipt.Body!.TextContent);
        Assert.DoesNotContain(code, receiptAddress);
        // A reload shows the same receipt; an address without its token, or with a changed one, shows nothing of the letter.
        Assert.Equal(code, (await client.GetPageAsync(receiptAddress)).QuerySelector("#query-code")!.TextContent);
        foreach (var broken in new[] { "/hdjl/receipt", receiptAddress[..^3] + (receiptAddress[^3] == 'A' ? "B" : "A") + receiptAddress[^2..] })
        {
            var refused = await client.GetAsync(broken);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            var text = await refused.Content.ReadAsStringAsync();
            Assert.Contains("回执已失效", text);
            Assert.Contains("href=\"/hdjl/track\"", text);
            Assert.DoesNotContain(code, text);
        }

        await using (var scope = app.Database.Scope())
        {
            var outcome = await app.Database.Get<GongkaiDb>(scope).LetterSuggestionOutcomes.SingleAsync();
            Assert.False(outcome.Stopped);   // shown similar answers, sent anyway
        }

        var tracked = await client.PostFormAsync("/hdjl/track", new() { ["code"] = code.ToLowerInvariant().Replace("-", "") });
        var html = await tracked.Content.ReadAsStringAsync();
        Assert.Contains("待受理", html);
        Assert.Contains("小区停车位不足，能否增加", html);
        foreach (var personal in new[] { "李四", "13900002222", "lisi@example.com", "物业说没有办法" })
            Assert.DoesNotContain(personal, html);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Problems_should_come_back_next_to_their_fields_with_everything_typed_kept(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        var client = app.Browser();

        var tooShort = await PageAsync(await client.SubmitAsync($"/hdjl/write/{city}", "main form", "button", new() { ["Input.Subject"] = "路", ["Input.Content"] = "路灯坏了" }));
        Assert.Contains("2 至", tooShort.QuerySelector("[data-valmsg-for='Input.Subject']")!.TextContent);
        Assert.Contains("至少", tooShort.QuerySelector("[data-valmsg-for='Input.Content']")!.TextContent);
        Assert.Null(tooShort.QuerySelector("#letter-form"));   // still step 1

        var step2 = await PageAsync(await client.SubmitAsync($"/hdjl/write/{city}", "main form", "button", new()
        {
            ["Input.Subject"] = "松涛大街夜间施工扰民",
            ["Input.Content"] = "松涛大街的工地每天夜里施工到凌晨两点，噪音很大，附近居民无法休息。",
        }));
        Assert.NotNull(step2.QuerySelector("#letter-form"));   // nothing like it published: straight to the form
        Assert.Contains("（必填）", step2.QuerySelector("label[for=Input_Name]")!.TextContent);
        var refused = await client.SubmitAsync(step2, $"/hdjl/write/{city}", "#letter-form", "button[type=submit]", new()
        {
            ["Input.Name"] = "王五",
            ["Input.Phone"] = "电话",
            ["Input.PublishConsent"] = "true",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageAsync(refused);
        Assert.Contains("来信类型", page.QuerySelector("[data-valmsg-for='Input.Type']")!.TextContent);
        Assert.Contains("联系电话", page.QuerySelector("[data-valmsg-for='Input.Phone']")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll(".error-summary li a").Length);
        Assert.Equal(("松涛大街夜间施工扰民", "王五", "电话"), (page.QuerySelector("#Input_Subject")!.GetAttribute("value"),
            page.QuerySelector("#Input_Name")!.GetAttribute("value"), page.QuerySelector("#Input_Phone")!.GetAttribute("value")));
        Assert.Contains("噪音很大", page.QuerySelector("#Input_Content")!.TextContent);
        Assert.NotNull(page.QuerySelector("#Input_PublishConsent[checked]"));
        await using var scope = app.Database.Scope();
        Assert.Equal(0, await app.Database.Get<GongkaiDb>(scope).Letters.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_writer_should_rate_the_answer_on_the_query_page_without_the_code_in_any_url(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 2));
        var receipt = await PublicLetters.WriteAsync(app.Database, city, PublicLetters.Request("公交站台没有遮雨棚", "文昌路公交站台没有遮雨棚，下雨天候车很不方便。"));
        await PublicLetters.AnswerAsync(app.Database, receipt.Id, "文昌路公交站台遮雨棚已列入今年改造计划，预计十月底前完工。");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 3));
        var client = app.Browser();

        var tracked = await PageAsync(await client.PostFormAsync("/hdjl/track", new() { ["code"] = receipt.QueryCode }));
        Assert.Contains("十月底前完工", tracked.QuerySelector("dd.answer")!.TextContent);
        Assert.Contains("2024年9月30日", tracked.QuerySelector("form.rating")!.TextContent);   // the rating deadline
        var rated = await client.SubmitAsync(tracked, "/hdjl/track", "form.rating", "button", new() { ["rating"] = "基本满意" });
        Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        Assert.DoesNotContain(receipt.QueryCode, rated.Headers.Location!.ToString());
        var after = await client.GetPageAsync(rated.Headers.Location.ToString());
        Assert.Contains("您的评价：基本满意", after.QuerySelector("main")!.TextContent);
        Assert.Null(after.QuerySelector("form.rating"));
        Assert.Contains("已办结", after.QuerySelector("main")!.TextContent);

        app.Database.Clock.SetToday(new DateOnly(2024, 10, 8));
        var late = await PublicLetters.WriteAsync(app.Database, city, PublicLetters.Request("路口红绿灯时间太短", "青岚大道路口行人绿灯时间太短，老人过马路来不及。"));
        await PublicLetters.AnswerAsync(app.Database, late.Id, "已将该路口行人绿灯时间由 25 秒延长至 40 秒。");
        app.Database.Clock.SetToday(new DateOnly(2024, 12, 2));
        var lapsed = await PageAsync(await client.PostFormAsync("/hdjl/track", new() { ["code"] = late.QueryCode }));
        Assert.Null(lapsed.QuerySelector("form.rating"));
        Assert.Contains("视为满意", lapsed.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Published_letters_should_be_searched_and_shown_with_the_name_masked_and_both_dates(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var zjj = await PublicLetters.MailboxAsync(app.Database, "zjj", "局长信箱");
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 2));
        var receipt = await PublicLetters.WriteAsync(app.Database, zjj, PublicLetters.Request(ParkingSubject, ParkingContent, Core.Letters.LetterType.Complaint));
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 4));
        await PublicLetters.AnswerAsync(app.Database, receipt.Id, "已督促物业重新规划停车位，并协调周边道路夜间停车。");
        await PublicLetters.PublishAsync(app.Database, receipt.Id, ParkingSubject, ParkingContent, "已督促物业重新规划停车位，并协调周边道路夜间停车。");
        await PublicLetters.PublishedAsync(app.Database, city, "公园开放时间", "滨江公园晚上几点关门？", "滨江公园每日 6:00 至 22:00 开放。");
        var unpublished = await PublicLetters.WriteAsync(app.Database, city, PublicLetters.Request("停车收费标准", "医院周边停车收费标准是多少？"));
        var client = app.Browser();

        var list = await client.GetPageAsync("/hdjl/letters?q=" + Uri.EscapeDataString("停车"));
        Assert.Contains("共 1 封", list.QuerySelector("#total")!.TextContent);
        Assert.Equal($"/hdjl/letters/{receipt.Number}", list.QuerySelector("ol.letters a")!.GetAttribute("href"));
        Assert.Equal("停车", list.QuerySelector("ol.letters mark")!.TextContent);
        Assert.Contains("答复日期 2024年9月4日", list.QuerySelector("ol.letters .meta")!.TextContent.Replace("\n", " ").Replace("  ", " "));
        Assert.Null(list.QuerySelector("details.filters[open]"));
        var filtered = await client.GetPageAsync($"/hdjl/letters?mailbox={city}&type=" + Uri.EscapeDataString("咨询"));
        Assert.Contains("共 1 封", filtered.QuerySelector("#total")!.TextContent);
        Assert.NotNull(filtered.QuerySelector("details.filters[open]"));
        Assert.Contains("公园开放时间", filtered.QuerySelector("ol.letters")!.TextContent);
        var one = await client.GetPageAsync("/hdjl/letters?q=" + Uri.EscapeDataString("停"));   // one character: found through its bigrams
        Assert.Contains(one.QuerySelectorAll("ol.letters a"), a => a.GetAttribute("href") == $"/hdjl/letters/{receipt.Number}");

        var letter = await client.GetPageAsync($"/hdjl/letters/{receipt.Number}");
        var text = letter.QuerySelector("main")!.TextContent;
        Assert.Equal(ParkingSubject, letter.QuerySelector("h1")!.TextContent);
        Assert.Contains("张**", text);
        Assert.DoesNotContain(PublicLetters.Writer, text);
        Assert.DoesNotContain(PublicLetters.Phone, text);
        Assert.Contains("2024年9月2日", text);
        Assert.Contains("2024年9月4日", text);
        Assert.Contains("青岚市住房和城乡建设局", text);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hdjl/letters/{unpublished.Number}")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_statistics_should_count_each_mailbox_in_a_labelled_table(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var zjj = await PublicLetters.MailboxAsync(app.Database, "zjj", "局长信箱");
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 2));
        await PublicLetters.PublishedAsync(app.Database, zjj, ParkingSubject, ParkingContent, "已督促物业重新规划停车位，并协调周边道路夜间停车。");
        await PublicLetters.WriteAsync(app.Database, city, PublicLetters.Request("公园开放时间", "滨江公园晚上几点关门？"));
        await PublicLetters.WriteAsync(app.Database, "zhaocuo", PublicLetters.Request("页面打不开", "主动公开目录的一个页面打不开。", Core.Letters.LetterType.SiteError));

        var page = await app.Browser().GetPageAsync("/hdjl/stats");
        var table = page.QuerySelector("table.stats")!;
        Assert.Contains("各信箱来信统计", table.QuerySelector("caption")!.TextContent);
        Assert.NotNull(page.QuerySelector(".table-scroll[role=region][tabindex='0'][aria-labelledby=stats-caption]"));
        var rows = table.QuerySelectorAll("tbody tr").ToDictionary(r => r.QuerySelector("th[scope=row]")!.TextContent, r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList());
        Assert.Equal(["1", "1", "0", "0", "1", "1", "0", "0", "—", "1"], rows["局长信箱"]);
        Assert.Equal("1", rows["市长信箱"][0]);
        Assert.Equal("1", rows["我为政府网站找错"][0]);
        Assert.Equal("3", table.QuerySelector("tfoot td")!.TextContent);
        Assert.Equal(11, table.QuerySelectorAll("thead th[scope=col]").Length);
        Assert.Contains("2024年", page.QuerySelector("caption")!.TextContent);
    }

    [Fact]
    public async Task Letters_sent_from_the_page_should_be_limited_per_hour_while_the_first_step_stays_open()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimits:LettersPerHour"] = "1" });
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        var client = app.Browser();
        Dictionary<string, string> Letter(int n) => new()
        {
            ["Input.Type"] = "建议",
            ["Input.Subject"] = $"第 {n} 条建议",
            ["Input.Content"] = $"这是第 {n} 条关于公交线路调整的建议，请研究。",
            ["Input.Name"] = "赵六",
            ["Input.Phone"] = "13700003333",
        };

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/hdjl/write/{city}?handler=Send", Letter(1), $"/hdjl/write/{city}")).StatusCode);
        var step2 = await client.SubmitAsync($"/hdjl/write/{city}", "main form", "button", new() { ["Input.Subject"] = "第 2 条建议", ["Input.Content"] = "这是第 2 条关于公交线路调整的建议，请研究。" });
        Assert.Equal(HttpStatusCode.OK, step2.StatusCode);   // showing similar answers is not sending
        var refused = await client.PostFormAsync($"/hdjl/write/{city}?handler=Send", Letter(2), $"/hdjl/write/{city}");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("请 60 分钟后再试", (await PageAsync(refused)).QuerySelector("main")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_website_error_should_be_reported_with_its_page_address_on_the_shorter_clock(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 30));
        var client = app.Browser();

        var form = await PageAsync(await client.SubmitAsync("/hdjl/write/zhaocuo", "main form", "button", new()
        {
            ["Input.Subject"] = "政策文件页面打不开",
            ["Input.Content"] = "主动公开目录中的一个政策文件页面显示错误，无法打开。",
        }));
        Assert.Equal("我为政府网站找错", form.QuerySelector("h1")!.TextContent);
        Assert.Null(form.QuerySelector("input[type=radio]"));   // one type only: 找错
        var missing = await PageAsync(await client.SubmitAsync(form, "/hdjl/write/zhaocuo", "#letter-form", "button[type=submit]", new()
        {
            ["Input.Name"] = "钱七",
            ["Input.Phone"] = "13600004444",
        }));
        Assert.Contains("出错网页", missing.QuerySelector("[data-valmsg-for='Input.PageUrl']")!.TextContent);
        var sent = await client.SubmitAsync(missing, "/hdjl/write/zhaocuo", "#letter-form", "button[type=submit]", new()
        {
            ["Input.PageUrl"] = "https://www.qinglan.example/xxgk/item/1",
        });
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var receipt = await client.GetPageAsync(sent.Headers.Location!.ToString());
        Assert.Equal("2024年10月10日", receipt.QuerySelector("#due-on")!.TextContent);   // 找错: 3 working days after the National Day week
        Assert.Contains("我为政府网站找错", receipt.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unsatisfied_writer_should_ask_once_for_the_letter_to_be_handled_again(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 2));
        var receipt = await PublicLetters.WriteAsync(app.Database, city, PublicLetters.Request("小区垃圾清运不及时", "小区垃圾每天只清运一次，夏天气味很大。"));
        await PublicLetters.AnswerAsync(app.Database, receipt.Id, "已要求环卫公司增加清运频次，每天清运两次。");
        var client = app.Browser();

        var tracked = await PageAsync(await client.PostFormAsync("/hdjl/track", new() { ["code"] = receipt.QueryCode }));
        await client.SubmitAsync(tracked, "/hdjl/track", "form.rating", "button", new() { ["rating"] = "不满意", ["comment"] = "仍然只清运一次" });
        var closed = await PageAsync(await client.PostFormAsync("/hdjl/track", new() { ["code"] = receipt.QueryCode }));
        Assert.Contains("您的评价：不满意", closed.QuerySelector("main")!.TextContent);
        var empty = await PageAsync(await client.SubmitAsync(closed, "/hdjl/track", "form.reopen", "button", new() { ["reason"] = "" }));
        Assert.Contains("请说明", empty.QuerySelector("[data-valmsg-for=Reason]")!.TextContent);
        var reopened = await client.SubmitAsync(closed, "/hdjl/track", "form.reopen", "button", new() { ["reason"] = "答复后一周内仍然每天只清运一次。" });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var after = await client.GetPageAsync("/hdjl/track");
        Assert.Contains("已收到您的再次办理申请", after.QuerySelector("[role=status]")!.TextContent);
        Assert.Contains("办理中", after.QuerySelector("main")!.TextContent);
        Assert.Null(after.QuerySelector("form.reopen"));
    }
}
