using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/reports/{unit}/{year}: a compiled annual report as `gongkai report build --format json` writes it. Staff only
/// for now (signed in, the unit within the account's subtree): reports are not published yet.
/// /api/v1/reports/{unit}/{year}.xlsx: the same report as an Excel workbook (`--format xlsx`).
/// </summary>
public static class ReportsApi
{
    public static void MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("年度报告").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
                await context.HttpContext.LoadStaffScopeAsync() is null ? Results.Unauthorized() : await next(context));
        reports.MapGet("/{unit}/{year:int}.xlsx", GetXlsxAsync)
            .WithSummary("同一份年度报告的 Excel 工作簿（统计表格、勾稽关系检查、各单位情况）");
        reports.MapGet("/{unit}/{year:int}", GetAsync)
            .WithSummary("根据平台记录编制的年度报告（表格、数字、各单位情况、勾稽关系检查结果）；scope=unit（本单位，默认）或 jurisdiction（本单位及下级单位）；暂限本单位及下级单位的工作人员");
    }

    private static async Task<IResult> GetAsync(string unit, int year, string? scope, HttpContext http, GongkaiDb db, CompileReport compile)
    {
        var (report, problem) = await CompileAsync(unit, year, scope, http, db, compile);
        if (report is null)
            return problem!;
        using var body = new MemoryStream();
        ReportJson.Write(body, report);
        return Results.Bytes(body.ToArray(), "application/json; charset=utf-8");
    }

    private static async Task<IResult> GetXlsxAsync(string unit, int year, string? scope, HttpContext http, GongkaiDb db, CompileReport compile)
    {
        var (report, problem) = await CompileAsync(unit, year, scope, http, db, compile);
        if (report is null)
            return problem!;
        using var body = new MemoryStream();
        ReportXlsx.Write(body, report);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{unit}-{year}.xlsx\"; filename*=UTF-8''{Uri.EscapeDataString($"{unit}-{year}-年度报告.xlsx")}";
        return Results.Bytes(body.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static async Task<(CompiledReport? Report, IResult? Problem)> CompileAsync(string unit, int year, string? scope, HttpContext http, GongkaiDb db, CompileReport compile)
    {
        if (scope is not (null or "unit" or "jurisdiction"))
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["scope"] = ["统计范围只能是 unit（本单位）或 jurisdiction（本单位及下级单位）。"] }, title: "输入有误"));
        if (!await http.StaffScope().UnitsIn(db).AnyAsync(u => u.Code == unit))
            return (null, await db.Units.AnyAsync(u => u.Code == unit)
                ? Results.Problem("您只能查看本单位及下级单位的年度报告。", statusCode: StatusCodes.Status403Forbidden, title: "无权访问")
                : Results.Problem($"没有代码为 {unit} 的单位。", statusCode: StatusCodes.Status404NotFound, title: "未找到"));
        var outcome = await compile.HandleAsync(unit, year, scope == "jurisdiction" ? ReportScope.Jurisdiction : ReportScope.Unit, http.RequestAborted);
        if (outcome.Kind != OutcomeKind.Done)
            return (null, Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [outcome.Problems[0].Message] }, title: "无法编制"));
        return (outcome.Value!, null);
    }
}
