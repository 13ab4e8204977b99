using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Responses;
using Gongkai.Core.Accounts;
using Gongkai.Core.Participation;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Participation;

/// <summary>
/// Press conferences and responses to public concerns (issue 15, 回应关切): recorded, changed and deleted through the one
/// log, timed against the channel's target (ResponseTargets: 发布声明 5 hours by default, configurable), inside the scope.
/// </summary>
public class ResponseRecordsTests
{
    public static readonly StaffScope CityOfficer = new("city-officer", "市政府办公室", "", new HashSet<string> { StaffRole.LettersOfficer });

    /// <summary>A 12:00 China-time instant on <paramref name="day"/> plus <paramref name="hours"/>.</summary>
    public static DateTime China(DateOnly day, double hours = 0) => day.ToDateTime(new TimeOnly(12, 0)).AddHours(hours);

    public static async Task<StaffScope> ScopeOfAsync(TestDatabase db, string unitKey, params string[] roles)
    {
        await using var scope = db.Scope();
        var path = db.Get<GongkaiDb>(scope).Units.Single(u => u.Code == SeedDemoData.CodeOf(unitKey)).Path;
        return new StaffScope($"{unitKey}-officer", $"{unitKey}工作人员", path, new HashSet<string>(roles.Length > 0 ? roles : [StaffRole.LettersOfficer]));
    }

    public static async Task<PressConference> ConferenceAsync(TestDatabase db, StaffScope actor, string unitKey, DateOnly on, bool principal, string title = "2025年防汛工作新闻发布会")
    {
        await using var scope = db.Scope();
        var saved = await db.Get<RecordPressConference>(scope).HandleAsync(new(null, SeedDemoData.CodeOf(unitKey), on, title, "介绍防汛准备情况。",
            [new("李明", principal ? "市长" : "市应急管理局副局长", principal)], false, []), actor);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        return saved.Value!;
    }

    public static async Task<ResponseEvent> ResponseAsync(TestDatabase db, StaffScope actor, string unitKey, DateOnly on, ResponseChannel channel, double hours,
        string concern = "网传地铁3号线停运", Guid? conference = null)
    {
        await using var scope = db.Scope();
        var saved = await db.Get<RecordResponseEvent>(scope).HandleAsync(new(null, SeedDemoData.CodeOf(unitKey), concern, China(on), channel, China(on, hours),
            "经核实，地铁3号线正常运营。", conference, []), actor);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Problems));
        return saved.Value!;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_response_should_be_timed_against_its_channels_target_and_leave_the_lists_when_deleted(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2025, 7, 20));
        var city = await ScopeOfAsync(db, "city");
        var day = new DateOnly(2025, 7, 10);
        var conference = await ConferenceAsync(db, city, "city", day, principal: true);
        Assert.True(conference.PrincipalAttended);   // read from the speaker marked principal
        var quick = await ResponseAsync(db, city, "city", day, ResponseChannel.Statement, 4.5, "网传自来水停供");
        var slow = await ResponseAsync(db, city, "city", day, ResponseChannel.Statement, 6, "网传学校提前放假");
        var byConference = await ResponseAsync(db, city, "city", day, ResponseChannel.PressConference, 24, "汛期出行安全", conference.Id);

        await using (var scope = db.Scope())
        {
            var rows = await db.Get<OfficeResponses>(scope).ResponsesAsync(city, 2025);
            var quickRow = rows.Single(r => r.Id == quick.Id);
            Assert.Equal((4, 5, true), (quickRow.HoursTaken, quickRow.TargetHours, quickRow.WithinTarget));
            var slowRow = rows.Single(r => r.Id == slow.Id);
            Assert.Equal((6, 5, false), (slowRow.HoursTaken, slowRow.TargetHours, slowRow.WithinTarget));
            Assert.True(rows.Single(r => r.Id == byConference.Id).WithinTarget);   // exactly 24 hours counts as within
        }

        // Edited and deleted through the log; a deleted record leaves the office list and /jdhy.
        await using (var scope = db.Scope())
        {
            var edited = await db.Get<RecordResponseEvent>(scope).HandleAsync(new(slow.Id, SeedDemoData.CityCode, "网传学校提前放假（更正）", China(day),
                ResponseChannel.WeiboWeChat, China(day, 6), "教育局已在政务微博辟谣。", null, []), city);
            Assert.True(edited.Succeeded, string.Join("; ", edited.Problems));
            Assert.Equal("网传学校提前放假（更正）", edited.Value!.Concern);
            var noReason = await db.Get<DeleteResponseRecord>(scope).HandleAsync(new(ParticipationKind.Response, quick.Id, ""), city);
            Assert.Contains("删除理由", Assert.Single(noReason.Problems).Message);
            Assert.True((await db.Get<DeleteResponseRecord>(scope).HandleAsync(new(ParticipationKind.Response, quick.Id, "重复录入"), city)).Succeeded);
        }
        await using (var scope = db.Scope())
        {
            Assert.DoesNotContain(await db.Get<OfficeResponses>(scope).ResponsesAsync(city, 2025), r => r.Id == quick.Id);
            var page = await db.Get<PublicResponses>(scope).ForYearAsync(2025);
            Assert.Equal(["汛期出行安全", "网传学校提前放假（更正）"], page.Responses.Select(r => r.Concern).Order());
            var history = await db.Get<ParticipationLog>(scope).HistoryAsync(ParticipationKind.Response, slow.Id);
            Assert.Equal([ParticipationStep.Created, ParticipationStep.Edited], history.Select(h => h.Step));
            Assert.Equal(ParticipationStep.Deleted, (await db.Get<ParticipationLog>(scope).HistoryAsync(ParticipationKind.Response, quick.Id))[^1].Step);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Records_should_stay_inside_the_scope_and_link_only_published_items(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        db.Clock.SetToday(new DateOnly(2025, 7, 20));
        var city = await ScopeOfAsync(db, "city");
        var district = await ScopeOfAsync(db, "yy");
        var cityConference = await ConferenceAsync(db, city, "city", new DateOnly(2025, 7, 1), principal: false);
        await using var scope = db.Scope();
        var record = db.Get<RecordPressConference>(scope);
        var outside = await record.HandleAsync(new(null, SeedDemoData.CityCode, new DateOnly(2025, 7, 2), "区里替市里记录", "", [new("王五", "区长", true)], false, []), district);
        Assert.Contains(outside.Problems, p => p.Field == "UnitCode");
        Assert.Equal(App.OutcomeKind.Missing, (await record.HandleAsync(new(cityConference.Id, SeedDemoData.CodeOf("yy"), new DateOnly(2025, 7, 2), "改别人的", "",
            [new("王五", "区长")], false, []), district)).Kind);
        Assert.Empty(await db.Get<OfficeResponses>(scope).ConferencesAsync(district, 2025));
        var unknownItem = await record.HandleAsync(new(null, SeedDemoData.CodeOf("yy"), new DateOnly(2025, 7, 2), "区防汛发布会", "", [new("王五", "区长")], false,
            ["990102/2025-99999"]), district);
        Assert.Contains("没有索引号为 990102/2025-99999 的已发布信息", Assert.Single(unknownItem.Problems).Message);
        var editor = StaffScope.System with { Roles = new HashSet<string> { StaffRole.ApplicationsOfficer } };
        Assert.Equal(App.OutcomeKind.Denied, (await record.HandleAsync(new(null, SeedDemoData.CityCode, new DateOnly(2025, 7, 2), "x", "", [new("王五", "区长")], false, []), editor)).Kind);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_staff_api_should_record_a_response_against_a_configured_target(DatabaseProvider provider)
    {
        // Participation:ResponseTargetHours:Statement = 8: a statement after 6 hours is within the office's own target.
        await using var app = await WebApp.StartAsync(provider, new Dictionary<string, string?> { ["Participation:ResponseTargetHours:Statement"] = "8" });
        app.Database.Clock.SetToday(new DateOnly(2025, 7, 20));
        await app.AddStaffAsync("city-letters", "city", StaffRole.LettersOfficer);
        var client = await app.SignedInAsync("city-letters");

        var conference = await client.PostAsJsonAsync("/api/v1/office/participation/conferences", new
        {
            unit = SeedDemoData.CityCode,
            heldOn = "2025-07-10",
            title = "防汛新闻发布会",
            speakers = new[] { new { name = "李明", title = "市长", principal = true } },
        });
        Assert.Equal(HttpStatusCode.OK, conference.StatusCode);
        Assert.True((await conference.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("principalAttended").GetBoolean());
        var response = await client.PostAsJsonAsync("/api/v1/office/participation/responses", new
        {
            unit = SeedDemoData.CityCode,
            concern = "网传水库溃坝",
            aroseAt = "2025-07-10T08:00",
            channel = "发布声明",
            respondedAt = "2025-07-10T14:00",
            response = "系谣言。",
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        Assert.Equal((6, 8, true), (body.GetProperty("hoursTaken").GetInt32(), body.GetProperty("targetHours").GetInt32(), body.GetProperty("withinTarget").GetBoolean()));
        var backwards = await client.PostAsJsonAsync("/api/v1/office/participation/responses", new
        {
            unit = SeedDemoData.CityCode,
            concern = "x",
            aroseAt = "2025-07-10T08:00",
            channel = "Statement",
            respondedAt = "2025-07-09T14:00",
            response = "y",
        });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("回应时间不能早于关切产生的时间", await backwards.Content.ReadAsStringAsync());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/office/participation/responses?year=2025");
        Assert.Equal("网传水库溃坝", list[0].GetProperty("concern").GetString());

        var page = await client.GetPageAsync("/office/participation/responses?year=2025");
        Assert.Contains("时限内（8 小时）", page.QuerySelector("table.responses")!.TextContent);
        var conferences = await client.GetPageAsync("/office/participation/conferences?year=2025");
        Assert.Contains("其中主要负责同志出席 1 场", conferences.Body!.TextContent);
    }
}
