using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Core.Calendar;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Participation;

/// <summary>Solicitations made through the staff API, as an office would, for the tests of the participation feature.</summary>
public static class SolicitationTestData
{
    public const string Draft = "青岚市城市公园管理办法（征求意见稿）\n第一条 为了规范城市公园管理，制定本办法。\n第二条 公园开放时间由公园管理单位公布。\n第三条 本办法自公布之日起施行。";

    /// <summary>Creates a draft through the staff API and returns its id.</summary>
    public static async Task<Guid> CreateAsync(HttpClient staff, string kind, DateOnly opens, DateOnly closes, string title = "青岚市城市公园管理办法（征求意见稿）",
        bool showComments = true, string? unit = null)
    {
        var response = await staff.PostAsJsonAsync("/api/v1/office/participation/solicitations", new
        {
            title, kind, concernsBusinesses = false, draftText = Draft, explanation = "为加强公园管理，起草了本办法。", contact = "信函寄至青岚大道 1 号市司法局",
            opensOn = opens, closesOn = closes, showComments, unit,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Creates and publishes (with a reason when the period is short).</summary>
    public static async Task<Guid> PublishedAsync(HttpClient staff, string kind, DateOnly opens, DateOnly closes, string? reason = null, string? unit = null)
    {
        var id = await CreateAsync(staff, kind, opens, closes, unit: unit);
        var published = await staff.PostAsJsonAsync($"/api/v1/office/participation/solicitations/{id}/publish", new { shortPeriodReason = reason });
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return id;
    }

    public static async Task<HttpResponseMessage> CommentAsync(HttpClient client, Guid id, object body) =>
        await client.PostAsJsonAsync($"/api/v1/solicitations/{id}/comments", body);

    public static async Task<WorkCalendar> CalendarAsync(WebApp app)
    {
        await using var scope = app.Database.Scope();
        return await app.Database.Get<OfficialCalendar>(scope).GetAsync(app.Database.Get<GongkaiDb>(scope));
    }
}
