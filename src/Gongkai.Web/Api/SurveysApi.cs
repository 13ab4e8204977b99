using Gongkai.App.Data;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Surveys;
using Gongkai.Core.Participation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/surveys, public: the published surveys (调查) and one survey with its questions and, once published, its
/// results (counts and percentages of the choice questions; text answers are not published). Answering is on the page
/// /hdjl/zjdc/dc/{id}, where the one-answer-per-browser cookie lives.
/// </summary>
public static class SurveysApi
{
    /// <param name="Stage">Upcoming|Open|Closed|ResultsPublished.</param>
    public sealed record SurveyItem(Guid Id, string Title, string Unit, DateOnly OpensOn, DateOnly ClosesOn, SurveyStage Stage, string StageName, string Url);

    public sealed record OptionResult(string Option, int Count, decimal Percent);

    /// <param name="Respondents">For a choice question, how many answered it (the base of the percentages).</param>
    public sealed record QuestionResult(int Number, string Text, SurveyQuestionKind Kind, IReadOnlyList<string> Options, int? Respondents,
        IReadOnlyList<OptionResult>? Results, int TextAnswers);

    public sealed record SurveyDetails(SurveyItem Survey, string Introduction, int? Responses, string ResultsNote, DateOnly? ResultsPublishedOn,
        IReadOnlyList<QuestionResult> Questions);

    public static void MapSurveysApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1/surveys").WithTags("互动交流");
        open.MapGet("/", ListAsync).WithName("Surveys").WithSummary("调查：已发布的调查及其状态（尚未开始、进行中、已结束、已公布结果）");
        open.MapGet("/{id:guid}", GetAsync).WithName("Survey")
            .WithSummary("一项调查：问题和选项；已公布结果的，含各选择题的人数和比例（比例以该题作答人数为基数，保留一位小数）").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static SurveyItem Item(Survey s, string unit, DateOnly today)
    {
        var stage = SurveyStages.Of(s, today);
        return new(s.Id, s.Title, unit, s.OpensOn, s.ClosesOn, stage, stage.ChineseName(), $"/hdjl/zjdc/dc/{s.Id}");
    }

    private static async Task<Ok<IReadOnlyList<SurveyItem>>> ListAsync(GongkaiDb db, TimeProvider clock, HttpContext http)
    {
        var rows = await db.Surveys.AsNoTracking().Where(s => s.State == ParticipationState.Published || s.State == ParticipationState.Concluded)
            .OrderByDescending(s => s.OpensOn).Select(s => new { Survey = s, Unit = s.Unit.FullName }).ToListAsync(http.RequestAborted);
        var today = App.ChinaTime.Today(clock);
        return TypedResults.Ok<IReadOnlyList<SurveyItem>>([.. rows.Select(r => Item(r.Survey, r.Unit, today))]);
    }

    private static async Task<Results<Ok<SurveyDetails>, ProblemHttpResult>> GetAsync(Guid id, GongkaiDb db, TimeProvider clock, HttpContext http)
    {
        if (await SurveyStages.FindPublicAsync(db, id, http.RequestAborted) is not { } s)
            return TypedResults.Problem("找不到该调查。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        var item = Item(s, s.Unit.FullName, App.ChinaTime.Today(clock));
        var results = item.Stage == SurveyStage.ResultsPublished ? await SurveyResults.CountAsync(db, s, withText: false, http.RequestAborted) : null;
        var questions = s.Questions.Select((q, i) =>
        {
            var r = results?.Questions[i];
            return new QuestionResult(i + 1, q.Text, q.Kind, q.Options, r?.Tally?.Respondents,
                r?.Tally is { } t ? [.. q.Options.Select((o, k) => new OptionResult(o, t.Counts[k], t.Percent(k)))] : null, r?.TextAnswerCount ?? 0);
        }).ToList();
        return TypedResults.Ok(new SurveyDetails(item, s.Introduction, results?.Responses, results is null ? "" : s.ResultsNote, s.ResultsPublishedOn, questions));
    }
}
