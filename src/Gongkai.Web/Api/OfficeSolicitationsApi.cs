using Gongkai.App;
using Gongkai.App.Participation;
using Gongkai.App.Participation.Solicitations;
using Gongkai.Core.Participation;
using Gongkai.Web.Accounts;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/office/participation/solicitations: the staff's solicitations of opinions inside the account's subtree, through
/// the same use cases as the office pages. Commenters' names and contacts only to roles that handle participation.
/// </summary>
public static class OfficeSolicitationsApi
{
    public sealed record FileUpload(string FileName, string ContentBase64);

    /// <param name="Kind">规章|重大行政决策|行政规范性文件|其他 (or Rule|MajorDecision|NormativeDocument|Other).</param>
    /// <param name="Unit">The unit's code (of the subtree); the account's own unit when absent. Only on creation.</param>
    public sealed record SolicitationRequest(string? Title, string? Kind, bool ConcernsBusinesses, string? DraftText, string? Explanation, string? Contact,
        DateOnly? OpensOn, DateOnly? ClosesOn, string? ShortPeriodReason = null, bool ShowComments = true, string? Unit = null,
        IReadOnlyList<FileUpload>? Files = null);

    public sealed record PublishRequest(string? ShortPeriodReason = null);

    /// <param name="ShownText">The text to show as staff edit it; the comment as sent when absent. Personal data is masked either way.</param>
    public sealed record ModerationRequest(bool Show, string? ShownText = null, string? Reason = null);

    /// <param name="Adoption">采纳|部分采纳|未采纳 (or Adopted|PartlyAdopted|NotAdopted).</param>
    public sealed record AdoptionRequest(string? Adoption, string? Reason = null);

    public sealed record FeedbackRequest(string? Text);

    public sealed record ExtendRequest(DateOnly? ClosesOn, string? Reason);

    public sealed record ReasonRequest(string? Reason);

    public sealed record PolicyRequest(string? IndexNumber);

    /// <param name="State">A member name of ParticipationState.</param>
    public sealed record SolicitationBrief(Guid Id, string Title, string State, string StateName, DateOnly OpensOn, DateOnly ClosesOn, string ShortPeriodReason);

    /// <param name="State">A member name of ContributionState.</param>
    /// <param name="Adoption">Adopted|PartlyAdopted|NotAdopted, or null before it is recorded.</param>
    public sealed record CommentResult(Guid Id, string State, string StateName, string ShownContent, string ModerationNote, string? Adoption,
        string? AdoptionName, string AdoptionReason);

    public static void MapOfficeSolicitationsApi(this WebApplication app)
    {
        var office = app.MapStaffGroup("/api/v1/office/participation/solicitations", "意见征集（工作人员）");
        office.MapGet("/", ListAsync).WithName("OfficeSolicitations")
            .WithSummary("管辖范围内的意见征集；stage=Draft|Upcoming|Open|Closed|FeedbackPublished|Withdrawn，overdue=true 只列采纳情况反馈已逾期的，unit=单位代码");
        office.MapGet("/{id:guid}", GetAsync).WithName("OfficeSolicitation")
            .WithSummary("意见征集详情：内容、期限、反馈期限和标记、意见（姓名和联系方式仅互动交流人员、信息发布人员和管理员可见）、采纳情况统计和办理记录");
        office.MapPost("/", CreateAsync).WithName("OfficeSolicitationCreate").Produces<SolicitationBrief>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("新建意见征集草稿（files 为 Base64）");
        office.MapPut("/{id:guid}", EditAsync).WithName("OfficeSolicitationEdit").Produces<SolicitationBrief>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("修改意见征集；已发布的不能修改正文、类别和期限");
        office.MapPost("/{id:guid}/publish", PublishAsync).WithName("OfficeSolicitationPublish").Produces<SolicitationBrief>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("发布意见征集：期限短于该类别的法定最短期限的，须填写缩短期限的理由（随征集公开），否则答 400 并说明最短期限和依据");
        office.MapPost("/{id:guid}/comments/{commentId:guid}/moderation", ModerateAsync).WithName("OfficeSolicitationModerate").Produces<CommentResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("审核意见：公开（公开的文字经个人信息筛查，姓名、电话、身份证号等被遮盖；可编辑公开文字）或不予公开（须说明理由）");
        office.MapPost("/{id:guid}/comments/{commentId:guid}/adoption", AdoptionAsync).WithName("OfficeSolicitationAdoption").Produces<CommentResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("记录一条意见的采纳情况：采纳、部分采纳或未采纳（后两者须说明理由）");
        office.MapPost("/{id:guid}/feedback", FeedbackAsync).WithName("OfficeSolicitationFeedback")
            .WithSummary("征集结束后公布采纳情况反馈：说明文字及按意见统计的收到、采纳、部分采纳、未采纳条数和理由");
        office.MapPut("/{id:guid}/feedback", EditFeedbackAsync).WithName("OfficeSolicitationFeedbackEdit").WithSummary("修改已公布的采纳情况说明");
        office.MapPost("/{id:guid}/extend", ExtendAsync).WithName("OfficeSolicitationExtend").Produces<SolicitationBrief>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("延长征集期限（只能延长，须说明理由）");
        office.MapPost("/{id:guid}/withdraw", WithdrawAsync).WithName("OfficeSolicitationWithdraw").Produces<SolicitationBrief>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("撤回意见征集（须说明理由）");
        office.MapPost("/{id:guid}/policy", PolicyAsync).WithName("OfficeSolicitationPolicy").Produces<SolicitationBrief>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).WithSummary("关联据此制定的政策（已发布的主动公开信息的索引号）");
    }

    private static SolicitationBrief Brief(Solicitation s) => new(s.Id, s.Title, s.State.ToString(), s.State.ChineseName(), s.OpensOn, s.ClosesOn, s.ShortPeriodReason);

    private static async Task<IResult> ListAsync(HttpContext http, OfficeSolicitations office, string? stage, bool overdue = false, string? unit = null)
    {
        var errors = new Dictionary<string, string[]>();
        OfficeSolicitations.Stage? wanted = string.IsNullOrWhiteSpace(stage) ? null : errors.ParseEnum<OfficeSolicitations.Stage>(stage, "stage", "状态");
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "输入有误。");
        var rows = await office.ListAsync(new(wanted, overdue, unit), http.StaffScope(), http.RequestAborted);
        return Results.Ok(new
        {
            Items = rows.Select(r => new
            {
                r.Id,
                r.Title,
                Kind = r.Kind.ToString(),
                KindName = r.Kind.ChineseName(),
                r.Unit,
                r.UnitCode,
                Stage = r.Stage.ToString(),
                StageName = OfficeSolicitations.ChineseName(r.Stage),
                r.OpensOn,
                r.ClosesOn,
                r.Comments,
                r.Pending,
                r.FeedbackDueOn,
                FeedbackOverdue = r.Flag == Core.Calendar.DueFlag.Overdue,
            }),
        });
    }

    private static async Task<IResult> GetAsync(Guid id, HttpContext http, OfficeSolicitations office, ParticipationLog log)
    {
        var scope = http.StaffScope();
        var ct = http.RequestAborted;
        if (await office.FindAsync(id, scope, ct) is not { } s)
            return Results.Problem("找不到该意见征集，或它不在您的管辖范围内。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        var comments = await office.CommentsAsync(id, ct);
        var contacts = scope.CanHandleParticipation;
        var summary = FeedbackSummary.Of(comments.Select(c => new CommentFacts(c.Adoption, c.AdoptionReason)));
        var due = await office.FeedbackDueAsync(s, ct);
        var history = await log.HistoryAsync(ParticipationKind.Solicitation, id, ct);
        return Results.Ok(new
        {
            s.Id,
            s.Title,
            Kind = s.Kind.ToString(),
            KindName = s.Kind.ChineseName(),
            s.ConcernsBusinesses,
            Unit = s.Unit.FullName,
            UnitCode = s.Unit.Code,
            State = s.State.ToString(),
            StateName = s.State.ChineseName(),
            Stage = OfficeSolicitations.StageOf(s.State, s.OpensOn, s.ClosesOn, log.Today).ToString(),
            s.DraftText,
            s.Explanation,
            s.Contact,
            s.OpensOn,
            s.ClosesOn,
            s.ShortPeriodReason,
            s.ShowComments,
            s.PublishedOn,
            s.FeedbackText,
            s.FeedbackPublishedOn,
            FeedbackDueOn = due?.DueOn,
            FeedbackOverdue = due?.Flag == Core.Calendar.DueFlag.Overdue,
            Policy = s.Policy is { } p ? new { p.IndexNumber, p.Title } : null,
            s.WithdrawnReason,
            Attachments = (await office.AttachmentsAsync(id, ct)).Select(a => new { a.Id, a.FileName, a.Size }),
            Figures = new
            {
                summary.Received,
                summary.Adopted,
                summary.PartlyAdopted,
                summary.NotAdopted,
                summary.Unrecorded,
                Reasons = summary.Reasons.Select(r => new { Adoption = r.Adoption.ToString(), AdoptionName = r.Adoption.ChineseName(), r.Reason, r.Count })
            },
            Comments = comments.Select(c => new
            {
                c.Id,
                c.Article,
                c.Content,
                c.SubmittedAt,
                c.Channel,
                State = c.State.ToString(),
                StateName = c.State.ChineseName(),
                c.ShownContent,
                c.ModerationNote,
                Adoption = c.Adoption?.ToString(),
                AdoptionName = c.Adoption?.ChineseName(),
                c.AdoptionReason,
                Name = contacts ? c.Name : null,
                Phone = contacts ? c.Phone : null,
                Email = contacts ? c.Email : null,
            }),
            History = history.Select(e => new { e.At, Step = e.Step.ToString(), StepName = e.Step.ChineseName(), e.ActorName, e.Note, e.ContributionId }),
        });
    }

    private static SaveSolicitation.Input? Input(Guid? id, SolicitationRequest body, Dictionary<string, string[]> errors)
    {
        var kind = CommentPeriod.ParseKind(body.Kind);
        if (kind is null)
            errors["kind"] = ["征集类别无效（可选：规章、重大行政决策、行政规范性文件、其他）。"];
        var files = new List<SolicitationUpload>();
        foreach (var f in body.Files ?? [])
        {
            try { files.Add(new(f.FileName ?? "", Convert.FromBase64String(f.ContentBase64 ?? ""))); }
            catch (FormatException) { errors["files"] = [$"“{f.FileName}”的内容不是有效的 Base64。"]; }
        }
        return errors.Count > 0 ? null : new SaveSolicitation.Input(id, body.Title ?? "", kind!.Value, body.ConcernsBusinesses, body.DraftText ?? "",
            body.Explanation ?? "", body.Contact ?? "", body.OpensOn, body.ClosesOn, body.ShortPeriodReason ?? "", body.ShowComments, body.Unit, files);
    }

    private static async Task<IResult> CreateAsync(SolicitationRequest body, HttpContext http, SaveSolicitation save)
    {
        var errors = new Dictionary<string, string[]>();
        if (Input(null, body, errors) is not { } input)
            return Results.ValidationProblem(errors, title: "输入有误，未保存。");
        var outcome = await save.HandleAsync(input, http.StaffScope(), http.RequestAborted);
        return outcome.Succeeded ? Results.Created($"/api/v1/office/participation/solicitations/{outcome.Value!.Id}", Brief(outcome.Value)) : outcome.ToHttp(Brief);
    }

    private static async Task<IResult> EditAsync(Guid id, SolicitationRequest body, HttpContext http, SaveSolicitation save)
    {
        var errors = new Dictionary<string, string[]>();
        if (Input(id, body, errors) is not { } input)
            return Results.ValidationProblem(errors, title: "输入有误，未保存。");
        return (await save.HandleAsync(input, http.StaffScope(), http.RequestAborted)).ToHttp(Brief);
    }

    private static async Task<IResult> PublishAsync(Guid id, PublishRequest? body, HttpContext http, PublishSolicitation publish) =>
        (await publish.HandleAsync(new(id, body?.ShortPeriodReason), http.StaffScope(), http.RequestAborted)).ToHttp(Brief);

    private static CommentResult Comment(SolicitationComment c) =>
        new(c.Id, c.State.ToString(), c.State.ChineseName(), c.ShownContent, c.ModerationNote, c.Adoption?.ToString(), c.Adoption?.ChineseName(), c.AdoptionReason);

    private static async Task<IResult> ModerateAsync(Guid id, Guid commentId, ModerationRequest body, HttpContext http, ModerateComment moderate) =>
        (await moderate.HandleAsync(new(id, commentId, body.Show, body.ShownText, body.Reason), http.StaffScope(), http.RequestAborted)).ToHttp(Comment);

    private static async Task<IResult> AdoptionAsync(Guid id, Guid commentId, AdoptionRequest body, HttpContext http, RecordAdoption record)
    {
        var text = (body.Adoption ?? "").Trim();
        Adoption? adoption = Enum.GetValues<Adoption>().Cast<Adoption?>().FirstOrDefault(a => a!.Value.ChineseName() == text || a.Value.ToString().Equals(text, StringComparison.OrdinalIgnoreCase));
        if (adoption is null)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["adoption"] = ["采纳情况无效（可选：采纳、部分采纳、未采纳）。"] }, title: "输入有误，未保存。");
        return (await record.HandleAsync(new(id, commentId, adoption.Value, body.Reason), http.StaffScope(), http.RequestAborted)).ToHttp(Comment);
    }

    private static object Figures(FeedbackSummary f) => new
    {
        f.Received,
        f.Adopted,
        f.PartlyAdopted,
        f.NotAdopted,
        Reasons = f.Reasons.Select(r => new { Adoption = r.Adoption.ToString(), AdoptionName = r.Adoption.ChineseName(), r.Reason, r.Count }),
    };

    private static async Task<IResult> FeedbackAsync(Guid id, FeedbackRequest body, HttpContext http, PublishFeedback publish) =>
        (await publish.HandleAsync(new(id, body.Text), http.StaffScope(), http.RequestAborted)).ToHttp(Figures);

    private static async Task<IResult> EditFeedbackAsync(Guid id, FeedbackRequest body, HttpContext http, EditFeedback edit) =>
        (await edit.HandleAsync(new(id, body.Text), http.StaffScope(), http.RequestAborted)).ToHttp(Figures);

    private static async Task<IResult> ExtendAsync(Guid id, ExtendRequest body, HttpContext http, ExtendSolicitation extend) =>
        (await extend.HandleAsync(new(id, body.ClosesOn, body.Reason), http.StaffScope(), http.RequestAborted)).ToHttp(Brief);

    private static async Task<IResult> WithdrawAsync(Guid id, ReasonRequest body, HttpContext http, WithdrawSolicitation withdraw) =>
        (await withdraw.HandleAsync(new(id, body.Reason), http.StaffScope(), http.RequestAborted)).ToHttp(Brief);

    private static async Task<IResult> PolicyAsync(Guid id, PolicyRequest body, HttpContext http, LinkPolicy link) =>
        (await link.HandleAsync(new(id, body.IndexNumber), http.StaffScope(), http.RequestAborted)).ToHttp(Brief);
}
