using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Gongkai.App;
using Gongkai.Web.Accounts;

namespace Gongkai.Web.Api;

public static class ApiSetup
{
    /// <summary>JSON with Chinese as is (not \u escapes) and enums by name; the OpenAPI document at /openapi/v1.json.</summary>
    public static void AddApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
        });
        services.AddOpenApi(OpenApiDescription.Describe);
    }

    /// <summary>
    /// A group of staff endpoints under <paramref name="prefix"/>: a signed-in account whose scope loads (else 401), tagged
    /// <paramref name="tag"/>; the OpenAPI document declares the staff cookie, 401 and 403 on each (<see cref="OpenApiDescription"/>).
    /// </summary>
    public static RouteGroupBuilder MapStaffGroup(this WebApplication app, string prefix, string tag) =>
        app.MapGroup(prefix).WithTags(tag).RequireAuthorization()
            .AddEndpointFilter(async (context, next) =>
                await context.HttpContext.LoadStaffScopeAsync() is null ? Results.Unauthorized() : await next(context));

    /// <summary>A use case's outcome as an HTTP result: 200, 400 with the problems by field, 403 or 404.</summary>
    public static IResult ToHttp<T>(this Outcome<T> outcome, Func<T, object> body) => outcome.Kind switch
    {
        OutcomeKind.Done => Results.Ok(body(outcome.Value!)),
        OutcomeKind.Invalid => Results.ValidationProblem(
            outcome.Problems.GroupBy(p => JsonName(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
            title: "输入有误，未保存。"),
        OutcomeKind.Denied => Results.Problem(outcome.Problems[0].Message, statusCode: StatusCodes.Status403Forbidden, title: "无权操作"),
        _ => Results.Problem(outcome.Problems[0].Message, statusCode: StatusCodes.Status404NotFound, title: "未找到"),
    };

    /// <summary>
    /// A request's enum field by name, any case; when <paramref name="text"/> names no value, the default, with
    /// 「<paramref name="label"/>无效（可选值：…）。」 under <paramref name="field"/> in <paramref name="errors"/>.
    /// </summary>
    public static T ParseEnum<T>(this Dictionary<string, string[]> errors, string? text, string field, string label) where T : struct, Enum
    {
        if (Enum.TryParse<T>(text, true, out var value) && Enum.IsDefined(value))
            return value;
        errors[field] = [$"{label}无效（可选值：{string.Join("、", Enum.GetNames<T>())}）。"];
        return default;
    }

    private static string JsonName(string field) => field.Length == 0 ? "" : char.ToLowerInvariant(field[0]) + field[1..];
}
