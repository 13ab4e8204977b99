using Gongkai.App;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.Core.Calendar;
using Gongkai.Core.Letters;
using Gongkai.Web.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Api;

/// <summary>
/// /api/v1/office/letters and /api/v1/office/mailboxes: the staff's letters inbox, one letter, every step, 公开选登,
/// statistics and mailboxes, inside the account's subtree, through the same use cases as the office pages.
/// </summary>
public static class OfficeLettersApi
{
    public sealed record FileUpload(string FileName, string ContentBase64);

    /// <summary>A step; <c>kind</c> is a member name of LetterEventKind (Accepted, Rejected, TransferredOut, Assigned, Returned, Routed, Reminded, Extended, AnswerSubmitted, AnswerReturned, Answered, Unpublished).</summary>
    /// <param name="InvalidReason">Duplicate, Empty, Abusive, Advertising, NotOurMatter (or the Chinese term).</param>
    /// <param name="Transfer">Petition, Discipline, OtherGovernment (or the Chinese term).</param>
    /// <param name="Routing">Immediate, Referred, ToLeader, Investigation, Deferred (or 即办、转办、呈办、查办、缓办).</param>
    public sealed record StepRequest(string Kind, string Note = "", int? Days = null, string? InvalidReason = null, string? Transfer = null,
        string? Routing = null, string? UnitCode = null, string Party = "", IReadOnlyList<FileUpload>? Files = null);

    public sealed record PublishRequest(string Subject, string Content, string Answer);

    public sealed record MailboxRequest(string Unit, string Name, string Introduction = "", bool IsOpen = true, int SortOrder = 0);

    public sealed record InboxItem(Guid Id, string Number, string Subject, LetterType Type, string TypeName, string Mailbox, string Unit,
        DateOnly ReceivedOn, DateOnly? DueOn, bool Extended, LetterState State, string StateName, IReadOnlyList<string> Flags);

    public sealed record Inbox(long Total, int Page, int PageSize, IReadOnlyList<InboxItem> Items);

    /// <summary>The step just recorded.</summary>
    public sealed record StepResult(int Sequence, LetterEventKind Kind, string Name, DateOnly Date);

    public static void MapOfficeLettersApi(this WebApplication app)
    {
        var office = app.MapStaffGroup("/api/v1/office", "互动交流（工作人员）");
        office.MapGet("/letters", InboxAsync).WithName("OfficeLetterInbox").Produces<Inbox>().ProducesValidationProblem()
            .WithSummary("管辖范围内承办的来信，按办理期限排序；state=open（默认）|all|Received|InProgress|…，mailbox=信箱单位代码或 zhaocuo，type，flag=DueSoon|Overdue|NearVeto|PastVeto，q=标题含，unit=承办单位代码；page、pageSize（至多 100）");
        office.MapGet("/letters/{id:guid}", OfficeLetterDetails.GetAsync).WithName("OfficeLetter")
            .WithSummary("来信详情：来信内容、来信人联系方式（互动交流人员和管理员可见全文，每次查阅记入账号记录）、附件、办理期限和标记、办理记录、当前可办理的步骤、相似来信");
        office.MapGet("/letters/{id:guid}/attachments/{attachmentId:guid}", OfficeLetterDetails.AttachmentAsync).WithName("OfficeLetterAttachment").Produces<Stream>(StatusCodes.Status200OK, "application/octet-stream").ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("下载来信或答复的附件（按内容识别的类型，一律作为附件下载）");
        office.MapPost("/letters/{id:guid}/steps", StepAsync).WithName("OfficeLetterStep").Produces<StepResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("办理步骤：受理、无效、转出、交办、回退、调整办理类型、催办、延期、提交答复（files 为 Base64）、审核退回、审核通过并答复、撤销公开");
        office.MapPost("/letters/{id:guid}/publish", PublishAsync).WithName("OfficeLetterPublish").Produces<StepResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("公开选登：公开的标题、来信内容和答复内容须通过个人信息筛查；来信人姓名以“张**”形式显示");
        office.MapGet("/letters/stats", StatsAsync).WithName("OfficeLetterStats")
            .WithSummary("来信统计：unit=单位代码，year，quarter 或 month，by=mailbox|unit|type|month|quarter；每组的收到、有效、无效、转出、已答复、按期答复、逾期、办理中、已评价、满意、公开选登、平均办理工作日和满意率");
        office.MapGet("/mailboxes", MailboxesAsync).WithName("OfficeMailboxes").WithSummary("管辖范围内各单位的信箱");
        office.MapPut("/mailboxes", SaveMailboxAsync).WithName("OfficeMailboxSave")
            .WithSummary("开设、修改、开放或关闭一个单位的信箱（管理员和互动交流人员）；unit 为单位代码");
    }

    private static async Task<IResult> InboxAsync(HttpContext http, OfficeLetters inbox, string? state, string? mailbox, string? type, string? flag,
        string? q, string? unit, int page = 1, int pageSize = OfficeLetters.DefaultPageSize)
    {
        var errors = new Dictionary<string, string[]>();
        var parsedType = string.IsNullOrWhiteSpace(type) ? null : LetterTerms.ParseType(type);
        if (!string.IsNullOrWhiteSpace(type) && parsedType is null)
            errors["type"] = ["来信类型无效（可选：咨询、建议、投诉、求助、其他、找错）。"];
        LetterFlag? parsedFlag = string.IsNullOrWhiteSpace(flag) ? null : errors.ParseEnum<LetterFlag>(flag, "flag", "期限标记");
        if (pageSize is < 1 or > OfficeLetters.MaxPageSize)
            errors["pageSize"] = [$"每页条数应为 1 至 {OfficeLetters.MaxPageSize}。"];
        if (page < 1)
            errors["page"] = ["页码应从 1 开始。"];
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "输入有误。");
        var result = await inbox.HandleAsync(new(state, mailbox, parsedType, parsedFlag, q, unit), http.StaffScope(), page, pageSize, http.RequestAborted);
        return Results.Ok(new Inbox(result.Total, result.Number, result.Size, [.. result.Rows.Select(r => new InboxItem(r.Id, r.Number, r.Subject, r.Type,
            r.Type.ChineseName(), r.Mailbox, r.Unit, r.ReceivedOn, r.DueOn, r.Extended, r.State, r.State.ChineseName(), r.Flags))]));
    }

    private static async Task<IResult> StepAsync(Guid id, StepRequest body, HttpContext http, RecordLetterStep record)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = errors.ParseEnum<LetterEventKind>(body.Kind, "kind", "办理步骤");
        T? Term<T>(string? text, string field, Func<T, string> name, string label) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(text))
                return null;
            if (LetterTerms.ParseChinese(text, name) is { } value)
                return value;
            errors[field] = [$"{label}无效（可选值：{string.Join("、", Enum.GetValues<T>().Select(v => $"{v}（{name(v)}）"))}）。"];
            return null;
        }
        var invalid = Term<InvalidReason>(body.InvalidReason, "invalidReason", LetterTerms.ChineseName, "无效原因");
        var transfer = Term<TransferChannel>(body.Transfer, "transfer", LetterTerms.ChineseName, "转出渠道");
        var routing = Term<RoutingClass>(body.Routing, "routing", LetterTerms.ChineseName, "办理类型");
        var files = new List<LetterUpload>();
        foreach (var f in body.Files ?? [])
        {
            var bytes = new byte[f.ContentBase64?.Length ?? 0];
            if (!Convert.TryFromBase64String(f.ContentBase64 ?? "", bytes, out var length))
                errors["files"] = [$"“{f.FileName}”的内容不是有效的 Base64。"];
            else
                files.Add(new(f.FileName ?? "", bytes[..length]));
        }
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "输入有误，未保存。");
        var outcome = await record.HandleAsync(new(id, kind, body.Note ?? "", body.Days, invalid, transfer, routing, body.UnitCode, body.Party ?? "", files),
            http.StaffScope(), http.RequestAborted);
        return outcome.ToHttp(Summary);
    }

    private static async Task<IResult> PublishAsync(Guid id, PublishRequest body, HttpContext http, PublishLetter publish) =>
        (await publish.HandleAsync(new(id, body.Subject, body.Content, body.Answer), http.StaffScope(), http.RequestAborted)).ToHttp(Summary);

    private static async Task<IResult> StatsAsync(HttpContext http, LetterStats stats, TimeProvider clock, string? unit, int? year, int? quarter, int? month, string? by)
    {
        var errors = new Dictionary<string, string[]>();
        var grouping = string.IsNullOrWhiteSpace(by) ? LetterStats.Grouping.Mailbox : errors.ParseEnum<LetterStats.Grouping>(by, "by", "分组");
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "输入有误。");
        var outcome = await stats.HandleAsync(new(unit, year ?? clock.Today().Year, quarter, month, grouping), http.StaffScope(), http.RequestAborted);
        static object Figures(LetterFigures f) => new
        {
            Counts = Enum.GetValues<LetterFigure>().ToDictionary(x => x.ToString(), x => f[x]),
            f.AverageWorkingDays,
            f.SatisfactionRate,
        };
        return outcome.ToHttp(r => new
        {
            r.Unit, r.UnitCode, r.From, r.To, By = r.By.ToString(),
            Rows = r.Rows.Select(x => new { x.Key, x.Label, Figures = Figures(x.Figures) }),
            Total = Figures(r.Total),
            r.SuggestionsShown, r.StoppedAfterSuggestions,
        });
    }

    private static async Task<IResult> MailboxesAsync(HttpContext http, GongkaiDb db)
    {
        var units = http.StaffScope().UnitsIn(db);
        return Results.Ok(await db.Mailboxes.AsNoTracking().Where(m => units.Any(u => u.Id == m.UnitId)).OrderBy(m => m.SortOrder).ThenBy(m => m.Name)
            .Select(m => new { Unit = m.Unit.Code, UnitName = m.Unit.FullName, m.Name, m.Introduction, m.IsOpen, m.SortOrder }).ToListAsync(http.RequestAborted));
    }

    private static async Task<IResult> SaveMailboxAsync(MailboxRequest body, HttpContext http, SaveMailbox save) =>
        (await save.HandleAsync(new(body.Unit ?? "", body.Name ?? "", body.Introduction ?? "", body.IsOpen, body.SortOrder), http.StaffScope(), http.RequestAborted))
            .ToHttp(m => new { body.Unit, m.Name, m.Introduction, m.IsOpen, m.SortOrder });

    private static StepResult Summary(LetterLogEntry e) => new(e.Sequence, e.Kind, e.Kind.ChineseName(), e.Date);
}

/// <summary>GET /api/v1/office/letters/{id} and its files: what the letter page shows, as JSON.</summary>
internal static class OfficeLetterDetails
{
    public sealed record Entry(int Sequence, LetterEventKind Kind, string Name, DateOnly Date, DateTime RecordedAt, string ActorName, string Note,
        int? Days, InvalidReason? InvalidReason, TransferChannel? Transfer, RoutingClass? Routing, Guid? ToUnitId, string Party);

    public static async Task<IResult> GetAsync(Guid id, HttpContext http, GongkaiDb db, LetterLog log, OfficeLetters inbox, ReadWriterContact contacts)
    {
        var scope = http.StaffScope();
        if (await log.FindAsync(id, scope, http.RequestAborted) is not { } l)
            return Results.Problem("找不到该来信，或该来信不在您的管辖范围内。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        var contact = await contacts.HandleAsync(l, scope, "接口", http.RequestAborted);
        var calendar = await log.CalendarAsync(http.RequestAborted);
        var status = log.Status(l, calendar);
        var today = log.Today;
        var open = status.State.IsOpen();
        var flags = new[]
        {
            LetterHistory.Flag(status, calendar, today).ChineseName(),
            open && LetterClock.IsNearVeto(status.Received, today) ? LetterFlag.NearVeto.ChineseName() : "",
            open && LetterClock.IsPastVeto(status.Received, today) ? LetterFlag.PastVeto.ChineseName() : "",
        }.Where(f => f.Length > 0);
        var sequences = l.Log.ToDictionary(e => e.Id, e => e.Sequence);
        var files = await db.LetterAttachments.AsNoTracking().Where(a => a.LetterId == id).OrderBy(a => a.FileName)
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.LogEntryId }).ToListAsync(http.RequestAborted);
        var similar = await inbox.SimilarAsync(l, http.RequestAborted);
        return Results.Ok(new
        {
            l.Id, l.Number, l.Channel, Mailbox = l.MailboxUnit.Code, MailboxUnit = l.MailboxUnit.FullName, Unit = l.Unit.Code, UnitName = l.Unit.FullName,
            l.Type, TypeName = l.Type.ChineseName(), l.Subject, l.Content, l.PageUrl,
            WriterName = contact.Name, contact.Phone, contact.Email, ContactMasked = contact.Masked, l.PublishConsent,
            status.State, StateName = status.State.ChineseName(), ReceivedOn = status.Received, status.DueOn, Extended = status.IsExtended, Flags = flags,
            VetoDay = LetterClock.VetoDay(status.Received), status.AnsweredOn, l.Answer, l.Routing, status.Rating, status.Published, l.PublishedOn,
            AllowedSteps = OfficeLetters.StepsFor(l, status, scope).Select(k => new { Kind = k.ToString(), Name = k.ChineseName() }),
            Log = l.Log.OrderBy(e => e.Sequence).Select(e => new Entry(e.Sequence, e.Kind, e.Kind.ChineseName(), e.Date, e.RecordedAt, e.ActorName, e.Note,
                e.Days, e.InvalidReason, e.TransferChannel, e.Routing, e.ToUnitId, e.Party)),
            Attachments = files.Select(f => new
            {
                f.Id, f.FileName, f.ContentType, LogSequence = f.LogEntryId is { } entry ? sequences.GetValueOrDefault(entry) : (int?)null,
                Url = $"/api/v1/office/letters/{id}/attachments/{f.Id}",
            }),
            Similar = similar,
        });
    }

    public static async Task<IResult> AttachmentAsync(Guid id, Guid attachmentId, HttpContext http, GongkaiDb db, LetterLog log)
    {
        if (await log.FindAsync(id, http.StaffScope(), http.RequestAborted) is null
            || await db.LetterAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.LetterId == id, http.RequestAborted) is not { } file)
            return Results.Problem("找不到该附件，或该来信不在您的管辖范围内。", statusCode: StatusCodes.Status404NotFound, title: "未找到");
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(file.Content, file.ContentType, file.FileName);
    }
}
