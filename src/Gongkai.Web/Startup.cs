using Gongkai.App.Data;
using Gongkai.App.Demo;
using Microsoft.AspNetCore.Diagnostics;

namespace Gongkai.Web;

/// <summary>An empty form field binds as "" (the domain's records hold no null strings), not as null.</summary>
internal sealed class KeepEmptyStrings : Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DisplayMetadataProviderContext context)
    {
        if (context.Key.ModelType == typeof(string))
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }
}

/// <summary>Host set-up that is not a feature: the database on start, error pages, Razor Pages conventions.</summary>
public static class Startup
{
    /// <summary>
    /// The embedded default migrates itself and, on the very first start, loads the demo jurisdiction.
    /// PostgreSQL is migrated by `gongkai db migrate` unless <c>Database:MigrateOnStart</c> is true.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        if (settings.Provider == DatabaseProvider.Sqlite || app.Configuration.GetValue("Database:MigrateOnStart", false))
        {
            // First start: no migration has ever run here (the file is missing, or an empty one was opened by a CLI command).
            var firstStart = settings.Provider == DatabaseProvider.Sqlite && !await MigrateDatabase.HasSchemaAsync(services);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            app.Logger.LogInformation("正在迁移数据库…");
            await services.GetRequiredService<MigrateDatabase>().HandleAsync();
            app.Logger.LogInformation("数据库迁移完成（{Seconds:0.0} 秒）。", watch.Elapsed.TotalSeconds);
            if (firstStart && app.Configuration.GetValue("Demo:SeedOnFirstStart", true))
            {
                app.Logger.LogInformation("首次启动：正在载入演示数据…");
                watch.Restart();
                var seeded = await services.GetRequiredService<SeedDemo>().HandleAsync();
                app.Logger.LogInformation("首次启动：已载入演示数据（{Units} 个单位，{Applications} 件依申请公开申请，{Items} 条主动公开信息，{Cases} 件复议诉讼案件，{Figures} 个年度报告录入数字，{Reports} 份年度报告，{Letters} 件来信，{Participation} 项政民互动记录，{SiteCheck} 项网站自查设置；{Seconds:0.0} 秒）。",
                    seeded.Units, seeded.Applications, seeded.Items, seeded.Cases, seeded.ReportFigures, seeded.Reports, seeded.Letters, seeded.Participation, seeded.SiteCheck, watch.Elapsed.TotalSeconds);
            }
        }
        // The search index (a cache of the database) is opened, rebuilt if need be, and kept current by SearchIndexing.
        app.Logger.LogInformation("数据库：{Database}", settings.Describe());
    }

    public static void AddPortalPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            // The whole staff area requires a signed-in account; only its sign-in page is open (URL == folder).
            options.Conventions.AuthorizeAreaFolder("Office", "/");
            options.Conventions.AllowAnonymousToAreaPage("Office", "/SignIn");
            options.Conventions.AddAreaFolderApplicationModelConvention("Office", "/", model => model.Filters.Add(new Accounts.StaffScopeFilter()));
        }).AddMvcOptions(options =>
        {
            // Input rules live in the use cases (and the core); MVC must not add its own English "required" errors.
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            options.ModelMetadataDetailsProviders.Add(new KeepEmptyStrings());
        });
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            // The framework's own problems (a body that is not JSON, a missing sign-in …) in Chinese too.
            var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
            if (context.ProblemDetails.Title is null || context.ProblemDetails.Title == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status))
                context.ProblemDetails.Title = ChineseStatus(status);
        });
        // Chinese text goes out as characters, not as &#x...; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<PortalIdentity>();
        services.AddSingleton(sp => PortalFooter.From(sp.GetRequiredService<IConfiguration>()));
    }

    public static string ChineseStatus(int status) => status switch
    {
        400 => "请求格式不正确（JSON 无法解析或字段类型不符）。",
        401 => "请先登录。",
        403 => "无权操作。",
        404 => "未找到。",
        405 => "不支持该请求方法。",
        413 => "提交的内容过大（附件大小有上限）。",
        415 => "请以 JSON 格式提交（Content-Type: application/json）。",
        429 => "操作过于频繁，请稍后再试。",
        >= 500 => "服务器内部错误，请稍后重试。",
        _ => $"请求未能完成（状态码 {status}）。",
    };

    /// <summary>Chinese error pages for people and problem details for the API; never a stack trace.</summary>
    public static void UseChineseErrorPages(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), page => page.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
    }
}
