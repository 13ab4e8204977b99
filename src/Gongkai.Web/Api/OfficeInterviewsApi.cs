using Gongkai.App.Participation;
using Gongkai.App.Participation.Interviews;
using Gongkai.Core.Participation;
using Gongkai.Web.Accounts;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/office/participation/interviews: the staff's interviews inside the account's subtree — list with counts, one
/// interview with its questions (askers' name and contact only to roles that handle participation) and history,
/// create, change, announce, moderate, answer, publish the transcript with pictures, withdraw.
/// </summary>
public static class OfficeInterviewsApi
{
    public sealed record GuestRequest(string? Name, string? Title, bool Principal = false);

    /// <param name="StartsAt">With its offset (e.g. 2026-12-10T10:00:00+08:00).</param>
    public sealed record InterviewRequest(string? Title, string? Introduction, DateTimeOffset StartsAt, DateTimeOffset EndsAt, IReadOnlyList<GuestRequest>? Guests,
        string? Unit = null);

    public sealed record ModerationRequest(bool Show, string? Reason = null, string? ShownContent = null);

    public sealed record AnswerRequest(string? Answer, string? AnsweredBy);

    public sealed record PictureRequest(string? FileName, string? ContentBase64, string? Caption);

    public sealed record TranscriptRequest(string? Transcript, IReadOnlyList<PictureRequest>? Pictures = null, IReadOnlyDictionary<Guid, string>? Captions = null,
        IReadOnlyList<Guid>? Remove = null);

    public sealed record ReasonRequest(string? Reason);

    public sealed record InterviewSummary(Guid Id, string Title, ParticipationState State, string StateName, DateTime StartsAt, DateTime EndsAt,
        DateOnly? TranscriptPublishedOn);

    public sealed record QuestionResult(Guid Id, ContributionState State, string StateName, string ShownContent, string Answer, string AnsweredBy,
        DateTime? AnsweredAt);

    public static void MapOfficeInterviewsApi(this WebApplication app)
    {
        var office = app.MapStaffGroup("/api/v1/office/participation/interviews", "互动交流（工作人员）");
        office.MapGet("/", ListAsync).WithName("OfficeInterviews").WithSummary("管辖范围内的在线访谈及待审核、收到和已答复的提问数");
        office.MapGet("/{id:guid}", GetAsync).WithName("OfficeInterview")
            .WithSummary("一场访谈：嘉宾、提问（提问人姓名和联系方式仅互动交流人员和管理员可见）、图片和操作记录");
        office.MapPost("/", (InterviewRequest body, HttpContext http, SaveInterview save) => SaveAsync(null, body, http, save))
            .WithName("OfficeInterviewCreate").Produces<InterviewSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("新建访谈（草稿）；unit 为单位代码，默认本单位；嘉宾 principal 表示主要负责同志");
        office.MapPut("/{id:guid}", (Guid id, InterviewRequest body, HttpContext http, SaveInterview save) => SaveAsync(id, body, http, save))
            .WithName("OfficeInterviewUpdate").Produces<InterviewSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("修改访谈");
        office.MapPost("/{id:guid}/publish", async (Guid id, HttpContext http, PublishInterview use) =>
            (await use.HandleAsync(id, http.StaffScope(), http.RequestAborted)).ToHttp(Summary)).WithName("OfficeInterviewPublish").Produces<InterviewSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("发布访谈预告");
        office.MapPost("/{id:guid}/questions/{questionId:guid}/moderation", async (Guid id, Guid questionId, ModerationRequest body, HttpContext http, ModerateQuestion use) =>
            (await use.HandleAsync(new(id, questionId, body.Show, body.Reason ?? "", body.ShownContent ?? ""), http.StaffScope(), http.RequestAborted)).ToHttp(Question))
            .WithName("OfficeInterviewModerate").Produces<QuestionResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("审核提问：公开（自动屏蔽个人信息）或不予公开（须说明理由）");
        office.MapPost("/{id:guid}/questions/{questionId:guid}/answer", async (Guid id, Guid questionId, AnswerRequest body, HttpContext http, AnswerQuestion use) =>
            (await use.HandleAsync(new(id, questionId, body.Answer ?? "", body.AnsweredBy ?? ""), http.StaffScope(), http.RequestAborted)).ToHttp(Question))
            .WithName("OfficeInterviewAnswer").Produces<QuestionResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("记录嘉宾答复（answeredBy 为嘉宾姓名）");
        office.MapPost("/{id:guid}/transcript", TranscriptAsync).WithName("OfficeInterviewTranscript").Produces<InterviewSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("发布或修改文字实录；pictures 为新增图片（contentBase64，caption 为图片说明即替代文字），captions 修改已有图片说明，remove 删除图片");
        office.MapPost("/{id:guid}/withdraw", async (Guid id, ReasonRequest body, HttpContext http, WithdrawInterview use) =>
            (await use.HandleAsync(id, body.Reason ?? "", http.StaffScope(), http.RequestAborted)).ToHttp(Summary))
            .WithName("OfficeInterviewWithdraw").Produces<InterviewSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("撤回访谈（须说明理由）");
    }

    private static InterviewSummary Summary(Interview i) => new(i.Id, i.Title, i.State, i.State.ChineseName(), i.StartsAt, i.EndsAt, i.TranscriptPublishedOn);

    private static QuestionResult Question(InterviewQuestion q) => new(q.Id, q.State, q.State.ChineseName(), q.ShownContent, q.Answer, q.AnsweredBy, q.AnsweredAt);

    private static async Task<IResult> ListAsync(HttpContext http, OfficeInterviews interviews) =>
        Results.Ok((await interviews.ListAsync(http.StaffScope(), http.RequestAborted)).Select(r => new
        {
            r.Id,
            r.Title,
            r.Unit,
            r.State,
            StateName = r.State.ChineseName(),
            r.StartsAt,
            r.EndsAt,
            PendingQuestions = r.Pending,
            QuestionsReceived = r.Received,
            QuestionsAnswered = r.Answered,
        }));

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, OfficeInterviews interviews, ParticipationLog log)
    {
        var scope = http.StaffScope();
        if (await interviews.FindAsync(id, scope, http.RequestAborted) is not { } i)
            return Results.Problem("找不到该访谈，或该访谈不在您的管辖范围内。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        var personal = scope.CanHandleParticipation;
        var questions = await interviews.QuestionsAsync(id, http.RequestAborted);
        var pictures = await interviews.PicturesAsync(id, http.RequestAborted);
        var history = await log.HistoryAsync(ParticipationKind.Interview, id, http.RequestAborted);
        return Results.Ok(new
        {
            i.Id,
            i.Title,
            i.Introduction,
            Unit = i.Unit.Code,
            UnitName = i.Unit.FullName,
            i.State,
            StateName = i.State.ChineseName(),
            i.StartsAt,
            i.EndsAt,
            Guests = i.Guests.Select(g => new { g.Name, g.Title, g.Principal }),
            i.PublishedOn,
            i.Transcript,
            i.TranscriptPublishedOn,
            i.WithdrawnReason,
            QuestionsReceived = questions.Count,
            QuestionsAnswered = questions.Count(q => q.AnsweredAt != null),
            Questions = questions.Select(q => new
            {
                q.Id,
                q.SubmittedAt,
                q.Content,
                q.State,
                StateName = q.State.ChineseName(),
                q.ModerationNote,
                q.ShownContent,
                q.Answer,
                q.AnsweredBy,
                q.AnsweredAt,
                Name = personal ? q.Name : null,
                Phone = personal ? q.Phone : null,
                Email = personal ? q.Email : null,
            }),
            Pictures = pictures.Select(p => new { p.Id, p.FileName, p.ContentType, p.Caption }),
            History = history.Select(e => new { e.At, e.Step, StepName = e.Step.ChineseName(), e.ActorName, e.ContributionId, e.Note }),
        });
    }

    private static async Task<IResult> SaveAsync(Guid? id, InterviewRequest body, HttpContext http, SaveInterview save) =>
        (await save.HandleAsync(new(id, body.Title ?? "", body.Introduction ?? "", body.StartsAt.UtcDateTime, body.EndsAt.UtcDateTime,
            [.. (body.Guests ?? []).Select(g => new Participant { Name = g.Name ?? "", Title = g.Title ?? "", Principal = g.Principal })], body.Unit),
            http.StaffScope(), http.RequestAborted)).ToHttp(Summary);

    private static async Task<IResult> TranscriptAsync(Guid id, TranscriptRequest body, HttpContext http, PublishTranscript publish)
    {
        var errors = new Dictionary<string, string[]>();
        var pictures = new List<PublishTranscript.PictureUpload>();
        foreach (var p in body.Pictures ?? [])
        {
            var bytes = new byte[p.ContentBase64?.Length ?? 0];
            if (!Convert.TryFromBase64String(p.ContentBase64 ?? "", bytes, out var length))
                errors["pictures"] = [$"“{p.FileName}”的内容不是有效的 Base64。"];
            else
                pictures.Add(new(p.FileName ?? "", bytes[..length], p.Caption ?? ""));
        }
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "输入有误，未保存。");
        return (await publish.HandleAsync(new(id, body.Transcript ?? "", pictures, body.Captions, body.Remove), http.StaffScope(), http.RequestAborted)).ToHttp(Summary);
    }
}
