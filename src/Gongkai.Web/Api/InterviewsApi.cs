using Gongkai.App;
using Gongkai.App.Participation.Interviews;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/interviews, public: the online interviews (在线访谈) with their counts of questions received (网民留言数量)
/// and answered (答复网民提问数量), one interview with its shown questions and transcript, and sending a question —
/// never an asker's name or contact in any answer. Also the transcript pictures at /hdjl/zxft/{id}/tp/{pictureId}.
/// </summary>
public static class InterviewsApi
{
    public sealed record Guest(string Name, string Title, bool Principal);

    /// <param name="Stage">Upcoming|Live|Ended|Transcript.</param>
    public sealed record InterviewItem(Guid Id, string Title, string Unit, DateTime StartsAt, DateTime EndsAt, InterviewStage Stage, string StageName,
        IReadOnlyList<Guest> Guests, int QuestionsReceived, int QuestionsAnswered, string Url);

    public sealed record Question(string Content, DateTime SubmittedAt, string Answer, string AnsweredBy, DateTime? AnsweredAt);

    public sealed record Picture(string Caption, string ContentType, string Url);

    public sealed record InterviewDetails(InterviewItem Interview, string Introduction, string Transcript, DateOnly? TranscriptPublishedOn,
        IReadOnlyList<Question> Questions, IReadOnlyList<Picture> Pictures);

    public sealed record QuestionSubmission(string? Name, string? Phone, string? Email, string? Content);

    public sealed record QuestionReceipt(Guid Id, string Message);

    public static void MapInterviewsApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1/interviews").WithTags("互动交流");
        open.MapGet("/", ListAsync).WithName("Interviews")
            .WithSummary("在线访谈：预告、正在进行和往期访谈，含嘉宾、网民提问数量（questionsReceived）和答复数量（questionsAnswered）");
        open.MapGet("/{id:guid}", GetAsync).WithName("Interview")
            .WithSummary("一场访谈：简介、嘉宾、经审核公开的提问和答复（已屏蔽个人信息）、文字实录和图片").ProducesProblem(StatusCodes.Status404NotFound);
        open.MapPost("/{id:guid}/questions", AskAsync).RequireRateLimiting(PublicForms.Policy).WithName("AskInterviewQuestion")
            .WithSummary("向访谈提问（访谈结束前）：姓名和联系电话或电子邮箱只供工作人员联系，不公开；问题经审核后公开。201，400 输入有误，409 访谈已结束")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/hdjl/zxft/{id:guid}/tp/{pictureId:guid}", PictureAsync).WithName("InterviewPicture").ExcludeFromDescription();
    }

    internal static InterviewItem Item(PublicInterviews.Item i) => new(i.Id, i.Title, i.Unit, i.StartsAt, i.EndsAt, i.Stage, i.Stage.ChineseName(),
        [.. i.Guests.Select(g => new Guest(g.Name, g.Title, g.Principal))], i.QuestionsReceived, i.QuestionsAnswered, $"/hdjl/zxft/{i.Id}");

    private static async Task<Ok<IReadOnlyList<InterviewItem>>> ListAsync(PublicInterviews interviews, HttpContext http) =>
        TypedResults.Ok<IReadOnlyList<InterviewItem>>([.. (await interviews.ListAsync(http.RequestAborted)).Select(Item)]);

    private static async Task<Results<Ok<InterviewDetails>, ProblemHttpResult>> GetAsync(Guid id, PublicInterviews interviews, HttpContext http)
    {
        if (await interviews.GetAsync(id, http.RequestAborted) is not { } d)
            return NotFound();
        return TypedResults.Ok(new InterviewDetails(Item(d.Summary), d.Introduction, d.Transcript, d.TranscriptPublishedOn,
            [.. d.Questions.Select(q => new Question(q.Content, q.SubmittedAt, q.Answer, q.AnsweredBy, q.AnsweredAt))],
            [.. d.Pictures.Select(p => new Picture(p.Caption, p.ContentType, $"/hdjl/zxft/{id}/tp/{p.Id}"))]));
    }

    private static async Task<Results<Created<QuestionReceipt>, ValidationProblem, ProblemHttpResult>> AskAsync(Guid id, QuestionSubmission body, AskQuestion ask, HttpContext http)
    {
        var outcome = await ask.HandleAsync(new(id, body.Name ?? "", body.Phone ?? "", body.Email ?? "", body.Content ?? ""), http.RequestAborted);
        return outcome.Kind switch
        {
            OutcomeKind.Done => TypedResults.Created($"/api/v1/interviews/{id}", new QuestionReceipt(outcome.Value!.Id, "提问已提交，经审核后公开并由嘉宾答复。")),
            OutcomeKind.Missing => NotFound(),
            _ when outcome.Problems.Any(p => p.Field == AskQuestion.ClosedField) =>
                TypedResults.Problem(outcome.Problems[0].Message, statusCode: StatusCodes.Status409Conflict, title: "访谈已结束"),
            _ => TypedResults.ValidationProblem(outcome.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
                title: "提问有误，未提交。"),
        };
    }

    private static async Task<IResult> PictureAsync(Guid id, Guid pictureId, PublicInterviews interviews, HttpContext http)
    {
        if (await interviews.PictureAsync(id, pictureId, http.RequestAborted) is not { } picture)
            return Results.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "public, max-age=86400";
        return Results.File(picture.Content, picture.ContentType);
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("找不到该访谈。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
}
