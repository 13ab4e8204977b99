using Gongkai.App;
using Gongkai.App.Participation.Solicitations;
using Gongkai.Core.Participation;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/solicitations, public: the solicitations of opinions (意见征集) published, one with its draft by articles, the
/// comments shown and the feedback when published; and sending a comment while the period is open (rate-limited). No
/// commenter's name or contact ever appears in an answer.
/// </summary>
public static class SolicitationsApi
{
    /// <param name="Article">The article (第N条) commented on, as a number; null or absent for the whole draft.</param>
    /// <param name="Phone">A phone number or <paramref name="Email"/>, at least one: kept private.</param>
    public sealed record CommentSubmission(int? Article, string? Content, string? Name, string? Phone, string? Email = null);

    public sealed record CommentReceipt(Guid Id, string State, string StateName);

    public sealed record ListItem(Guid Id, string Title, SolicitationKind Kind, string KindName, string Unit, DateOnly OpensOn, DateOnly ClosesOn,
        PublicSolicitations.PublicStage Stage, string StageName, int Received, string Url);

    public sealed record SolicitationList(IReadOnlyList<ListItem> Items, int Page, int PageCount, int Total);

    public sealed record Article(int Number, string Heading, string Text);

    public sealed record ShownComment(Guid Id, int? Article, string Content, DateTime SubmittedAt);

    public sealed record FileLink(string FileName, long Size, string Url);

    public sealed record Reason(Adoption Adoption, string AdoptionName, string Text, int Count);

    public sealed record Feedback(string Text, DateOnly? PublishedOn, int Received, int Adopted, int PartlyAdopted, int NotAdopted, IReadOnlyList<Reason> Reasons);

    public sealed record PolicyLink(string IndexNumber, string Title, string Url);

    /// <param name="MinimumPeriod">The minimum period for its kind (「30 日」), and <paramref name="MinimumSource"/> the rule setting it.</param>
    public sealed record SolicitationDetails(Guid Id, string Title, SolicitationKind Kind, string KindName, bool ConcernsBusinesses, string Unit,
        DateOnly OpensOn, DateOnly ClosesOn, PublicSolicitations.PublicStage Stage, string StageName, bool IsOpen, string MinimumPeriod, string MinimumSource,
        string ShortPeriodReason, string Explanation, string Contact, string DraftText, IReadOnlyList<Article> Articles, IReadOnlyList<FileLink> Attachments,
        int Received, IReadOnlyList<ShownComment> Comments, Feedback? Feedback, PolicyLink? Policy, string Url);

    public static void MapSolicitationsApi(this WebApplication app)
    {
        var open = app.MapGroup("/api/v1/solicitations").WithTags("意见征集");
        open.MapGet("/", ListAsync).WithName("Solicitations").Produces<SolicitationList>().ProducesProblem(StatusCodes.Status400BadRequest)
            .WithSummary("已发布的意见征集：第 1 页为征集中和未开始的，其后为已结束和已反馈的（截止日期新的在前，每页 20 项，?page=）；每项的类别、单位、期限、状态和收到的意见数");
        open.MapGet("/{id:guid}", GetAsync).WithName("Solicitation").Produces<SolicitationDetails>()
            .WithSummary("一项意见征集：征求意见稿全文及按条拆分、起草说明、附件、期限（及缩短期限的理由）、公开的意见、采纳情况反馈（公布后）和据此制定的政策")
            .ProducesProblem(StatusCodes.Status404NotFound);
        open.MapPost("/{id:guid}/comments", CommentAsync).RequireRateLimiting(PublicForms.Policy).WithName("CommentOnSolicitation").Produces<CommentReceipt>(StatusCodes.Status201Created)
            .WithSummary("在征集期内提交意见：对全文（article 为空）或对某一条（article 为条号）；姓名和联系电话或电子邮箱必填且不公开；意见经审核后方可能公开。征集期已过或尚未开始的答 409")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        app.MapGet("/hdjl/zjdc/{id:guid}/files/{fileId:guid}", FileAsync).ExcludeFromDescription();
    }

    private static async Task<IResult> ListAsync(PublicSolicitations solicitations, HttpContext http, int? page)
    {
        var listing = await solicitations.ListAsync(page ?? 1, http.RequestAborted);
        return Results.Ok(new SolicitationList([.. listing.Rows.Select(r => new ListItem(r.Id, r.Title, r.Kind, r.Kind.ChineseName(),
            r.Unit, r.OpensOn, r.ClosesOn, r.Stage, PublicSolicitations.ChineseName(r.Stage), r.Received, $"/hdjl/zjdc/{r.Id}"))], listing.Page, listing.PageCount, listing.Total));
    }

    private static async Task<IResult> GetAsync(Guid id, PublicSolicitations solicitations, HttpContext http)
    {
        if (await solicitations.FindAsync(id, http.RequestAborted) is not { } d)
            return NotFound();
        return Results.Ok(new SolicitationDetails(d.Id, d.Title, d.Kind, d.Kind.ChineseName(), d.ConcernsBusinesses, d.Unit, d.OpensOn, d.ClosesOn, d.Stage,
            PublicSolicitations.ChineseName(d.Stage), d.IsOpen, d.Minimum.Days > 0 ? d.Minimum.Describe() : "", d.Minimum.Source, d.ShortPeriodReason, d.Explanation,
            d.Contact, d.DraftText, [.. d.Articles.Select(a => new Article(a.Number, a.Heading, a.Text))],
            [.. d.Attachments.Select(a => new FileLink(a.FileName, a.Size, $"/hdjl/zjdc/{d.Id}/files/{a.Id}"))], d.Received,
            [.. d.Comments.Select(c => new ShownComment(c.Id, c.Article, c.Content, c.SubmittedAt))],
            d.Feedback is { } f ? new Feedback(d.FeedbackText, d.FeedbackPublishedOn, f.Received, f.Adopted, f.PartlyAdopted, f.NotAdopted,
                [.. f.Reasons.Select(r => new Reason(r.Adoption, r.Adoption.ChineseName(), r.Reason, r.Count))]) : null,
            d.ResultingPolicy is { } p ? new PolicyLink(p.IndexNumber, p.Title, $"/xxgk/item/{p.IndexNumber}") : null, $"/hdjl/zjdc/{d.Id}"));
    }

    private static async Task<IResult> CommentAsync(Guid id, CommentSubmission body, CommentOnSolicitation comment, HttpContext http)
    {
        var outcome = await comment.HandleAsync(new(id, body.Article, body.Content, body.Name, body.Phone, body.Email), http.RequestAborted);
        return outcome.Kind switch
        {
            OutcomeKind.Done => Results.Created($"/api/v1/solicitations/{id}", new CommentReceipt(outcome.Value!.Id, outcome.Value.State.ToString(), outcome.Value.State.ChineseName())),
            OutcomeKind.Missing => NotFound(),
            _ when outcome.Problems.FirstOrDefault(p => p.Field == CommentOnSolicitation.PeriodField) is { } closed =>
                Results.Problem(closed.Message, statusCode: StatusCodes.Status409Conflict, title: "不在征集期内"),
            _ => Results.ValidationProblem(outcome.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()), title: "意见有误，未提交。"),
        };
    }

    private static async Task<IResult> FileAsync(Guid id, Guid fileId, PublicSolicitations solicitations, HttpContext http) =>
        await solicitations.FileAsync(id, fileId, http.RequestAborted) is { } f
            ? Results.File(f.Content, f.ContentType, f.FileName)
            : Results.NotFound();

    private static IResult NotFound() => Results.Problem("没有找到该意见征集。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
}
