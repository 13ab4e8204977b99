using Gongkai.App.Data;
using Gongkai.Core.Participation;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>
/// The solicitations and surveys as the public sees them (/hdjl/zjdc and /api/v1/solicitations): published or concluded
/// only, never a commenter's name or contact. Open ones first (closing soonest first), then upcoming, then the closed
/// ones, latest first, a page at a time.
/// </summary>
public sealed class PublicSolicitations(GongkaiDb db, ParticipationLog log)
{
    public enum PublicStage { Open, Upcoming, Closed, FeedbackPublished }

    public sealed record Row(Guid Id, string Title, SolicitationKind Kind, string Unit, DateOnly OpensOn, DateOnly ClosesOn, PublicStage Stage, int Received);

    public sealed record SurveyRow(Guid Id, string Title, string Unit, DateOnly OpensOn, DateOnly ClosesOn, PublicStage Stage);

    public sealed record Comment(Guid Id, int? Article, string Content, DateTime SubmittedAt);

    public sealed record Attachment(Guid Id, string FileName, string ContentType, long Size);

    public sealed record Policy(string IndexNumber, string Title);

    public sealed record Details(Guid Id, string Title, SolicitationKind Kind, bool ConcernsBusinesses, string Unit, string DraftText,
        IReadOnlyList<DraftArticle> Articles, string Explanation, string Contact, DateOnly OpensOn, DateOnly ClosesOn, string ShortPeriodReason,
        MinimumPeriod Minimum, bool ShowComments, PublicStage Stage, int Received, IReadOnlyList<Comment> Comments, IReadOnlyList<Attachment> Attachments,
        string FeedbackText, DateOnly? FeedbackPublishedOn, FeedbackSummary? Feedback, Policy? ResultingPolicy)
    {
        public bool IsOpen => Stage == PublicStage.Open;
    }

    /// <summary>A solicitation linked to a catalog item, for the item's page.</summary>
    public sealed record Link(Guid Id, string Title, DateOnly OpensOn, DateOnly ClosesOn, bool FeedbackPublished);

    public static string ChineseName(PublicStage stage) => stage switch
    {
        PublicStage.Open => "征集中",
        PublicStage.Upcoming => "未开始",
        PublicStage.Closed => "已结束",
        _ => "已反馈",
    };

    public static PublicStage StageOf(ParticipationState state, DateOnly opensOn, DateOnly closesOn, DateOnly today) =>
        state == ParticipationState.Concluded ? PublicStage.FeedbackPublished
        : today < opensOn ? PublicStage.Upcoming
        : today <= closesOn ? PublicStage.Open
        : PublicStage.Closed;

    /// <summary>How many closed solicitations a page lists (the open and upcoming ones are always on the first).</summary>
    public const int PageSize = 20;

    /// <summary>One page of the list: on the first, every solicitation open or still to open; then the closed ones, latest first.</summary>
    public sealed record Listing(IReadOnlyList<Row> Rows, int Page, int PageCount, int Total);

    public async Task<Listing> ListAsync(int page = 1, CancellationToken ct = default)
    {
        var today = log.Today;
        var published = db.Solicitations.AsNoTracking().Where(s => s.State == ParticipationState.Published || s.State == ParticipationState.Concluded);
        var current = published.Where(s => s.State == ParticipationState.Published && s.ClosesOn >= today);
        var past = published.Where(s => s.State == ParticipationState.Concluded || s.ClosesOn < today);
        var pastCount = await past.CountAsync(ct);
        var pageCount = Math.Max(1, (pastCount + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = (page == 1 ? await Project(current).ToListAsync(ct) : [])
            .Concat(await Project(past.OrderByDescending(s => s.ClosesOn).ThenBy(s => s.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct));
        return new([.. rows.Select(r => new Row(r.Id, r.Title, r.Kind, r.Unit, r.OpensOn, r.ClosesOn, StageOf(r.State, r.OpensOn, r.ClosesOn, today), r.Received))
            .OrderBy(r => r.Stage is PublicStage.Open or PublicStage.Upcoming ? r.Stage : PublicStage.Closed)
            .ThenBy(r => r.Stage == PublicStage.Open ? r.ClosesOn.DayNumber : r.Stage == PublicStage.Upcoming ? r.OpensOn.DayNumber : -r.ClosesOn.DayNumber)
            .ThenBy(r => r.Title)], page, pageCount, await current.CountAsync(ct) + pastCount);
    }

    private IQueryable<ListedRow> Project(IQueryable<Solicitation> solicitations) => solicitations.Select(s => new ListedRow(s.Id, s.Title, s.Kind, s.Unit.FullName,
        s.OpensOn, s.ClosesOn, s.State, db.SolicitationComments.Count(c => c.SolicitationId == s.Id)));

    private sealed record ListedRow(Guid Id, string Title, SolicitationKind Kind, string Unit, DateOnly OpensOn, DateOnly ClosesOn, ParticipationState State, int Received);

    /// <summary>Published surveys (their own pages are at /hdjl/zjdc/dc/{id}).</summary>
    public async Task<IReadOnlyList<SurveyRow>> SurveysAsync(CancellationToken ct = default)
    {
        var today = log.Today;
        var rows = await db.Surveys.AsNoTracking()
            .Where(s => s.State == ParticipationState.Published || s.State == ParticipationState.Concluded)
            .Select(s => new { s.Id, s.Title, Unit = s.Unit.FullName, s.OpensOn, s.ClosesOn, s.State }).ToListAsync(ct);
        return [.. rows.Select(r => new SurveyRow(r.Id, r.Title, r.Unit, r.OpensOn, r.ClosesOn, StageOf(r.State, r.OpensOn, r.ClosesOn, today)))
            .OrderBy(r => r.Stage).ThenByDescending(r => r.ClosesOn).ThenBy(r => r.Title)];
    }

    public async Task<Details?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var s = await db.Solicitations.AsNoTracking().Include(x => x.Unit).Include(x => x.Policy)
            .Where(x => x.Id == id && (x.State == ParticipationState.Published || x.State == ParticipationState.Concluded)).SingleOrDefaultAsync(ct);
        if (s is null)
            return null;
        var stage = StageOf(s.State, s.OpensOn, s.ClosesOn, log.Today);
        var received = await db.SolicitationComments.CountAsync(c => c.SolicitationId == s.Id, ct);
        var comments = !s.ShowComments ? [] : await db.SolicitationComments.AsNoTracking()
            .Where(c => c.SolicitationId == s.Id && c.State == ContributionState.Shown).OrderBy(c => c.SubmittedAt)
            .Select(c => new Comment(c.Id, c.Article, c.ShownContent, c.SubmittedAt)).ToListAsync(ct);
        var attachments = await db.ParticipationAttachments.AsNoTracking()
            .Where(a => a.Kind == ParticipationKind.Solicitation && a.RecordId == s.Id).OrderBy(a => a.SortOrder)
            .Select(a => new Attachment(a.Id, a.FileName, a.ContentType, a.Content.Length)).ToListAsync(ct);
        var feedback = s.State == ParticipationState.Concluded ? await PublishFeedback.SummaryAsync(db, s.Id, ct) : null;
        var policy = s.Policy is { State: Core.Catalog.CatalogState.Published, IndexNumber: { } number } p ? new Policy(number, p.Title) : null;
        return new Details(s.Id, s.Title, s.Kind, s.ConcernsBusinesses, s.Unit.FullName, s.DraftText, DraftArticles.Of(s.DraftText), s.Explanation, s.Contact,
            s.OpensOn, s.ClosesOn, s.ShortPeriodReason, CommentPeriod.Minimum(s.Kind, s.ConcernsBusinesses), s.ShowComments, stage, received, comments,
            attachments, s.State == ParticipationState.Concluded ? s.FeedbackText : "", s.State == ParticipationState.Concluded ? s.FeedbackPublishedOn : null,
            feedback, policy);
    }

    /// <summary>A public solicitation's attachment, or null.</summary>
    public Task<ParticipationAttachment?> FileAsync(Guid id, Guid fileId, CancellationToken ct = default) =>
        db.ParticipationAttachments.AsNoTracking()
            .Where(a => a.Kind == ParticipationKind.Solicitation && a.RecordId == id && a.Id == fileId
                && db.Solicitations.Any(s => s.Id == id && (s.State == ParticipationState.Published || s.State == ParticipationState.Concluded)))
            .SingleOrDefaultAsync(ct);

    /// <summary>The public solicitations whose resulting policy is the catalog item with this index number.</summary>
    public async Task<IReadOnlyList<Link>> ForPolicyAsync(string indexNumber, CancellationToken ct = default) =>
        await db.Solicitations.AsNoTracking()
            .Where(s => s.Policy != null && s.Policy.IndexNumber == indexNumber && (s.State == ParticipationState.Published || s.State == ParticipationState.Concluded))
            .OrderBy(s => s.OpensOn)
            .Select(s => new Link(s.Id, s.Title, s.OpensOn, s.ClosesOn, s.State == ParticipationState.Concluded)).ToListAsync(ct);
}
