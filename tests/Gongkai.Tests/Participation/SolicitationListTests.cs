using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Participation;
using Gongkai.Core.Participation;
using Gongkai.Tests.Data;
using Gongkai.Tests.Web;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Participation;

/// <summary>/hdjl/zjdc and GET /api/v1/solicitations over years of solicitations: what is open first, then the closed ones a page at a time.</summary>
public class SolicitationListTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_open_solicitations_should_lead_the_first_page_and_the_closed_ones_follow_twenty_a_page_latest_first(DatabaseProvider provider)
    {
        await using var app = await WebApp.StartAsync(provider);
        var today = new DateOnly(2026, 6, 1);
        app.Database.Clock.SetToday(today);
        await using (var scope = app.Database.Scope())
        {
            var db = app.Database.Get<GongkaiDb>(scope);
            var city = await db.Units.SingleAsync(u => u.Code == SeedDemoData.CityCode);
            Solicitation Make(string title, DateOnly opens, DateOnly closes, ParticipationState state) => new()
            {
                UnitId = city.Id, Title = title, Kind = SolicitationKind.Other, DraftText = "第一条　草案。", OpensOn = opens, ClosesOn = closes,
                State = state, PublishedOn = opens, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            db.Solicitations.Add(Make("正在征集的方案", today.AddDays(-3), today.AddDays(10), ParticipationState.Published));
            db.Solicitations.Add(Make("草稿不公开", today, today.AddDays(10), ParticipationState.Draft));
            for (var i = 1; i <= 22; i++)
                db.Solicitations.Add(Make($"已结束的第{i}项", today.AddDays(-40 - i * 10), today.AddDays(-10 - i * 10), i % 3 == 0 ? ParticipationState.Concluded : ParticipationState.Published));
            await db.SaveChangesAsync();
        }

        var first = await app.Browser().GetPageAsync("/hdjl/zjdc");
        var titles = first.QuerySelectorAll("ol.solicitations > li > a").Select(a => a.TextContent).ToList();
        Assert.Equal(21, titles.Count);
        Assert.Equal("正在征集的方案", titles[0]);
        Assert.Equal([.. Enumerable.Range(1, 20).Select(i => $"已结束的第{i}项")], titles.Skip(1));
        Assert.Contains("第 1 / 2 页", first.QuerySelector("nav.pager")!.TextContent);

        var next = first.QuerySelector("nav.pager a[rel=next]")!.GetAttribute("href")!;
        var second = await app.Browser().GetPageAsync(next.Replace("?", "/hdjl/zjdc?"));
        Assert.Equal(["已结束的第21项", "已结束的第22项"], second.QuerySelectorAll("ol.solicitations > li > a").Select(a => a.TextContent));

        var api = await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/solicitations?page=2");
        Assert.Equal((2, 2, 23), (api.GetProperty("page").GetInt32(), api.GetProperty("pageCount").GetInt32(), api.GetProperty("total").GetInt32()));
        Assert.Equal(2, api.GetProperty("items").GetArrayLength());
    }
}
