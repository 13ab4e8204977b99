using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Reports;
using Gongkai.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/reports/{unit}/{year}: a compiled annual report as `gongkai report build --format json` writes it. Staff only
/// for now (signed in, the unit within the account's subtree): reports are not published yet.
/// </summary>
public static class ReportsApi
{
    public static void MapReportsApi(this WebApplication app)
    {
        var reports = app.MapGroup("/api/v1/reports").WithTags("年度报告").RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
                await context.HttpContext.LoadStaffScopeAsync() is null ? Results.Unauthorized() : await next(context));
        reports.MapGet("/{unit}/{year:int}", GetAsync)
            .WithSummary("根据平台记录编制的年度报告（表格、数字、各单位情况、勾稽关系检查结果）；scope=unit（本单位，默认）或 jurisdiction（本单位及下级单位）；暂限本单位及下级单位的工作人员");
    }

    private static async Task<IResult> GetAsync(string unit, int year, string? scope, HttpContext http, GongkaiDb db, CompileReport compile)
    {
        if (scope is not (null or "unit" or "jurisdiction"))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["scope"] = ["统计范围只能是 unit（本单位）或 jurisdiction（本单位及下级单位）。"] }, title: "输入有误");
        if (!await http.StaffScope().UnitsIn(db).AnyAsync(u => u.Code == unit))
            return await db.Units.AnyAsync(u => u.Code == unit)
                ? Results.Problem("您只能查看本单位及下级单位的年度报告。", statusCode: StatusCodes.Status403Forbidden, title: "无权访问")
                : Results.Problem($"没有代码为 {unit} 的单位。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        var outcome = await compile.HandleAsync(unit, year, scope == "jurisdiction" ? ReportScope.Jurisdiction : ReportScope.Unit, http.RequestAborted);
        if (outcome.Kind != OutcomeKind.Done)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["year"] = [outcome.Problems[0].Message] }, title: "无法编制");
        using var body = new MemoryStream();
        ReportJson.Write(body, outcome.Value!);
        return Results.Bytes(body.ToArray(), "application/json; charset=utf-8");
    }
}
