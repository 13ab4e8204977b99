using Gongkai.App.Participation;
using Gongkai.App.Participation.Surveys;
using Gongkai.Core.Participation;
using Gongkai.Web.Accounts;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/office/participation/surveys: the staff's surveys inside the account's subtree — list, one survey with its
/// results (text answers included) and history, create, change, publish, extend, publish results, withdraw — through
/// the same use cases as the office pages.
/// </summary>
public static class OfficeSurveysApi
{
    /// <param name="Kind">SingleChoice|MultipleChoice|Text.</param>
    public sealed record QuestionRequest(string? Text, string? Kind, IReadOnlyList<string>? Options, bool Required = true);

    public sealed record SurveyRequest(string? Title, string? Introduction, DateOnly OpensOn, DateOnly ClosesOn, IReadOnlyList<QuestionRequest>? Questions, string? Unit = null);

    public sealed record ExtendRequest(DateOnly ClosesOn, string? Reason);

    public sealed record ResultsRequest(string? Note);

    public sealed record ReasonRequest(string? Reason);

    public sealed record SurveySummary(Guid Id, string Title, ParticipationState State, string StateName, DateOnly OpensOn, DateOnly ClosesOn,
        DateOnly? ResultsPublishedOn);

    public static void MapOfficeSurveysApi(this WebApplication app)
    {
        var office = app.MapStaffGroup("/api/v1/office/participation/surveys", "互动交流（工作人员）");
        office.MapGet("/", ListAsync).WithName("OfficeSurveys").WithSummary("管辖范围内的调查及答卷数");
        office.MapGet("/{id:guid}", GetAsync).WithName("OfficeSurvey").WithSummary("一项调查：问题、结果（含文字回答）和操作记录");
        office.MapPost("/", CreateAsync).WithName("OfficeSurveyCreate").Produces<SurveySummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("新建调查（草稿）；unit 为单位代码，默认本单位；kind 为 SingleChoice、MultipleChoice 或 Text");
        office.MapPut("/{id:guid}", UpdateAsync).WithName("OfficeSurveyUpdate").Produces<SurveySummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("修改调查；发布后起止日期不能改，已有答卷后问题不能改");
        office.MapPost("/{id:guid}/publish", async (Guid id, HttpContext http, PublishSurvey use) =>
            (await use.HandleAsync(id, http.StaffScope(), http.RequestAborted)).ToHttp(Summary)).WithName("OfficeSurveyPublish").Produces<SurveySummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("发布调查");
        office.MapPost("/{id:guid}/extend", async (Guid id, ExtendRequest body, HttpContext http, ExtendSurvey use) =>
            (await use.HandleAsync(id, body.ClosesOn, body.Reason ?? "", http.StaffScope(), http.RequestAborted)).ToHttp(Summary))
            .WithName("OfficeSurveyExtend").Produces<SurveySummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("延长调查期限（须说明理由）");
        office.MapPost("/{id:guid}/results", async (Guid id, ResultsRequest body, HttpContext http, PublishSurveyResults use) =>
            (await use.HandleAsync(id, body.Note ?? "", http.StaffScope(), http.RequestAborted)).ToHttp(Summary))
            .WithName("OfficeSurveyResults").Produces<SurveySummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("公布调查结果（调查截止后）；再次提交修改结果说明");
        office.MapPost("/{id:guid}/withdraw", async (Guid id, ReasonRequest body, HttpContext http, WithdrawSurvey use) =>
            (await use.HandleAsync(id, body.Reason ?? "", http.StaffScope(), http.RequestAborted)).ToHttp(Summary))
            .WithName("OfficeSurveyWithdraw").Produces<SurveySummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("撤回调查（须说明理由）");
    }

    private static SurveySummary Summary(Survey s) => new(s.Id, s.Title, s.State, s.State.ChineseName(), s.OpensOn, s.ClosesOn, s.ResultsPublishedOn);

    private static async Task<IResult> ListAsync(HttpContext http, OfficeSurveys surveys) =>
        Results.Ok((await surveys.ListAsync(http.StaffScope(), http.RequestAborted))
            .Select(r => new { r.Id, r.Title, r.Unit, r.State, StateName = r.State.ChineseName(), r.OpensOn, r.ClosesOn, r.Responses }));

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, OfficeSurveys surveys, ParticipationLog log)
    {
        if (await surveys.FindAsync(id, http.StaffScope(), http.RequestAborted) is not { } s)
            return Results.Problem("找不到该调查，或该调查不在您的管辖范围内。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        var results = await surveys.ResultsAsync(s, http.StaffScope(), http.RequestAborted);
        var history = await log.HistoryAsync(ParticipationKind.Survey, id, http.RequestAborted);
        return Results.Ok(new
        {
            s.Id,
            s.Title,
            s.Introduction,
            Unit = s.Unit.Code,
            UnitName = s.Unit.FullName,
            s.State,
            StateName = s.State.ChineseName(),
            s.OpensOn,
            s.ClosesOn,
            s.PublishedOn,
            s.ResultsNote,
            s.ResultsPublishedOn,
            s.WithdrawnReason,
            Questions = s.Questions.Select(q => new { q.Text, q.Kind, q.Options, q.Required }),
            Results = new
            {
                results.Responses,
                Questions = results.Questions.Select(q => new
                {
                    q.Number,
                    q.Text,
                    q.Kind,
                    q.Tally?.Respondents,
                    Options = q.Tally is { } t ? q.Options.Select((o, i) => new { Option = o, Count = t.Counts[i], Percent = t.Percent(i) }) : null,
                    q.TextAnswers,
                }),
            },
            History = history.Select(e => new { e.At, e.Step, StepName = e.Step.ChineseName(), e.ActorName, e.Note }),
        });
    }

    private static async Task<IResult> CreateAsync(SurveyRequest body, HttpContext http, SaveSurvey save) => await SaveAsync(null, body, http, save);

    private static async Task<IResult> UpdateAsync(Guid id, SurveyRequest body, HttpContext http, SaveSurvey save) => await SaveAsync(id, body, http, save);

    private static async Task<IResult> SaveAsync(Guid? id, SurveyRequest body, HttpContext http, SaveSurvey save)
    {
        var errors = new Dictionary<string, string[]>();
        var questions = (body.Questions ?? []).Select((q, i) => new SaveSurvey.QuestionInput(q.Text ?? "",
            errors.ParseEnum<SurveyQuestionKind>(q.Kind, $"questions[{i}].kind", "题型"), q.Options ?? [], q.Required)).ToList();
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "输入有误，未保存。");
        var outcome = await save.HandleAsync(new(id, body.Title ?? "", body.Introduction ?? "", body.OpensOn, body.ClosesOn, questions, body.Unit),
            http.StaffScope(), http.RequestAborted);
        return outcome.ToHttp(Summary);
    }
}
