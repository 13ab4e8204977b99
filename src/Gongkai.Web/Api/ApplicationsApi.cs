using Gongkai.App.Units;
using Gongkai.App;
using Gongkai.App.Applications;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Core.Catalog;
using Gongkai.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/applications: public submission and tracking (no personal data in any answer), and
/// /api/v1/office/applications: the staff's inbox and steps, inside their subtree, through the same use cases as the pages.
/// </summary>
public static class ApplicationsApi
{
    /// <summary>An application as sent by a client; enum values by name (e.g. "NaturalPerson", "ResidentIdCard", "Email").</summary>
    public sealed record Submission(string Unit, string ApplicantKind, string ApplicantName, string IdType, string IdNumber, string Phone,
        string Description, string Form = "Electronic", string Delivery = "Email", string ContactPerson = "", string Email = "",
        string Address = "", string PostalCode = "", string? Channel = null, DateOnly? ReceivedOn = null);

    public sealed record Receipt(string TrackingCode, ApplicationState State, string StateName, DateOnly? DueDate, bool DueDateFinal);

    public sealed record StepRequest(string Kind, DateOnly Date, string Note = "", string Party = "", int? Days = null,
        decimal? Amount = null, DateOnly? Until = null);

    public sealed record TransferRequest(DateOnly Date, string ToUnit, string Reason);

    /// <param name="ContentType">Ignored: a document's type is told by its content.</param>
    public sealed record DocumentUpload(string FileName, string ContentBase64, string ContentType = "");

    /// <param name="ConfirmActiveContent">Required when a PDF among the documents would run something by itself (JavaScript, /Launch, /AA).</param>
    public sealed record AnswerRequest(DateOnly Date, string Outcome, string Reasons = "", IReadOnlyList<DocumentUpload>? Documents = null,
        bool ConfirmActiveContent = false);

    public sealed record Entry(int Sequence, ApplicationEventKind Kind, string Name, DateOnly Date, string ActorName, string Note, string Party,
        int? Days, decimal? Amount, DateOnly? Until, Outcome? Outcome);

    /// <summary>The step just recorded.</summary>
    public sealed record StepResult(int Sequence, ApplicationEventKind Kind, string Name, DateOnly Date);

    public static void MapApplicationsApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1/applications").WithTags("依申请公开（公众）");
        open.MapPost("/", SubmitAsync).RequireRateLimiting(PublicForms.Policy)
            .WithName("SubmitApplication").Produces<Receipt>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("在线提交政府信息公开申请，返回查询码和答复期限（网上申请以双方确认之日为收到日期，确认前的期限为预计值）");
        open.MapGet("/track/{code}", TrackAsync).RequireRateLimiting(PublicForms.LookupPolicy)
            .WithName("TrackApplication").Produces<TrackingView.Status>().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("凭查询码查询办理状态（不含任何个人信息）");

        var office = app.MapStaffGroup("/api/v1/office/applications", "依申请公开（工作人员）");
        office.MapGet("/", InboxAsync).WithName("OfficeApplications").WithSummary("管辖范围内的申请：待确认收到的网上申请在前（按提交时间），其余按答复期限排序；state=open|answered|all");
        office.MapGet("/{id:guid}", DetailsAsync).WithName("OfficeApplication").WithSummary("申请详情和办理记录");
        office.MapPost("/", RecordAsync).WithName("OfficeApplicationRecord").Produces<Receipt>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("登记当面、邮寄、传真等方式收到的申请");
        office.MapPost("/{id:guid}/steps", StepAsync).WithName("OfficeApplicationStep").Produces<StepResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("办理步骤：确认、补正、征求意见、收费、延期");
        office.MapPost("/{id:guid}/transfer", TransferAsync).WithName("OfficeApplicationTransfer").Produces<StepResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("转办");
        office.MapPost("/{id:guid}/answer", AnswerAsync).WithName("OfficeApplicationAnswer").Produces<StepResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("答复并办结");
        office.MapPost("/{id:guid}/documents", AddDocumentAsync)
            .WithName("OfficeApplicationDocument").DescribesBody<object>(["multipart/form-data"], "reason", "confirmActiveContent").Produces<StepResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("为已答复的申请补充答复文件：multipart/form-data，文件字段名 file，补充原因字段名 reason（必填）；含脚本等自动运行内容的 PDF 须 confirmActiveContent=true；办理记录写明经办人、时间、文件和原因");
    }

    private static async Task<IResult> SubmitAsync(Submission body, SubmitApplication submit)
    {
        if (Request(body, out var request) is { } invalid)
            return invalid;
        var outcome = await submit.OnlineAsync(body.Unit, request!);
        return outcome.Succeeded
            ? Results.Created($"/api/v1/applications/track/{outcome.Value!.TrackingCode}", ToReceipt(outcome.Value))
            : outcome.ToHttp(r => r);
    }

    private static async Task<IResult> TrackAsync(string code, TrackingView view) =>
        await view.FindAsync(code) is { } status ? Results.Ok(status)
            : Results.Problem("没有找到与该查询码对应的申请。", statusCode: StatusCodes.Status404NotFound, title: "未找到");

    private static async Task<IResult> InboxAsync(HttpContext http, GongkaiDb db, string state = "open")
    {
        var scopePath = http.StaffScope().ScopePath;
        var query = db.Applications.AsNoTracking().Within(scopePath).Showing(state);
        return Results.Ok(await query.InInboxOrder().Take(1000)
            .Select(a => new { a.Id, a.TrackingCode, Unit = a.Unit.Code, a.ApplicantKind, a.Channel, SubmittedAt = a.CreatedAt, a.ReceivedOn, a.DueOn, a.State, a.AnsweredOn, a.Outcome })
            .ToListAsync());
    }

    private static async Task<IResult> DetailsAsync(Guid id, HttpContext http, ApplicationLog log, GongkaiDb db, ReadApplicantContact contacts)
    {
        if (await log.FindAsync(id, http.StaffScope()) is not { } a)
            return Results.Problem("找不到该申请，或该申请不在您的管辖范围内。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        var contact = await contacts.HandleAsync(a, http.StaffScope(), "接口");
        var sequences = a.Log.ToDictionary(e => e.Id, e => e.Sequence);
        var documents = await db.ApplicationDocuments.AsNoTracking().Where(d => d.ApplicationId == id).OrderBy(d => d.Id)
            .Select(d => new { d.Id, d.FileName, d.LogEntryId, d.ActiveContent }).ToListAsync();
        return Results.Ok(new
        {
            a.Id,
            a.TrackingCode,
            Unit = a.Unit.Code,
            a.Channel,
            a.ApplicantKind,
            a.ApplicantName,
            a.ContactPerson,
            a.IdType,
            contact.IdNumber,
            contact.Phone,
            contact.Email,
            contact.Address,
            contact.PostalCode,
            ContactMasked = contact.Masked,
            a.Description,
            a.Form,
            a.Delivery,
            a.State,
            a.ReceivedOn,
            a.DueOn,
            a.AnsweredOn,
            a.Outcome,
            Log = a.Log.OrderBy(e => e.Sequence).Select(e => new Entry(e.Sequence, e.Kind, e.Kind.ChineseName(), e.Date, e.ActorName, e.Note,
                e.Party, e.Days, e.Amount, e.Until, e.Outcome)),
            Documents = documents.Select(d => new
            {
                d.Id,
                d.FileName,
                LogSequence = sequences.GetValueOrDefault(d.LogEntryId),
                ActiveContent = Enum.GetValues<ActiveContent>().Where(f => f != Core.Catalog.ActiveContent.None && d.ActiveContent.HasFlag(f)).Select(f => f.ToString()),
                ActiveContentName = d.ActiveContent.ChineseName(),
            }),
        });
    }

    private static async Task<IResult> RecordAsync(Submission body, HttpContext http, SubmitApplication submit)
    {
        if (Request(body, out var request) is { } invalid)
            return invalid;
        if (!Enum.TryParse<SubmissionChannel>(body.Channel, out var channel) || channel == SubmissionChannel.Online)
            return Invalid("channel", "请选择提交方式：InPerson、SignedForPost、OrdinaryLetter 或 Fax。");
        var outcome = await submit.HandleAsync(new(body.Unit, request!, channel, body.ReceivedOn), http.StaffScope());
        return outcome.ToHttp(ToReceipt);
    }

    private static async Task<IResult> StepAsync(Guid id, StepRequest body, HttpContext http, RecordStep step)
    {
        if (!Enum.TryParse<ApplicationEventKind>(body.Kind, true, out var kind) || !Enum.IsDefined(kind))
            return Invalid("kind", "办理步骤无效（可选：Confirmed、CorrectionRequested、CorrectionReceived、ThirdPartyConsulted、OtherUnitConsulted、ConsultationEnded、FeeNoticeSent、FeePaid、Extended）。");
        return (await step.HandleAsync(new(id, kind, body.Date, body.Note, body.Party, body.Days, body.Amount, body.Until), http.StaffScope()))
            .ToHttp(Summary);
    }

    private static async Task<IResult> TransferAsync(Guid id, TransferRequest body, HttpContext http, TransferApplication transfer) =>
        (await transfer.HandleAsync(new(id, body.Date, body.ToUnit, body.Reason), http.StaffScope())).ToHttp(Summary);

    private static async Task<IResult> AnswerAsync(Guid id, AnswerRequest body, HttpContext http, AnswerApplication answer)
    {
        var documents = new List<ReleasedDocument>();
        foreach (var d in body.Documents ?? [])
        {
            var bytes = new byte[d.ContentBase64.Length];
            if (!Convert.TryFromBase64String(d.ContentBase64, bytes, out var length))
                return Invalid("documents", $"“{d.FileName}”的内容不是有效的 Base64。");
            documents.Add(new(d.FileName, bytes[..length]));
        }
        if (!Enum.TryParse<Outcome>(body.Outcome, true, out var outcome) || !Enum.IsDefined(outcome))
            return Invalid("outcome", $"答复结果无效（可选值：{string.Join("、", Enum.GetNames<Outcome>())}）。");
        return (await answer.HandleAsync(new(id, body.Date, outcome, body.Reasons, documents, body.ConfirmActiveContent), http.StaffScope())).ToHttp(Summary);
    }

    /// <summary>The file is read from the form by hand, so that a request without one gets a Chinese problem, not the framework's.</summary>
    private static async Task<IResult> AddDocumentAsync(Guid id, HttpContext http, AddAnswerDocument add)
    {
        IFormCollection? form = null;
        try
        {
            if (http.Request.HasFormContentType)
                form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (InvalidDataException)
        {
            // a malformed multipart body, or one over the form limits: answered below as a missing file
        }
        if (form?.Files.GetFile("file") is not { Length: > 0 } file)
            return Invalid("file", "请以 multipart/form-data 上传，文件字段名为 file。");
        if (file.Length > ReleasedDocument.MaxBytes)
            return Invalid("file", $"“{file.FileName}”超过 20 MB。");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, http.RequestAborted);
        var document = new ReleasedDocument(file.FileName, buffer.ToArray());
        var confirmed = bool.TryParse(form["confirmActiveContent"].ToString(), out var confirm) && confirm;
        return (await add.HandleAsync(new(id, document, form["reason"].ToString(), confirmed), http.StaffScope())).ToHttp(Summary);
    }

    private static StepResult Summary(ApplicationLogEntry e) => new(e.Sequence, e.Kind, e.Kind.ChineseName(), e.Date);

    private static Receipt ToReceipt(SubmitApplication.Receipt r) => new(r.TrackingCode, r.State, r.State.ChineseName(), r.DueOn, r.DueDateFinal);

    /// <summary>Reads the enum fields by name, answering 400 with a Chinese message for each one that is not a known value.</summary>
    private static IResult? Request(Submission body, out ApplicationRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        T Parse<T>(string? text, string field, string message) where T : struct, Enum
        {
            if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
                return value;
            errors[field] = [$"{message}（可选值：{string.Join("、", Enum.GetNames<T>())}）"];
            return default;
        }
        request = new ApplicationRequest
        {
            ApplicantKind = Parse<ApplicantKind>(body.ApplicantKind, "applicantKind", "申请人类型无效"),
            ApplicantName = body.ApplicantName ?? "",
            ContactPerson = body.ContactPerson ?? "",
            IdType = Parse<IdDocumentType>(body.IdType, "idType", "证件类型无效"),
            IdNumber = body.IdNumber ?? "",
            Phone = body.Phone ?? "",
            Email = body.Email ?? "",
            Address = body.Address ?? "",
            PostalCode = body.PostalCode ?? "",
            Description = body.Description ?? "",
            Form = Parse<InformationForm>(body.Form, "form", "信息形式无效"),
            Delivery = Parse<DeliveryMethod>(body.Delivery, "delivery", "获取方式无效"),
        };
        return errors.Count == 0 ? null : Results.ValidationProblem(errors, title: "输入有误，未保存。");
    }

    private static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "输入有误，未保存。");
}
