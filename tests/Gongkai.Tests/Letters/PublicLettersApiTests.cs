using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Letters;

/// <summary>
/// The public letters API (issue 14): POST /api/v1/letters, GET /api/v1/letters/track/{code} with its rating, and the
/// published letters at GET /api/v1/letters. Due dates follow the default time limits (咨询 3, 建议 13, 找错 3 working
/// days after the arrival day, which is not counted) over the official calendar.
/// </summary>
public class PublicLettersApiTests
{
    private static object Letter(string mailbox, string type = "咨询", string subject = "小区门口路灯不亮", string content = "映月路与新月街路口的路灯已经坏了两个星期，晚上出行很不方便，请尽快维修。") => new
    {
        mailbox,
        type,
        name = PublicLetters.Writer,
        phone = PublicLetters.Phone,
        email = PublicLetters.Email,
        subject,
        content,
        pageUrl = type == "找错" ? "https://www.qinglan.example/xxgk/broken" : "",
        publishConsent = true,
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_letter_sent_the_day_before_national_day_should_be_due_after_the_holiday(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        // 30 September 2024, a Monday; 1–7 October is the National Day holiday, 12 October a 调休 working Saturday.
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 30));
        var client = app.Browser();

        var consultation = await client.PostAsJsonAsync("/api/v1/letters", Letter(city));
        Assert.Equal(HttpStatusCode.Created, consultation.StatusCode);
        var receipt = await JsonAsync(consultation);
        Assert.StartsWith("20240930", receipt.GetProperty("number").GetString());
        Assert.Matches("^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$", receipt.GetProperty("code").GetString());
        Assert.Equal("2024-10-10", receipt.GetProperty("dueOn").GetString());   // 3 working days: 8, 9, 10 October

        var suggestion = await JsonAsync(await client.PostAsJsonAsync("/api/v1/letters", Letter(city, "建议", "建议增设公交线路", "建议开通从映月区到松涛区的直达公交线路，方便两区居民通勤。")));
        Assert.Equal("2024-10-23", suggestion.GetProperty("dueOn").GetString());   // 13 working days, the 调休 Saturday 12 October counted

        var siteError = await client.PostAsJsonAsync("/api/v1/letters", Letter("zhaocuo", "找错", "政策文件页面打不开", "主动公开目录中的一个政策文件页面显示错误，无法打开。"));
        Assert.Equal(HttpStatusCode.Created, siteError.StatusCode);
        Assert.Equal("2024-10-10", (await JsonAsync(siteError)).GetProperty("dueOn").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Bad_input_should_be_refused_with_400_naming_each_field_in_chinese_and_nothing_saved(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        await PublicLetters.MailboxAsync(app.Database, "jyj", "局长信箱", open: false);
        var client = app.Browser();

        var bad = await client.PostAsJsonAsync("/api/v1/letters", new { mailbox = city, type = "表扬", name = "", phone = "abc", email = "not-an-address", subject = "", content = "太短" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await JsonAsync(bad)).GetProperty("errors");
        Assert.Contains("表扬", errors.GetProperty("type")[0].GetString());
        Assert.Contains("标题", errors.GetProperty("subject")[0].GetString());
        Assert.Contains("来信内容", errors.GetProperty("content")[0].GetString());
        Assert.Contains("姓名", errors.GetProperty("name")[0].GetString());
        Assert.Contains("联系电话", errors.GetProperty("phone")[0].GetString());
        Assert.Contains("电子邮箱", errors.GetProperty("email")[0].GetString());
        Assert.False(errors.TryGetProperty("pageUrl", out _));   // a page address is asked for 找错 only

        foreach (var (mailbox, type, field) in new[] { ("ZZ999", "咨询", "mailbox"), (SeedDemoData.CodeOf("jyj"), "咨询", "mailbox"), (city, "找错", "type"), ("zhaocuo", "咨询", "type") })
        {
            var refused = await client.PostAsJsonAsync("/api/v1/letters", Letter(mailbox, type));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Matches("[\u4e00-\u9fff]", (await JsonAsync(refused)).GetProperty("errors").GetProperty(field)[0].GetString());
        }
        var noUrl = await client.PostAsJsonAsync("/api/v1/letters", new { mailbox = "zhaocuo", type = "找错", name = "王五", phone = "13800001111", subject = "页面打不开", content = "主动公开目录中的一个页面无法打开。" });
        Assert.Contains("出错网页", (await JsonAsync(noUrl)).GetProperty("errors").GetProperty("pageUrl")[0].GetString());

        await using var scope = app.Database.Scope();
        Assert.Equal(0, await app.Database.Get<GongkaiDb>(scope).Letters.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_same_letter_sent_to_a_second_mailbox_should_be_refused(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        var zjj = await PublicLetters.MailboxAsync(app.Database, "zjj", "局长信箱");
        var client = app.Browser();

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/letters", Letter(city))).StatusCode);
        // 一信多投: the same text, spaced and punctuated otherwise, to another mailbox.
        var again = await client.PostAsJsonAsync("/api/v1/letters", Letter(zjj, "投诉", content: "映月路与新月街路口的路灯 已经坏了两个星期 晚上出行很不方便 请尽快维修！"));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("一信多投", (await JsonAsync(again)).GetProperty("errors").GetProperty("content")[0].GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Tracking_should_show_the_state_unit_and_answer_but_no_personal_data(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var zjj = await PublicLetters.MailboxAsync(app.Database, "zjj", "局长信箱");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 30));
        var receipt = await PublicLetters.WriteAsync(app.Database, zjj, PublicLetters.Request("小区加装电梯补贴", "老旧小区加装电梯的补贴标准是多少？需要哪些申请材料？"));
        var client = app.Browser();

        var waiting = await JsonAsync(await client.GetAsync($"/api/v1/letters/track/{receipt.QueryCode}"));
        Assert.Equal(("Received", "待受理", "2024-10-10"), (waiting.GetProperty("state").GetString(), waiting.GetProperty("stateName").GetString(), waiting.GetProperty("dueOn").GetString()));

        app.Database.Clock.SetToday(new DateOnly(2024, 10, 8));
        await PublicLetters.AnswerAsync(app.Database, receipt.Id, "加装电梯补贴标准为每台 20 万元，申请材料见市住房城乡建设局网站办事指南。");
        var response = await client.GetAsync($"/api/v1/letters/track/{receipt.QueryCode.ToLowerInvariant()}");
        var json = await response.Content.ReadAsStringAsync();
        var answered = JsonDocument.Parse(json).RootElement;
        Assert.Equal(("Answered", "已答复", "青岚市住房和城乡建设局", "2024-10-08"), (answered.GetProperty("state").GetString(), answered.GetProperty("stateName").GetString(),
            answered.GetProperty("answeringUnit").GetString(), answered.GetProperty("answeredOn").GetString()));
        Assert.Contains("每台 20 万元", answered.GetProperty("answer").GetString());
        Assert.True(answered.GetProperty("canRate").GetBoolean());
        Assert.Contains(answered.GetProperty("steps").EnumerateArray(), s => s.GetProperty("step").GetString() == "受理");
        foreach (var personal in new[] { PublicLetters.Writer, PublicLetters.Phone, PublicLetters.Email, "申请材料？" })
            Assert.DoesNotContain(personal, json);

        var unknown = await client.GetAsync("/api/v1/letters/track/2222-2222-2222");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("查询码", (await JsonAsync(unknown)).GetProperty("detail").GetString());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_rating_within_the_window_should_close_the_letter_and_one_after_it_be_refused(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 2));
        var early = await PublicLetters.WriteAsync(app.Database, city, PublicLetters.Request("社区卫生服务中心开放时间", "请问映月区社区卫生服务中心周末是否开放？"));
        var late = await PublicLetters.WriteAsync(app.Database, city, PublicLetters.Request("图书馆周一闭馆", "市图书馆周一闭馆，能否调整为周一上午开放？"));
        await PublicLetters.AnswerAsync(app.Database, early.Id, "映月区社区卫生服务中心周末上午正常开放，下午休息。");
        await PublicLetters.AnswerAsync(app.Database, late.Id, "市图书馆周一闭馆用于设备维护和图书整理，暂不调整。");
        var client = app.Browser();

        app.Database.Clock.SetToday(new DateOnly(2024, 9, 10));
        var bad = await client.PostAsJsonAsync($"/api/v1/letters/track/{early.QueryCode}/rating", new { rating = "很好" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("满意", (await JsonAsync(bad)).GetProperty("errors").GetProperty("rating")[0].GetString());
        var rated = await client.PostAsJsonAsync($"/api/v1/letters/track/{early.QueryCode}/rating", new { rating = "基本满意", comment = "答复及时" });
        Assert.Equal(HttpStatusCode.OK, rated.StatusCode);
        Assert.Equal("已办结", (await JsonAsync(rated)).GetProperty("stateName").GetString());
        Assert.Equal("FairlySatisfied", (await JsonAsync(await client.GetAsync($"/api/v1/letters/track/{early.QueryCode}"))).GetProperty("rating").GetString());

        // 20 working days after 2 September 2024 — the 调休 Saturday 14 and Sunday 29 September counted, the Mid-Autumn
        // holiday 15–17 September not — end on 30 September; on 8 October, after the National Day week, it is too late.
        Assert.Equal("2024-09-30", (await JsonAsync(await client.GetAsync($"/api/v1/letters/track/{late.QueryCode}"))).GetProperty("ratingClosesOn").GetString());
        app.Database.Clock.SetToday(new DateOnly(2024, 10, 8));
        var tooLate = await client.PostAsJsonAsync($"/api/v1/letters/track/{late.QueryCode}/rating", new { rating = "不满意" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Contains("届满", (await JsonAsync(tooLate)).GetProperty("errors").GetProperty("rating")[0].GetString());
        Assert.False((await JsonAsync(await client.GetAsync($"/api/v1/letters/track/{late.QueryCode}"))).GetProperty("canRate").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync("/api/v1/letters/track/2222-2222-2222/rating", new { rating = "满意" })).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Published_letters_should_be_found_by_a_two_character_word_and_filtered_by_mailbox_and_type(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        var zjj = await PublicLetters.MailboxAsync(app.Database, "zjj", "局长信箱");
        app.Database.Clock.SetToday(new DateOnly(2024, 9, 2));
        var parking = await PublicLetters.PublishedAsync(app.Database, zjj, "小区停车位不足", "我们小区的停车位远远不够，晚上车辆停满消防通道。",
            "已督促物业重新规划停车位，并协调周边道路夜间停车。", LetterType.Complaint);
        await PublicLetters.PublishedAsync(app.Database, city, "公园开放时间", "滨江公园晚上几点关门？", "滨江公园每日 6:00 至 22:00 开放。");
        await PublicLetters.WriteAsync(app.Database, city, PublicLetters.Request("停车收费标准", "医院周边停车收费标准是多少？"));   // not published
        var client = app.Browser();

        var found = await JsonAsync(await client.GetAsync("/api/v1/letters?q=" + Uri.EscapeDataString("停车")));
        Assert.Equal(1, found.GetProperty("total").GetInt64());
        var item = found.GetProperty("items")[0];
        Assert.Equal((parking.Number, "小区停车位不足", "Complaint", "2024-09-02", "青岚市住房和城乡建设局"), (item.GetProperty("number").GetString(),
            item.GetProperty("subject").GetString(), item.GetProperty("type").GetString(), item.GetProperty("receivedOn").GetString(), item.GetProperty("answeringUnit").GetString()));

        Assert.Equal(2, (await JsonAsync(await client.GetAsync("/api/v1/letters"))).GetProperty("total").GetInt64());
        Assert.Equal(1, (await JsonAsync(await client.GetAsync($"/api/v1/letters?mailbox={city}"))).GetProperty("total").GetInt64());
        Assert.Equal(0, (await JsonAsync(await client.GetAsync($"/api/v1/letters?mailbox={city}&q=" + Uri.EscapeDataString("停车")))).GetProperty("total").GetInt64());
        Assert.Equal(1, (await JsonAsync(await client.GetAsync("/api/v1/letters?type=" + Uri.EscapeDataString("投诉")))).GetProperty("total").GetInt64());
        Assert.Equal(0, (await JsonAsync(await client.GetAsync("/api/v1/letters?from=2024-09-03"))).GetProperty("total").GetInt64());

        // One character is a query too (issue 17): 停 is only in the parking letter.
        Assert.Equal(1, (await JsonAsync(await client.GetAsync("/api/v1/letters?q=" + Uri.EscapeDataString("停")))).GetProperty("total").GetInt64());

        foreach (var (query, field) in new[] { ("from=2024-13-01", "from"), ("to=yesterday", "to"), ("mailbox=nobody", "mailbox"), ("type=abc", "type") })
        {
            var refused = await client.GetAsync("/api/v1/letters?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Matches("[\u4e00-\u9fff]", (await JsonAsync(refused)).GetProperty("errors").GetProperty(field)[0].GetString());
        }
    }

    [Fact]
    public async Task Too_many_letters_from_one_client_should_be_refused_with_429()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["RateLimits:LettersPerHour"] = "2" });
        var city = await PublicLetters.MailboxAsync(app.Database, "city", "市长信箱");
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/letters", Letter(city, content: $"第 {i + 1} 封来信：小区门口的路灯坏了，请尽快维修。"))).StatusCode);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/letters")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_should_describe_the_letter_endpoints_with_their_answers()
    {
        await using var app = await WebApp.StartAsync(DatabaseProvider.Sqlite);
        var paths = JsonDocument.Parse(await app.Browser().GetStringAsync("/openapi/v1.json")).RootElement.GetProperty("paths");
        var write = paths.GetProperty("/api/v1/letters").GetProperty("post");
        Assert.Equal("WriteLetter", write.GetProperty("operationId").GetString());
        Assert.Equal(["互动交流"], write.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.True(write.GetProperty("responses").TryGetProperty("201", out _));
        Assert.True(write.GetProperty("responses").TryGetProperty("400", out _));
        Assert.Equal("SearchPublishedLetters", paths.GetProperty("/api/v1/letters").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("TrackLetter", paths.GetProperty("/api/v1/letters/track/{code}").GetProperty("get").GetProperty("operationId").GetString());
        Assert.True(paths.GetProperty("/api/v1/letters/track/{code}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
        Assert.Equal("RateLetter", paths.GetProperty("/api/v1/letters/track/{code}/rating").GetProperty("post").GetProperty("operationId").GetString());
    }
}
