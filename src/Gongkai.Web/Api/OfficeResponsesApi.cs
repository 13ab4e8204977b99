using Gongkai.App.Participation;
using Gongkai.App.Participation.Responses;
using Gongkai.Core.Participation;
using Gongkai.Web.Accounts;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/office/participation/conferences and /api/v1/office/participation/responses: the staff's records of press
/// conferences and responses to public concerns, inside the account's subtree, through the same use cases as the office pages.
/// Times are China time (<c>2026-03-02T09:30</c>); each response carries hoursTaken, targetHours and withinTarget.
/// </summary>
public static class OfficeResponsesApi
{
    public sealed record SpeakerRequest(string Name, string Title = "", bool Principal = false);

    public sealed record ConferenceRequest(string Unit, DateOnly HeldOn, string Title, string Summary = "", IReadOnlyList<SpeakerRequest>? Speakers = null,
        bool PrincipalAttended = false, IReadOnlyList<string>? ItemIndexNumbers = null);

    /// <param name="Channel">Statement, PressConference, Interview, WeiboWeChat, Other (or 发布声明、新闻发布会、接受媒体采访、政务微博/微信、其他).</param>
    public sealed record ResponseRequest(string Unit, string Concern, DateTime AroseAt, string Channel, DateTime RespondedAt, string Response,
        Guid? PressConferenceId = null, IReadOnlyList<string>? ItemIndexNumbers = null);

    public sealed record DeleteRequest(string Reason = "");

    public sealed record ConferenceResult(Guid Id, DateOnly HeldOn, string Title, bool PrincipalAttended, IReadOnlyList<string> ItemIndexNumbers);

    public sealed record DeleteResult(Guid Id, ParticipationState State);

    public static void MapOfficeResponsesApi(this WebApplication app)
    {
        var office = app.MapStaffGroup("/api/v1/office/participation", "解读回应（工作人员）");
        office.MapGet("/conferences", async (HttpContext http, OfficeResponses records, int? year) =>
            !http.StaffScope().CanHandleParticipation ? Denied() : BadYear(year) ?? Results.Ok(await records.ConferencesAsync(http.StaffScope(), year)))
            .WithName("OfficeConferences").Produces<IReadOnlyList<OfficeResponses.ConferenceRow>>().ProducesValidationProblem().WithSummary("新闻发布会记录（可按年度 year 筛选）");
        office.MapPost("/conferences", (ConferenceRequest body, HttpContext http, RecordPressConference record) => SaveAsync(null, body, http, record))
            .WithName("OfficeConferenceCreate").Produces<ConferenceResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("记录新闻发布会（保存即公开）");
        office.MapPut("/conferences/{id:guid}", (Guid id, ConferenceRequest body, HttpContext http, RecordPressConference record) => SaveAsync(id, body, http, record))
            .WithName("OfficeConferenceUpdate").Produces<ConferenceResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("修改新闻发布会记录");
        office.MapPost("/conferences/{id:guid}/delete", async (Guid id, DeleteRequest body, HttpContext http, DeleteResponseRecord delete) =>
            (await delete.HandleAsync(new(ParticipationKind.PressConference, id, body.Reason ?? ""), http.StaffScope())).ToHttp(r => new DeleteResult(r.Id, r.State)))
            .WithName("OfficeConferenceDelete").Produces<DeleteResult>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("删除新闻发布会记录（须说明理由）");

        office.MapGet("/responses", async (HttpContext http, OfficeResponses records, int? year) =>
            !http.StaffScope().CanHandleParticipation ? Denied() : BadYear(year) ?? Results.Ok(await records.ResponsesAsync(http.StaffScope(), year)))
            .WithName("OfficeResponses").Produces<IReadOnlyList<OfficeResponses.ResponseRow>>().ProducesValidationProblem().WithSummary("回应关切记录（可按年度 year 筛选），含用时 hoursTaken、时限 targetHours、是否在时限内 withinTarget");
        office.MapPost("/responses", (ResponseRequest body, HttpContext http, RecordResponseEvent record, OfficeResponses records) => SaveAsync(null, body, http, record, records))
            .WithName("OfficeResponseCreate").Produces<OfficeResponses.ResponseRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("记录回应关切（保存即公开）");
        office.MapPut("/responses/{id:guid}", (Guid id, ResponseRequest body, HttpContext http, RecordResponseEvent record, OfficeResponses records) =>
            SaveAsync(id, body, http, record, records)).WithName("OfficeResponseUpdate").Produces<OfficeResponses.ResponseRow>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("修改回应记录");
        office.MapPost("/responses/{id:guid}/delete", async (Guid id, DeleteRequest body, HttpContext http, DeleteResponseRecord delete) =>
            (await delete.HandleAsync(new(ParticipationKind.Response, id, body.Reason ?? ""), http.StaffScope())).ToHttp(r => new DeleteResult(r.Id, r.State)))
            .WithName("OfficeResponseDelete").Produces<DeleteResult>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("删除回应记录（须说明理由）");
    }

    private static IResult? BadYear(int? year) => year is null or (>= 2000 and <= 9999) ? null
        : Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = ["年度应为 2000 至 9999 之间的年份。"] }, title: "输入有误。");

    private static IResult Denied() => Results.Problem("只有负责互动交流或信息发布的工作人员可以查看。", statusCode: StatusCodes.Status403Forbidden, title: "无权操作");

    private static async Task<IResult> SaveAsync(Guid? id, ConferenceRequest body, HttpContext http, RecordPressConference record) =>
        (await record.HandleAsync(new(id, body.Unit ?? "", body.HeldOn, body.Title ?? "", body.Summary ?? "",
            [.. (body.Speakers ?? []).Select(s => new RecordPressConference.Speaker(s.Name ?? "", s.Title ?? "", s.Principal))], body.PrincipalAttended,
            body.ItemIndexNumbers ?? []), http.StaffScope()))
        .ToHttp(c => new ConferenceResult(c.Id, c.HeldOn, c.Title, c.PrincipalAttended, c.ItemIndexNumbers));

    private static async Task<IResult> SaveAsync(Guid? id, ResponseRequest body, HttpContext http, RecordResponseEvent record, OfficeResponses records)
    {
        if (ResponseChannels.Parse(body.Channel) is not { } channel)
            return Results.ValidationProblem(new Dictionary<string, string[]>
            {
                ["channel"] = [$"回应方式无效（可选值：{string.Join("、", Enum.GetNames<ResponseChannel>())}）。"],
            }, title: "输入有误，未保存。");
        var saved = await record.HandleAsync(new(id, body.Unit ?? "", body.Concern ?? "", DateTime.SpecifyKind(body.AroseAt, DateTimeKind.Unspecified), channel,
            DateTime.SpecifyKind(body.RespondedAt, DateTimeKind.Unspecified), body.Response ?? "", body.PressConferenceId, body.ItemIndexNumbers ?? []), http.StaffScope());
        if (!saved.Succeeded)
            return saved.ToHttp(r => r);
        return Results.Ok(await records.ResponseAsync(http.StaffScope(), saved.Value!.Id));
    }
}
