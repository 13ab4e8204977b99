using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Outbox;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>
/// A staff step on a letter: the mailbox office screens it (受理 / 无效 / 转出), assigns it (交办), sets its routing
/// class, reminds (催办), reviews the answer (退回 / 通过并答复) and withdraws a publication; the handling unit gives a
/// letter back (回退), extends once, and submits its answer. Each is one log entry; the state and clock follow from the log.
/// </summary>
public sealed class RecordLetterStep(GongkaiDb db, LetterLog log, TimeProvider clock)
{
    /// <param name="Note">The answer's text, or why: the reason of an extension, a return, a deferral, a reminder's words.</param>
    /// <param name="UnitCode">For 交办: the unit (of the mailbox's subtree) it goes to.</param>
    /// <param name="Party">For 转出: where it went (the 信访 office, the other government) by name.</param>
    public sealed record Input(Guid LetterId, LetterEventKind Kind, string Note = "", int? Days = null, InvalidReason? InvalidReason = null,
        TransferChannel? Transfer = null, RoutingClass? Routing = null, string? UnitCode = null, string Party = "",
        IReadOnlyList<LetterUpload>? Files = null);

    /// <summary>Steps only the mailbox office (whose scope covers the mailbox's unit) takes.</summary>
    public static readonly LetterEventKind[] OfficeSteps =
    [
        LetterEventKind.Accepted, LetterEventKind.Rejected, LetterEventKind.TransferredOut, LetterEventKind.Assigned, LetterEventKind.Routed,
        LetterEventKind.Reminded, LetterEventKind.AnswerReturned, LetterEventKind.Answered, LetterEventKind.Unpublished,
    ];

    /// <summary>Steps the handling unit takes (the mailbox office may take them too, for a letter it handles itself).</summary>
    public static readonly LetterEventKind[] UnitSteps = [LetterEventKind.Returned, LetterEventKind.Extended, LetterEventKind.AnswerSubmitted];

    public async Task<Outcome<LetterLogEntry>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleLetters)
            return Outcome<LetterLogEntry>.Denied("只有互动交流人员或管理员可以办理来信。");
        if (!OfficeSteps.Contains(input.Kind) && !UnitSteps.Contains(input.Kind))
            return Outcome<LetterLogEntry>.Invalid("kind", "不支持的办理步骤。");
        var letter = await log.FindAsync(input.LetterId, actor, ct);
        if (letter is null)
            return Outcome<LetterLogEntry>.Missing("找不到该来信，或该来信不在您的管辖范围内。");
        var office = actor.Covers(letter.MailboxUnit.Path);
        if (OfficeSteps.Contains(input.Kind) && !office)
            return Outcome<LetterLogEntry>.Denied($"“{input.Kind.ChineseName()}”由信箱所属单位（{letter.MailboxUnit.FullName}）办理。");
        if (input.Kind == LetterEventKind.Returned && letter.UnitId == letter.MailboxUnitId)
            return Outcome<LetterLogEntry>.Invalid("kind", "来信尚未交办，无需回退。");

        var problems = new List<Problem>();
        var note = (input.Note ?? "").Trim();
        Units.Unit? target = null;
        switch (input.Kind)
        {
            case LetterEventKind.Rejected when input.InvalidReason is null:
                problems.Add(new("invalidReason", "请选择无效的原因：重复来信、内容空泛、辱骂攻击、广告或不属于本级政府职责范围。"));
                break;
            case LetterEventKind.TransferredOut when input.Transfer is null:
                problems.Add(new("transfer", "请选择转出渠道：信访、纪检监察或其他地方政府。"));
                break;
            case LetterEventKind.TransferredOut when input.Transfer == TransferChannel.OtherGovernment && string.IsNullOrWhiteSpace(input.Party):
                problems.Add(new("party", "请填写转往的地方政府名称。"));
                break;
            case LetterEventKind.Assigned:
                target = OrganisationCode.TryParse(input.UnitCode ?? "", out var code, out _)
                    ? await db.Units.SingleOrDefaultAsync(u => u.Code == code!.Value, ct) : null;
                if (target is null || !Core.Units.UnitPath.IsWithin(target.Path, letter.MailboxUnit.Path) || !actor.Covers(target.Path))
                    problems.Add(new("unitCode", "请选择信箱所属单位或其下级单位作为承办单位。"));
                else if (target.Id == letter.UnitId)
                    problems.Add(new("unitCode", $"来信已由{target.FullName}承办。"));
                break;
            case LetterEventKind.Routed when input.Routing is null:
                problems.Add(new("routing", "请选择办理类型：即办、转办、呈办、查办或缓办。"));
                break;
        }
        if (input.Routing == RoutingClass.Deferred && note.Length == 0)
            problems.Add(new("note", "缓办须说明理由。"));
        if (input.Kind is LetterEventKind.Extended or LetterEventKind.Returned or LetterEventKind.AnswerReturned && note.Length == 0)
            problems.Add(new("note", input.Kind == LetterEventKind.Extended ? "请说明延期的理由。" : "请说明退回的理由。"));
        if (input.Kind == LetterEventKind.AnswerSubmitted && note.Length < 10)
            problems.Add(new("note", "请填写答复内容（至少 10 个字）。"));
        if (note.Length > LetterRequest.MaxContent)
            problems.Add(new("note", $"内容不能超过 {LetterRequest.MaxContent} 字。"));
        var files = new List<LetterAttachment>();
        foreach (var file in input.Files ?? [])
        {
            var (check, name, problem) = AttachmentRules.CheckUpload(file.FileName, file.Content, AttachmentRules.DefaultMaxBytes, AcceptedKinds.ReleasedDocuments);
            if (problem is not null)
                problems.Add(new("files", problem));
            else
                files.Add(new LetterAttachment { LetterId = letter.Id, FileName = name, ContentType = check.Kind.MimeType(), Content = file.Content });
        }
        if (files.Count > 0 && input.Kind != LetterEventKind.AnswerSubmitted)
            problems.Add(new("files", "只有提交答复时可以附文件。"));
        if (problems.Count > 0)
            return Outcome<LetterLogEntry>.Invalid(problems);

        var entry = new LetterLogEntry
        {
            Kind = input.Kind,
            Date = log.Today,
            Note = input.Kind == LetterEventKind.Answered && note.Length == 0 ? LastAnswer(letter) : note,
            Days = input.Days,
            InvalidReason = input.Kind == LetterEventKind.Rejected ? input.InvalidReason : null,
            TransferChannel = input.Kind == LetterEventKind.TransferredOut ? input.Transfer : null,
            Routing = input.Kind is LetterEventKind.Accepted or LetterEventKind.Routed ? input.Routing ?? RoutingClass.Referred : null,
            ToUnitId = input.Kind == LetterEventKind.Assigned ? target!.Id : input.Kind == LetterEventKind.Returned ? letter.UnitId : null,
            Party = input.Kind == LetterEventKind.TransferredOut ? (input.Party.Trim().Length > 0 ? input.Party.Trim() : input.Transfer!.Value.ChineseName()) : "",
        };
        var (wasPublished, answeredBefore) = (letter.Published, letter.AnsweredOn);
        if (await log.AppendAsync(letter, entry, actor.AccountId, actor.DisplayName, ct) is { } refusal)
            return Outcome<LetterLogEntry>.Invalid("kind", refusal);
        // A published letter withdrawn (撤销公开) leaves the search index; one answered again moves in its order.
        if (wasPublished && (!letter.Published || letter.AnsweredOn != answeredBefore))
            db.Add(Search.SearchChange.ForLetter(letter.Id, clock.GetUtcNow().UtcDateTime));
        if (input.Kind == LetterEventKind.Assigned)
            letter.UnitId = target!.Id;
        if (input.Kind == LetterEventKind.Returned)
            letter.UnitId = letter.MailboxUnitId;
        if (input.Kind == LetterEventKind.Answered)
            NotifyWriter(letter);
        await db.SaveChangesAsync(ct);
        if (files.Count > 0)
        {
            foreach (var file in files)
                file.LogEntryId = entry.Id;
            db.LetterAttachments.AddRange(files);
            await db.SaveChangesAsync(ct);
        }
        return Outcome<LetterLogEntry>.Done(entry);
    }

    private static string LastAnswer(Letter letter) =>
        letter.Log.OrderBy(e => e.Sequence).LastOrDefault(e => e.Kind == LetterEventKind.AnswerSubmitted)?.Note ?? "";

    /// <summary>The writer is told the letter is answered: by e-mail when given, otherwise by SMS, through the outbox.</summary>
    private void NotifyWriter(Letter letter)
    {
        var track = log.Settings.PublicUrl.Length > 0 ? $"{log.Settings.PublicUrl.TrimEnd('/')}/hdjl/track" : "本网站“来信查询”页面";
        var body = $"{letter.WriterName}：您于{Core.Documents.Notice.ChineseDate(letter.ReceivedOn)}提交的来信《{letter.Subject}》（编号 {letter.Number}）已答复。" +
            $"请凭查询码在{track}查看答复内容，并在 {log.Settings.RatingWindowDays} 个工作日内评价。";
        var (channel, to) = letter.Email.Length > 0 ? (OutboxChannel.Email, letter.Email) : (OutboxChannel.Sms, letter.Phone);
        OutboxMessages.Enqueue(db, channel, to, $"您的来信已答复（编号 {letter.Number}）", body, $"letter:{letter.Number}", clock.GetUtcNow().UtcDateTime);
    }
}
