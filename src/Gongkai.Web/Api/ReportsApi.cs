using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/reports/{unit}/{year}: an annual report as `gongkai report build --format json` writes it, or as a workbook
/// (.xlsx) or Word document (.docx). Anyone gets the published report (its snapshot, as on /nb); staff of the unit's
/// subtree get it compiled now from the records — when it is not published, or with <c>?compiled=true</c> — with the
/// draft's text. /api/v1/office/reports/{unit}/{year}/figures: the figures entered for a report (staff).
/// </summary>
public static class ReportsApi
{
    private enum Format { Json, Xlsx, Docx }

    /// <summary>The figures entered for a unit's report (<see cref="SaveEnteredFigures"/>): cell key → value.</summary>
    public sealed record FiguresRequest(Dictionary<string, decimal?> Figures, string? Note);

    public sealed record FiguresView(string Unit, int Year, string Scope, string Form, Dictionary<string, decimal> Figures, string? Source,
        string Note, DateTime? UpdatedAt, string? UpdatedBy);

    public static void MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("年度报告");
        reports.MapGet("/{unit}/{year:int}.xlsx", (string unit, int year, string? scope, bool? compiled, HttpContext http, GongkaiDb db, ReportDocuments documents) =>
                GetAsync(unit, year, scope, compiled, Format.Xlsx, http, db, documents))
            .WithName("ReportWorkbook").Produces<Stream>(StatusCodes.Status200OK, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("年度报告的 Excel 工作簿（统计表格、勾稽关系检查、各单位情况）");
        reports.MapGet("/{unit}/{year:int}.docx", (string unit, int year, string? scope, bool? compiled, HttpContext http, GongkaiDb db, ReportDocuments documents) =>
                GetAsync(unit, year, scope, compiled, Format.Docx, http, db, documents))
            .WithName("ReportDocument").Produces<Stream>(StatusCodes.Status200OK, "application/vnd.openxmlformats-officedocument.wordprocessingml.document").ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("年度报告的 Word 文档（正文和统计表格，按国家统一格式排版）");
        reports.MapGet("/{unit}/{year:int}", (string unit, int year, string? scope, bool? compiled, HttpContext http, GongkaiDb db, ReportDocuments documents) =>
                GetAsync(unit, year, scope, compiled, Format.Json, http, db, documents))
            .WithName("Report").Produces<System.Text.Json.JsonElement>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("年度报告（表格、数字、同比、各单位情况、勾稽关系检查结果）：已公开的报告任何人可取；本单位及下级单位的工作人员可取按记录编制的报告（未公开时，或 compiled=true）；scope=unit 或 jurisdiction");

        var office = app.MapStaffGroup("/api/v1/office/reports", "年度报告（工作人员）");
        office.MapGet("/{unit}/{year:int}/figures", GetFiguresAsync).WithName("OfficeReportFigures").Produces<FiguresView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("录入的年度报告数字（其他系统的数据、未使用本平台的单位、以往年度）");
        office.MapPut("/{unit}/{year:int}/figures", PutFiguresAsync).WithName("OfficeReportFiguresSave").Produces<FiguresView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("录入年度报告数字：替换该单位该年度该范围的全部录入数字；值为 null 表示不录入");
    }

    private static async Task<IResult> GetAsync(string unit, int year, string? scope, bool? compiled, Format format, HttpContext http, GongkaiDb db,
        ReportDocuments documents)
    {
        if (ScopeProblem(scope) is { } wrongScope)
            return wrongScope;
        ReportDocument? document = null;
        if (compiled != true && await documents.PublishedAsync(unit, year, http.RequestAborted) is { } published
            && (scope is null || published.Report.Scope.Code() == scope))
            document = published;
        if (document is null)
        {
            var staff = await http.LoadStaffScopeAsync();
            if (staff is null || !await staff.UnitsIn(db).AnyAsync(u => u.Code == unit))
                return !await db.Units.AnyAsync(u => u.Code == unit)
                    ? Results.Problem($"没有代码为 {unit} 的单位。", statusCode: StatusCodes.Status404NotFound, title: "未找到")
                    : staff is null
                        ? Results.Problem($"该单位 {year} 年度的报告尚未公开。", statusCode: StatusCodes.Status404NotFound, title: "未找到")
                        : Results.Problem("您只能查看本单位及下级单位未公开的年度报告。", statusCode: StatusCodes.Status403Forbidden, title: "无权访问");
            var outcome = await documents.CompiledAsync(unit, year, ReportScopes.Parse(scope) ?? ReportScope.Unit, http.RequestAborted);
            if (outcome.Kind != OutcomeKind.Done)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [outcome.Problems[0].Message] }, title: "无法编制");
            document = outcome.Value!;
        }
        using var body = new MemoryStream();
        switch (format)
        {
            case Format.Json:
                ReportJson.Write(body, document.Report, document.PublishedOn);
                return Results.Bytes(body.ToArray(), "application/json; charset=utf-8");
            case Format.Xlsx:
                ReportXlsx.Write(body, document.Report);
                return Download(http, body, unit, year, "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            default:
                ReportDocx.Write(body, document);
                return Download(http, body, unit, year, "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
    }

    private static IResult Download(HttpContext http, MemoryStream body, string unit, int year, string extension, string contentType)
    {
        http.Response.Headers.ContentDisposition =
            $"attachment; filename=\"{unit}-{year}.{extension}\"; filename*=UTF-8''{Uri.EscapeDataString($"{unit}-{year}-年度报告.{extension}")}";
        return Results.Bytes(body.ToArray(), contentType);
    }

    private static async Task<IResult> GetFiguresAsync(string unit, int year, string? scope, HttpContext http, GongkaiDb db)
    {
        if (ScopeProblem(scope) is { } wrongScope)
            return wrongScope;
        var found = await http.StaffScope().UnitsIn(db).SingleOrDefaultAsync(u => u.Code == unit);
        if (found is null)
            return await db.Units.AnyAsync(u => u.Code == unit)
                ? Results.Problem("您只能查看本单位及下级单位的年度报告数字。", statusCode: StatusCodes.Status403Forbidden, title: "无权访问")
                : Results.Problem($"没有代码为 {unit} 的单位。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        if (year < Core.Reports.ReportForms.FirstYear)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [$"年度报告始于 {Core.Reports.ReportForms.FirstYear} 年度。"] });
        var chosen = ReportScopes.Parse(scope) ?? ReportScope.Unit;
        var entry = await db.ReportFigureEntries.AsNoTracking().SingleOrDefaultAsync(e => e.UnitId == found.Id && e.Year == year && e.Scope == chosen);
        return Results.Ok(new FiguresView(unit, year, chosen.Code(), Core.Reports.ReportForms.Code(Core.Reports.ReportForms.ForYear(year)),
            entry?.Figures().Values.ToDictionary(v => v.Key, v => v.Value.Value) ?? [], entry?.Source.Code(),
            entry?.Note ?? "", entry?.UpdatedAt, entry?.UpdatedByName));
    }

    private static async Task<IResult> PutFiguresAsync(string unit, int year, string? scope, FiguresRequest request, HttpContext http, GongkaiDb db,
        SaveEnteredFigures save)
    {
        if (ScopeProblem(scope) is { } wrongScope)
            return wrongScope;
        var outcome = await save.HandleAsync(new(unit, year, ReportScopes.Parse(scope) ?? ReportScope.Unit,
            request.Figures ?? [], request.Note), http.StaffScope(), http.RequestAborted);
        return outcome.Kind switch
        {
            OutcomeKind.Done => await GetFiguresAsync(unit, year, scope, http, db),
            OutcomeKind.Denied => Results.Problem(outcome.Problems[0].Message, statusCode: StatusCodes.Status403Forbidden, title: "无权操作"),
            OutcomeKind.Missing => Results.Problem(outcome.Problems[0].Message, statusCode: StatusCodes.Status404NotFound, title: "未找到"),
            _ => Results.ValidationProblem(outcome.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()), title: "输入有误"),
        };
    }

    private static IResult? ScopeProblem(string? scope) => scope is null || ReportScopes.Parse(scope) is not null ? null
        : Results.ValidationProblem(new Dictionary<string, string[]> { ["scope"] = ["统计范围只能是 unit（本单位）或 jurisdiction（本单位及下级单位）。"] }, title: "输入有误");
}
