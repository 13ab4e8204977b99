using Gongkai.App.SiteCheck.Scorecards;
using Gongkai.Web.Accounts;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/office/site-check?unit=CODE: a unit's latest site-check report inside the account's subtree, in the shape
/// `gongkai site check --format json` prints (<c>veto</c> with <c>rule</c>/<c>passed</c>/<c>evidence</c>, <c>score</c>,
/// <c>findings</c> …); problem details when the unit is outside the scope or was never checked.
/// </summary>
public static class OfficeSiteCheckApi
{
    public static void MapOfficeSiteCheckApi(this WebApplication app)
    {
        var office = app.MapStaffGroup("/api/v1/office", "网站自查（工作人员）");
        office.MapGet("/site-check", LatestAsync).WithName("OfficeSiteCheck").Produces<System.Text.Json.JsonElement>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status500InternalServerError)
            .WithSummary("单位最近一次网站自查的结果：veto（单项否决：rule、subject、passed、evidence）、score、passed、deductions、bonuses、findings（紧急的在前）；unit 为单位代码，默认本账号的单位");
    }

    private static async Task<IResult> LatestAsync(HttpContext http, ShowScorecard show, string? unit)
    {
        var outcome = await show.HandleAsync(unit, http.StaffScope(), http.RequestAborted);
        if (!outcome.Succeeded)
            return Results.Problem(outcome.Problems[0].Message, statusCode: StatusCodes.Status404NotFound, title: "未找到");
        var view = outcome.Value!;
        if (view.Run is null)
            return Results.Problem($"{view.Unit.Name}尚未进行网站自查。", statusCode: StatusCodes.Status404NotFound, title: "尚未检查");
        if (view.Report is null)
            return Results.Problem("最近一次检查的结果无法读取，请重新检查。", statusCode: StatusCodes.Status500InternalServerError, title: "结果无法读取");
        return Results.Text(view.Report.ToJson(), "application/json; charset=utf-8");
    }
}
