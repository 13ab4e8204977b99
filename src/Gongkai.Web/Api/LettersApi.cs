using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Web.Pages.Hdjl;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/letters, public: write a letter (no attachments here), follow it by its query code and rate the answer —
/// never a word of the writer's personal data in any answer — and search the published letters (公开选登).
/// </summary>
public static class LettersApi
{
    /// <param name="Mailbox">The mailbox's unit code, or <c>zhaocuo</c> for 我为政府网站找错.</param>
    /// <param name="Type">咨询|建议|投诉|求助|其他, or 找错 for zhaocuo (the member names are accepted too).</param>
    /// <param name="PageUrl">For 找错: the address of the page with the error.</param>
    public sealed record LetterSubmission(string? Mailbox, string? Type, string? Name, string? Phone, string? Subject, string? Content,
        string? Email = null, string? PageUrl = null, bool PublishConsent = false);

    /// <param name="Code">The query code (查询码): private to the writer.</param>
    /// <param name="DueOn">The due date, counted in working days from the day after it was received (today).</param>
    public sealed record LetterReceipt(string Number, string Code, DateOnly DueOn, string Mailbox);

    public sealed record TrackedStep(DateOnly Date, string Step);

    /// <summary>What the writer sees by the query code: no name, phone, e-mail or content.</summary>
    public sealed record TrackedLetter(string Number, string Mailbox, LetterType Type, string TypeName, string Subject, LetterState State, string StateName,
        DateOnly ReceivedOn, DateOnly? DueOn, string AnsweringUnit, DateOnly? AnsweredOn, string Answer, IReadOnlyList<string> AnswerFiles,
        LetterRating? Rating, string RatingName, bool RatingLapsed, DateOnly? RatingClosesOn, bool CanRate, bool CanReopen, bool Published,
        IReadOnlyList<TrackedStep> Steps);

    /// <param name="Rating">满意|基本满意|不满意 (or Satisfied|FairlySatisfied|Unsatisfied).</param>
    public sealed record RatingRequest(string? Rating, string? Comment = null);

    public sealed record ReopenRequest(string? Reason);

    public sealed record LetterStateResult(LetterState State, string StateName);

    public sealed record PublishedLetter(string Number, string Subject, string Mailbox, LetterType Type, string TypeName, DateOnly ReceivedOn, DateOnly AnsweredOn,
        string AnsweringUnit);

    /// <param name="TotalIsExact">False when <paramref name="Total"/> is an estimate.</param>
    public sealed record PublishedLetters(long Total, bool TotalIsExact, int Page, IReadOnlyList<PublishedLetter> Items);

    public static void MapLettersApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1/letters").WithTags("互动交流");
        open.MapPost("/", WriteAsync).RequireRateLimiting(PublicForms.LetterPolicy).WithName("WriteLetter")
            .WithSummary("写信：向信箱（mailbox 为信箱所属单位的统一社会信用代码）或“我为政府网站找错”（mailbox 为 zhaocuo）提交来信，返回信件编号、查询码和答复期限；同一内容短时间内重复提交或一信多投的不予接收")
            .ProducesValidationProblem();
        open.MapGet("/track/{code}", TrackAsync).RequireRateLimiting(PublicForms.LookupPolicy).WithName("TrackLetter")
            .WithSummary("凭查询码查询来信办理情况：状态、答复单位、日期、答复和办理过程（不含任何个人信息）")
            .ProducesProblem(StatusCodes.Status404NotFound);
        open.MapPost("/track/{code}/rating", RateAsync).RequireRateLimiting(PublicForms.Policy).WithName("RateLetter")
            .WithSummary("凭查询码评价答复（满意、基本满意、不满意），须在评价期限内；逾期未评价视为满意")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        open.MapPost("/track/{code}/reopen", ReopenAsync).RequireRateLimiting(PublicForms.Policy).WithName("ReopenLetter")
            .WithSummary("评价为不满意的，在评价期限内凭查询码申请再次办理一次（须说明原因）")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        open.MapGet("/", SearchAsync).WithName("SearchPublishedLetters")
            .WithSummary("公开选登的来信：检索词（每个至少 2 个字，可多个、可加引号），按信箱、类型、来信日期（from、to，YYYY-MM-DD）筛选；每页 20 封，最多 25 页")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Created<LetterReceipt>, ValidationProblem>> WriteAsync(LetterSubmission body, WriteLetter write, HttpContext http)
    {
        var errorChannel = string.Equals(body.Mailbox?.Trim(), WriteLetter.ErrorChannel, StringComparison.OrdinalIgnoreCase);
        var parsed = LetterTerms.ParseType(body.Type);
        var unknownType = parsed is null && !string.IsNullOrWhiteSpace(body.Type);
        // A missing type on the error channel is 找错; anything the rules must refuse is passed on so that they say why.
        var type = parsed ?? (errorChannel && !unknownType ? LetterType.SiteError : errorChannel ? LetterType.Consultation : LetterType.SiteError);
        var request = new LetterRequest
        {
            Type = type,
            Subject = body.Subject ?? "",
            Content = body.Content ?? "",
            Name = body.Name ?? "",
            Phone = body.Phone ?? "",
            Email = body.Email ?? "",
            PageUrl = body.PageUrl ?? "",
            PublishConsent = body.PublishConsent,
        };
        var outcome = await write.HandleAsync(body.Mailbox ?? "", request, ct: http.RequestAborted);
        if (outcome.Succeeded)
        {
            var r = outcome.Value!;
            return TypedResults.Created($"/api/v1/letters/track/{r.QueryCode}", new LetterReceipt(r.Number, r.QueryCode, r.DueOn, r.Mailbox));
        }
        // A page address belongs to the error channel only (a type missing for a mailbox is checked as 找错, which asks for one).
        var problems = outcome.Problems.Where(p => errorChannel || p.Field != "pageUrl").GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        if (unknownType)
            problems["type"] = [$"来信类型“{body.Type!.Trim()}”无效，应为咨询、建议、投诉、求助或其他（“我为政府网站找错”为找错）。"];
        return TypedResults.ValidationProblem(problems, title: "来信有误，未提交。");
    }

    private static async Task<Results<Ok<TrackedLetter>, ProblemHttpResult>> TrackAsync(string code, TrackLetter track, HttpContext http)
    {
        if (await track.FindAsync(code, http.RequestAborted) is not { } v)
            return NotFound();
        return TypedResults.Ok(new TrackedLetter(v.Number, v.Mailbox, v.Type, v.Type.ChineseName(), v.Subject, v.State, v.State.ChineseName(), v.ReceivedOn, v.DueOn,
            v.AnsweringUnit, v.AnsweredOn, v.Answer, v.AnswerFiles, v.Rating, v.Rating?.ChineseName() ?? "", v.RatingLapsed, v.RatingClosesOn, v.CanRate, v.CanReopen,
            v.Published, [.. v.Steps.Select(s => new TrackedStep(s.Date, s.Step))]));
    }

    private static async Task<Results<Ok<LetterStateResult>, ValidationProblem, ProblemHttpResult>> RateAsync(string code, RatingRequest body, RateLetter rate, HttpContext http)
    {
        if (LetterTerms.ParseChinese<LetterRating>(body.Rating, r => r.ChineseName()) is not { } rating)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["rating"] = ["请选择评价：满意、基本满意或不满意。"] }, title: "评价有误，未提交。");
        return Answer(await rate.RateAsync(code, rating, body.Comment ?? "", http.RequestAborted), "评价有误，未提交。");
    }

    private static async Task<Results<Ok<LetterStateResult>, ValidationProblem, ProblemHttpResult>> ReopenAsync(string code, ReopenRequest body, RateLetter rate, HttpContext http) =>
        Answer(await rate.ReopenAsync(code, body.Reason ?? "", http.RequestAborted), "申请有误，未提交。");

    private static Results<Ok<LetterStateResult>, ValidationProblem, ProblemHttpResult> Answer(Outcome<LetterState> outcome, string title) => outcome.Kind switch
    {
        OutcomeKind.Done => TypedResults.Ok(new LetterStateResult(outcome.Value, outcome.Value.ChineseName())),
        OutcomeKind.Invalid => TypedResults.ValidationProblem(outcome.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()), title: title),
        _ => NotFound(),
    };

    private static async Task<Results<Ok<PublishedLetters>, ValidationProblem>> SearchAsync(LetterSearch search, GongkaiDb db, HttpContext http,
        string? mailbox, string? type, string? q, string? from, string? to, int page = 1)
    {
        var ct = http.RequestAborted;
        var problems = new Dictionary<string, string[]>();
        SearchQuery? query = null;
        if (!string.IsNullOrWhiteSpace(q))
        {
            (query, var problem) = SearchQuery.Parse(q);
            if (problem is not null)
                problems["q"] = [problem];
        }
        var (key, mailboxProblem) = await LetterChoices.MailboxFilterKeyAsync(db, mailbox, ct);
        if (mailboxProblem is not null)
            problems["mailbox"] = [mailboxProblem];
        var letterType = LetterTerms.ParseType(type);
        if (!string.IsNullOrWhiteSpace(type) && letterType is null)
            problems["type"] = ["来信类型无效，应为咨询、建议、投诉、求助、其他或找错。"];
        var (fromDate, fromProblem) = LetterChoices.Date(from, "起始日期（from）");
        var (toDate, toProblem) = LetterChoices.Date(to, "截止日期（to）");
        if (fromProblem is not null)
            problems["from"] = [fromProblem];
        if (toProblem is not null)
            problems["to"] = [toProblem];
        if (fromDate > toDate)
            problems["to"] = ["截止日期（to）不能早于起始日期（from）。"];
        if (problems.Count > 0)
            return TypedResults.ValidationProblem(problems, title: "检索条件有误。");
        var result = await search.SearchAsync(query, new LetterSearch.Filter(key, letterType, fromDate, toDate), page, ct);
        return TypedResults.Ok(new PublishedLetters(result.Total, result.TotalIsExact, result.Page,
            [.. result.Hits.Select(h => new PublishedLetter(h.Number, h.Subject, h.Mailbox, h.Type, h.Type.ChineseName(), h.ReceivedOn, h.AnsweredOn, h.AnsweringUnit))]));
    }

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem("没有找到与该查询码对应的来信，请核对后重新输入。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
}
