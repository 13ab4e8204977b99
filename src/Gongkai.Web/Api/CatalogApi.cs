using Gongkai.App.Catalog;
using Gongkai.App.Search;
using Gongkai.Core.Catalog;
using Gongkai.Web.Accounts;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/catalog (public: the catalog and its items, with their attachments' download addresses) and
/// /api/v1/office/catalog (the editing workflow, attachments included, inside the subtree).
/// </summary>
public static class CatalogApi
{
    public sealed record DraftRequest(string Unit, string Title, DateOnly FormedOn, string Theme, string Genre, string Summary = "", string Body = "",
        string DocumentNumber = "", string Keywords = "", string Attribute = "Proactive", string Validity = "InForce", DateOnly? EffectiveOn = null,
        DateOnly? RepealedOn = null, string[]? Channels = null, string InterpretsIndexNumber = "",
        Guid? InterpretsId = null, bool NeedsInterpretation = false, string[]? InterpretationForms = null, string InterpretationWaiver = "");

    public sealed record ReasonRequest(string Reason = "", DateOnly? Date = null);

    /// <param name="ConfirmActiveContent">Required when an attachment is a PDF that would run something by itself (JavaScript, /Launch, /AA).</param>
    /// <param name="InterpretationWaiver">For a 规章, 行政规范性文件 or item marked 需解读 without a 解读 ready: why it is published without one.</param>
    public sealed record PublishRequest(string LawfulReason = "", bool ConfirmActiveContent = false, string InterpretationWaiver = "");

    /// <summary>An item after a step of the workflow.</summary>
    public sealed record ItemSummary(Guid Id, CatalogState State, string StateName, string? IndexNumber, string Title, DateOnly? PublishedOn);

    /// <param name="Size">Bytes.</param>
    public sealed record AttachmentView(Guid Id, string FileName, AttachmentKind Kind, string KindName, long Size, DateTime UploadedAt,
        ActiveContent ActiveContent, string ActiveContentName);

    public static void MapCatalogApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1/catalog").WithTags("主动公开目录");
        open.MapGet("/", async (PublicCatalog catalog, string? unit, string? category, Genre? genre, int? year, Validity? validity, int page = 1) =>
            await catalog.ListAsync(new(unit, category, genre, year, validity), page)).WithName("Catalog").Produces<PublicCatalog.Page>().ProducesProblem(StatusCodes.Status400BadRequest).WithSummary("按机关（含下级）、主题分类、体裁、年份、有效性浏览，每页 20 条");
        open.MapGet("/search", async (HttpContext context, CatalogSearch search, string? q, string? unit, DateOnly? from, DateOnly? to, string? sort, string? category,
            Genre? genre, Validity? validity, int page = 1) =>
        {
            var (query, problem) = SearchQuery.Parse(q);
            if (query is null)
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [problem!] }, title: "检索词有误。");
            try
            {
                return Results.Ok(await search.SearchAsync(query, new(unit, genre, category, from, to, sort == "date", validity), page));
            }
            catch (SearchUnavailableException e)
            {
                context.Response.Headers.RetryAfter = "30";
                return Results.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "检索暂不可用");
            }
        }).WithName("SearchCatalog").Produces<CatalogSearch.Result>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable).WithSummary("全文检索：检索词（2 个字以上，可多个、可加引号）、文号、索引号；按机关（含下级）、主题分类、体裁、日期、有效性筛选；"
            + "sort=date 按发布日期，否则标题含检索词的在前；命中很多时 total 为估计数（totalIsExact=false）；最多 25 页");
        open.MapGet("/{**indexNumber}", async (string indexNumber, PublicCatalog catalog) =>
            await catalog.FindAsync(Uri.UnescapeDataString(indexNumber)) is { } item ? Results.Ok(item)
                : Results.Problem($"没有索引号为 {Uri.UnescapeDataString(indexNumber)} 的信息。", statusCode: StatusCodes.Status404NotFound, title: "未找到"))
            .WithName("CatalogItem").Produces<PublicCatalog.Item>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("一条信息：元数据、正文、附件（名称、类型、字节数、下载地址）、解读关联（索引号须 URL 编码或原样附在路径后）");

        var office = app.MapStaffGroup("/api/v1/office/catalog", "主动公开目录（工作人员）");
        office.MapPost("/", (DraftRequest body, HttpContext http, SaveCatalogDraft save) => SaveAsync(null, body, http, save)).WithName("OfficeCatalogDraftCreate").Produces<ItemSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("新建草稿");
        office.MapPut("/{id:guid}", (Guid id, DraftRequest body, HttpContext http, SaveCatalogDraft save) => SaveAsync(id, body, http, save)).WithName("OfficeCatalogDraftUpdate").Produces<ItemSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("修改草稿");
        office.MapPost("/{id:guid}/submit", async (Guid id, HttpContext http, SubmitCatalogItem submit) =>
            (await submit.HandleAsync(id, http.StaffScope())).ToHttp(Summary)).WithName("OfficeCatalogSubmit").Produces<ItemSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("提交审核");
        office.MapPost("/{id:guid}/publish", async (Guid id, PublishRequest body, HttpContext http, PublishCatalogItem publish) =>
            (await publish.HandleAsync(new(id, body.LawfulReason, body.ConfirmActiveContent, body.InterpretationWaiver ?? ""), http.StaffScope())).ToHttp(Summary))
            .WithName("OfficeCatalogPublish").Produces<ItemSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("发布（个人信息核查不通过时须说明依法公开的理由；附件为含脚本等自动运行内容的 PDF 时须 confirmActiveContent=true；"
                + "规章、行政规范性文件和需解读的政策须有已提交审核或已发布的解读（一并发布），否则须填写 interpretationWaiver，否则 400）");
        office.MapPost("/{id:guid}/attachments", UploadAsync)
            .WithName("OfficeCatalogAttachmentUpload").DescribesBody<object>(["multipart/form-data"]).Produces<AttachmentView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("上传附件（草稿）：multipart/form-data，文件字段名 file；PDF、Word（.docx）、Excel（.xlsx）、图片；每条信息最多 20 个");
        office.MapDelete("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, HttpContext http, RemoveCatalogAttachment remove) =>
            (await remove.HandleAsync(new(id, attachmentId), http.StaffScope())).ToHttp(Attachment)).WithName("OfficeCatalogAttachmentDelete").Produces<AttachmentView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("删除附件（草稿）");
        foreach (var (route, change, name, summary) in new[]
        {
            ("return", ChangeCatalogItem.Change.Return, "OfficeCatalogReturn", "退回修改"), ("revoke", ChangeCatalogItem.Change.Revoke, "OfficeCatalogRevoke", "废止"),
            ("withdraw", ChangeCatalogItem.Change.Withdraw, "OfficeCatalogWithdraw", "撤下"),
        })
        {
            office.MapPost($"/{{id:guid}}/{route}", async (Guid id, ReasonRequest body, HttpContext http, ChangeCatalogItem changeItem) =>
                (await changeItem.HandleAsync(new(id, change, body.Reason, body.Date), http.StaffScope())).ToHttp(Summary)).WithName(name).Produces<ItemSummary>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary(summary);
        }
    }

    private static async Task<IResult> SaveAsync(Guid? id, DraftRequest body, HttpContext http, SaveCatalogDraft save)
    {
        var errors = new Dictionary<string, string[]>();
        var channels = PublicationChannels.Website;
        foreach (var channel in body.Channels ?? [])
            channels |= errors.ParseEnum<PublicationChannels>(channel, "channels", "发布渠道");
        var draft = new CatalogDraft
        {
            Title = body.Title ?? "",
            Summary = body.Summary ?? "",
            Body = body.Body ?? "",
            FormedOn = body.FormedOn,
            DocumentNumber = body.DocumentNumber ?? "",
            Theme = body.Theme ?? "",
            Genre = errors.ParseEnum<Genre>(body.Genre, "genre", "体裁"),
            Keywords = body.Keywords ?? "",
            Attribute = errors.ParseEnum<DisclosureAttribute>(body.Attribute, "attribute", "公开属性"),
            Validity = errors.ParseEnum<Validity>(body.Validity, "validity", "有效性"),
            EffectiveOn = body.EffectiveOn,
            RepealedOn = body.RepealedOn,
            Channels = channels,
            InterpretsIndexNumber = body.InterpretsIndexNumber ?? "",
            InterpretsId = body.InterpretsId,
            NeedsInterpretation = body.NeedsInterpretation,
            InterpretationForms = (body.InterpretationForms ?? []).Aggregate(Core.Participation.InterpretationForms.None,
                (all, f) => all | errors.ParseEnum<Core.Participation.InterpretationForms>(f, "interpretationForms", "解读形式")),
            InterpretationWaiver = body.InterpretationWaiver ?? "",
        };
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "输入有误，未保存。");
        return (await save.HandleAsync(new(id, body.Unit ?? "", draft), http.StaffScope())).ToHttp(Summary);
    }

    /// <summary>The file is read from the form by hand, so that a request without one gets a Chinese problem, not the framework's.</summary>
    private static async Task<IResult> UploadAsync(Guid id, HttpContext http, AddCatalogAttachment attach)
    {
        IFormFile? file = null;
        try
        {
            if (http.Request.HasFormContentType)
                file = (await http.Request.ReadFormAsync(http.RequestAborted)).Files.GetFile("file");
        }
        catch (InvalidDataException)
        {
            // a malformed multipart body, or one over the form limits: answered below as a missing file
        }
        if (file is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["file"] = ["请以 multipart/form-data 上传，文件字段名为 file。"] }, title: "输入有误，未保存。");
        await using var content = file.OpenReadStream();
        return (await attach.HandleAsync(new(id, file.FileName, file.Length, content), http.StaffScope())).ToHttp(Attachment);
    }

    private static AttachmentView Attachment(AttachmentRow a) => new(a.Id, a.FileName, a.Kind, a.KindName, a.Length, a.UploadedAt, a.ActiveContent, a.ActiveContentName);

    private static ItemSummary Summary(CatalogItem i) => new(i.Id, i.State, i.State.ChineseName(), i.IndexNumber, i.Title, i.PublishedOn);
}
