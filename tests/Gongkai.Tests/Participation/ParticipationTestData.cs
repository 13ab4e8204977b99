using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Tests.Web;

namespace Gongkai.Tests.Participation;

/// <summary>Surveys and interviews made through the staff API, as an office would.</summary>
internal static class ParticipationTestData
{
    /// <summary>A published survey of the signed-in account's unit: 1 single choice (满意/基本满意/不满意), 2 multiple choice (公交/地铁/骑行), 3 text (optional).</summary>
    public static async Task<Guid> PublishedSurveyAsync(HttpClient staff, DateOnly opensOn, DateOnly closesOn, string title = "公共交通出行满意度调查")
    {
        var created = await staff.PostAsJsonAsync("/api/v1/office/participation/surveys", new
        {
            title,
            introduction = "为改进公共交通服务，特开展本次调查。",
            opensOn,
            closesOn,
            questions = new object[]
            {
                new { text = "您对本市公共交通服务是否满意？", kind = "SingleChoice", options = new[] { "满意", "基本满意", "不满意" } },
                new { text = "您平时使用哪些出行方式？", kind = "MultipleChoice", options = new[] { "公交", "地铁", "骑行" } },
                new { text = "您还有什么建议？", kind = "Text", options = Array.Empty<string>(), required = false },
            },
        });
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var published = await staff.PostAsync($"/api/v1/office/participation/surveys/{id}/publish", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>A published interview of the signed-in account's unit, starting at <paramref name="startsAt"/> for an hour, with a principal guest.</summary>
    public static async Task<Guid> PublishedInterviewAsync(HttpClient staff, DateTimeOffset startsAt, string title = "解读城镇老旧小区改造政策")
    {
        var created = await staff.PostAsJsonAsync("/api/v1/office/participation/interviews", new
        {
            title,
            introduction = "住建局负责同志解读老旧小区改造政策，回答网友提问。",
            startsAt,
            endsAt = startsAt.AddHours(1),
            guests = new object[] { new { name = "李建国", title = "市住房和城乡建设局局长", principal = true }, new { name = "陈静", title = "市住房和城乡建设局城建处处长" } },
        });
        Assert.True(created.StatusCode == HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var published = await staff.PostAsync($"/api/v1/office/participation/interviews/{id}/publish", null);
        Assert.True(published.StatusCode == HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return id;
    }

    /// <summary>Answers a survey from <paramref name="client"/> (its cookie jar is the voter) through the public page's form.</summary>
    public static Task<HttpResponseMessage> AnswerAsync(HttpClient client, Guid survey, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/hdjl/zjdc/dc/{survey}", fields);

    /// <summary>A multiple-choice field posted with several values, as a browser posts checked boxes.</summary>
    public static async Task<HttpResponseMessage> AnswerManyAsync(HttpClient client, Guid survey, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetPageAsync($"/hdjl/zjdc/dc/{survey}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync($"/hdjl/zjdc/dc/{survey}", new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
}
