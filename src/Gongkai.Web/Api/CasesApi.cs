using Gongkai.App.Cases;
using Gongkai.App.Data;
using Gongkai.Core.Cases;
using Gongkai.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/office/cases: reconsideration and litigation cases against the answers of the account's subtree, recorded
/// and changed through the same use case as the office pages.
/// </summary>
public static class CasesApi
{
    /// <summary>A case as sent by a client; enum values by name (Kind: Reconsideration, DirectSuit, SuitAfterReconsideration …).</summary>
    /// <param name="Application">The application concerned: its tracking code or id; empty when it is not in Gongkai.</param>
    public sealed record CaseRequest(string Unit, string Kind, string CaseNumber, string ReviewingBody, DateOnly? FiledOn,
        DateOnly? DecidedOn = null, string Result = "Pending", string Party = "AnsweringUnit", bool ReconsiderationBodyIsCoDefendant = false,
        string Application = "", string Note = "");

    public sealed record CaseView(Guid Id, string Unit, string UnitName, string? Application, CaseKind Kind, string KindName, CaseParty Party,
        string CaseNumber, string ReviewingBody, DateOnly FiledOn, DateOnly? DecidedOn, CaseResult Result, string ResultName,
        bool ReconsiderationBodyIsCoDefendant, bool Counted, string Note, DateTime UpdatedAt)
    {
        /// <summary>In a list for one year: the column of that year's table 四 the case counts in.</summary>
        public CaseResult? YearEndResult { get; init; }

        public string? YearEndResultName => YearEndResult?.ChineseName();

        public static CaseView Of(ReviewCase c) => new(c.Id, c.Unit.Code, c.Unit.FullName, c.Application?.TrackingCode, c.Kind, c.Kind.ChineseName(),
            c.Party, c.CaseNumber, c.ReviewingBody, c.FiledOn, c.DecidedOn, c.Result, c.Result.ChineseName(), c.ReconsiderationBodyIsCoDefendant,
            c.Counted, c.Note, c.UpdatedAt);
    }

    public sealed record LogView(int Sequence, string Action, DateTime At, string ActorName, string Note);

    public sealed record CaseWithLog(CaseView Case, IEnumerable<LogView> Log);

    public static void MapCasesApi(this WebApplication app)
    {
        var office = app.MapStaffGroup("/api/v1/office/cases", "行政复议、行政诉讼（工作人员）");
        office.MapGet("/", ListAsync)
            .WithName("OfficeCases").Produces<IEnumerable<CaseView>>().ProducesProblem(StatusCodes.Status400BadRequest).WithSummary("管辖范围内的案件；year=YYYY 只列该年度年报表四统计的案件（年底前受理、且未在该年之前审结），并给出其年底状态 yearEndResult；kind 按案件类型筛选");
        office.MapGet("/{id:guid}", DetailsAsync).WithName("OfficeCase").Produces<CaseWithLog>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("案件详情和登记、修改记录");
        office.MapPost("/", (CaseRequest body, HttpContext http, SaveReviewCase save) => SaveAsync(null, body, http, save))
            .WithName("OfficeCaseCreate").Produces<CaseView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("登记针对本单位或下级单位答复的行政复议、行政诉讼案件");
        office.MapPut("/{id:guid}", (Guid id, CaseRequest body, HttpContext http, SaveReviewCase save) => SaveAsync(id, body, http, save))
            .WithName("OfficeCaseUpdate").Produces<CaseView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("修改案件（如登记审结日期和结果）");
    }

    private static async Task<IResult> ListAsync(HttpContext http, GongkaiDb db, int? year, CaseKind? kind)
    {
        var cases = await db.ReviewCases.AsNoTracking().Include(c => c.Unit).Include(c => c.Application)
            .InScope(http.StaffScope()).InReportYear(year).OfKind(kind)
            .Listed().ToListAsync();
        return Results.Ok(cases.Select(c => CaseView.Of(c) with
        {
            YearEndResult = year is { } y ? CaseCounting.StateAtYearEnd(c.FiledOn, c.DecidedOn, c.Result, y) : null,
        }));
    }

    private static async Task<IResult> DetailsAsync(Guid id, HttpContext http, GongkaiDb db) =>
        await db.FindCaseAsync(id, http.StaffScope()) is { } c
            ? Results.Ok(new CaseWithLog(CaseView.Of(c), c.Log.OrderBy(e => e.Sequence).Select(e => new LogView(e.Sequence, e.Action, e.At, e.ActorName, e.Note))))
            : Results.Problem("找不到该案件，或该案件不在您的管辖范围内。", statusCode: StatusCodes.Status404NotFound, title: "未找到");

    private static async Task<IResult> SaveAsync(Guid? id, CaseRequest body, HttpContext http, SaveReviewCase save)
    {
        var errors = new Dictionary<string, string[]>();
        var details = new CaseDetails
        {
            Kind = errors.ParseEnum<CaseKind>(body.Kind, "kind", "案件类型"),
            Party = errors.ParseEnum<CaseParty>(body.Party, "party", "本机关身份"),
            CaseNumber = body.CaseNumber ?? "",
            ReviewingBody = body.ReviewingBody ?? "",
            FiledOn = body.FiledOn,
            DecidedOn = body.DecidedOn,
            Result = errors.ParseEnum<CaseResult>(body.Result, "result", "审理结果"),
            ReconsiderationBodyIsCoDefendant = body.ReconsiderationBodyIsCoDefendant,
            Note = body.Note ?? "",
        };
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "输入有误，未保存。");
        var outcome = await save.HandleAsync(new(id, body.Unit ?? "", body.Application ?? "", details), http.StaffScope());
        return id is null && outcome.Succeeded
            ? Results.Created($"/api/v1/office/cases/{outcome.Value!.Id}", CaseView.Of(outcome.Value))
            : outcome.ToHttp(CaseView.Of);
    }
}
