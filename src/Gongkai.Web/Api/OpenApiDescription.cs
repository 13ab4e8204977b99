using System.Reflection;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Gongkai.Web.Api;

/// <summary>
/// What /openapi/v1.json says beyond the endpoints themselves: the document's info and server (the configured public
/// address, never the request's Host), each tag's Chinese description, the staff cookie as a security scheme on every
/// operation that requires a signed-in account (and no security on the public ones), 413 on every request with a body
/// (the body limits), 429 on the rate-limited ones, and each enum's members with their Chinese terms.
/// </summary>
public static class OpenApiDescription
{
    public const string StaffCookie = "staffCookie";

    private static readonly Dictionary<string, string> TagDescriptions = new()
    {
        ["机关目录"] = "机关树和各单位的政府信息公开指南信息（公开，无需登录）。",
        ["单位管理（工作人员）"] = "工作人员查看和修改本单位及下级单位的信息。",
        ["依申请公开（公众）"] = "在线提交政府信息公开申请，凭查询码查询办理状态（答复中不含个人信息）。",
        ["依申请公开（工作人员）"] = "申请的收件箱、详情、登记、办理步骤、转办、答复和补充答复文件。",
        ["主动公开目录"] = "主动公开的信息：浏览、全文检索和单条信息（含附件下载地址）。",
        ["主动公开目录（工作人员）"] = "主动公开信息的编辑流程：草稿、附件、提交审核、发布、退回、废止和撤下。",
        ["行政复议、行政诉讼（工作人员）"] = "针对本单位及下级单位答复的行政复议、行政诉讼案件的登记和修改。",
        ["互动交流"] = "政府信箱写信和查询、公开选登的来信、调查和在线访谈（公开，答复中不含个人信息）。",
        ["互动交流（工作人员）"] = "来信办理、信箱、来信统计、调查和在线访谈的管理。",
        ["意见征集"] = "已发布的意见征集、公开的意见和采纳情况反馈，以及在征集期内提交意见。",
        ["意见征集（工作人员）"] = "意见征集的起草、发布、意见审核、采纳情况记录和反馈。",
        ["解读回应（工作人员）"] = "新闻发布会和回应关切的记录。",
        ["年度报告"] = "政府信息公开工作年度报告：JSON、Excel 工作簿和 Word 文档。",
        ["年度报告（工作人员）"] = "年度报告数字的录入和查看。",
        ["年度报告审读"] = "审读已公开的年度报告：读出统计数字，检查勾稽关系和文中数字。",
        ["网站自查（工作人员）"] = "单位最近一次政府网站自查的结果。",
    };

    public static void Describe(OpenApiOptions options)
    {
        // The API only: the feeds (Atom) and sitemaps are for feed readers and search engines, and described in the README.
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        options.AddDocumentTransformer((doc, context, _) =>
        {
            var site = context.ApplicationServices.GetRequiredService<SiteAddress>();
            doc.Info.Title = "Gongkai 政府信息公开平台 API";
            doc.Info.Version = "v1";
            doc.Info.Description = "公开数据（机关目录、主动公开目录、年度报告、互动交流）无需登录；/api/v1/office 下的接口需工作人员登录（Cookie "
                + StaffSignIn.CookieName + "），且只能访问本单位及下级单位的数据。出错时答 RFC 9457 问题详情（application/problem+json），"
                + "输入有误时 errors 按字段列出原因。";
            doc.Servers = [new OpenApiServer { Url = site.PublicUrl, Description = "本门户" }];
            doc.Components ??= new OpenApiComponents();
            doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            doc.Components.SecuritySchemes[StaffCookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = StaffSignIn.CookieName,
                Description = "工作人员登录（/office/signin）后的会话 Cookie；SameSite=Strict，8 小时内有操作则续期。",
            };
            foreach (var tag in doc.Tags ?? Enumerable.Empty<OpenApiTag>())
                if (TagDescriptions.TryGetValue(tag.Name ?? "", out var description))
                    tag.Description = description;
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
            {
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(StaffCookie, context.Document)] = [] }];
                Problem(operation, StatusCodes.Status401Unauthorized, "未登录或登录已失效。");
                Problem(operation, StatusCodes.Status403Forbidden, "无权操作：不在本账号的管辖范围内，或角色不允许，或跨站请求。");
            }
            else
                operation.Security = [];
            if (operation.RequestBody is not null)
                Problem(operation, StatusCodes.Status413PayloadTooLarge, "请求正文超过允许的大小。");
            if (metadata.OfType<EnableRateLimitingAttribute>().Any())
                Problem(operation, StatusCodes.Status429TooManyRequests, "同一客户端地址在一段时间内的请求过多，请稍后再试。");
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type.IsEnum && schema.Enum is { Count: > 0 })
                schema.Description = EnumDescription(type);
            return Task.CompletedTask;
        });
    }

    /// <summary>
    /// Describes an endpoint's request body in the document only: <c>Accepts</c> would also make routing refuse any other
    /// content type with a bare 415, where these endpoints answer a Chinese problem naming the form they expect. A
    /// multipart body is a <c>file</c> field (binary) with the endpoint's other text fields; JSON is <typeparamref name="TJson"/>.
    /// </summary>
    public static RouteHandlerBuilder DescribesBody<TJson>(this RouteHandlerBuilder builder, string[] contentTypes, params string[] textFields) =>
        builder.AddOpenApiOperationTransformer(async (operation, context, ct) =>
        {
            var content = new Dictionary<string, OpenApiMediaType>();
            foreach (var type in contentTypes)
            {
                content[type] = new OpenApiMediaType
                {
                    Schema = type switch
                    {
                        "multipart/form-data" => new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file" },
                            Properties = new Dictionary<string, IOpenApiSchema>(textFields.Select(f =>
                                    KeyValuePair.Create(f, (IOpenApiSchema)new OpenApiSchema { Type = JsonSchemaType.String })))
                            {
                                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                            },
                        },
                        "application/json" => await context.GetOrCreateSchemaAsync(typeof(TJson), cancellationToken: ct),
                        _ => new OpenApiSchema { Type = JsonSchemaType.String },
                    },
                };
            }
            operation.RequestBody = new OpenApiRequestBody { Required = true, Content = content };
            Problem(operation, StatusCodes.Status413PayloadTooLarge, "请求正文超过允许的大小。");
        });

    /// <summary>Declares a problem-details answer unless the endpoint declared that status itself.</summary>
    private static void Problem(OpenApiOperation operation, int status, string description)
    {
        operation.Responses ??= [];
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (operation.Responses.ContainsKey(key))
            return;
        operation.Responses[key] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails") },
            },
        };
    }

    /// <summary>「NaturalPerson：自然人；LegalPerson：法人或者其他组织…」from the enum's <c>ChineseName()</c> extension, where it has one.</summary>
    private static string EnumDescription(Type type)
    {
        var chinese = type.Assembly.GetExportedTypes().Concat(typeof(OpenApiDescription).Assembly.GetTypes())
            .Where(t => t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .FirstOrDefault(m => m.Name == "ChineseName" && m.ReturnType == typeof(string) && m.GetParameters() is [{ } p] && p.ParameterType == type);
        return string.Join("；", Enum.GetNames(type).Select(name =>
            chinese?.Invoke(null, [Enum.Parse(type, name)]) is string term && term.Length > 0 ? $"{name}：{term}" : name));
    }
}
