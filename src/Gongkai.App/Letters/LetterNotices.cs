using Gongkai.App.Accounts;
using Gongkai.Core.Documents;
using Gongkai.Core.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>
/// 来信答复意见书: the answer to a letter as a written notice (page and DOCX): what was received on which day, the
/// answer, and how to rate it or ask once more within the rating window. While the answer waits for review it is
/// built from the submitted answer as a draft, dated today.
/// </summary>
public sealed class LetterNotices(Data.GongkaiDb db, LetterLog log)
{
    public sealed record Result(Notice Notice, bool Draft);

    public async Task<Result?> FindAsync(Guid letterId, StaffScope actor, CancellationToken ct = default)
    {
        var letter = await log.FindAsync(letterId, actor, ct);
        if (letter is null)
            return null;
        var calendar = await log.CalendarAsync(ct);
        var status = log.Status(letter, calendar);
        var submitted = letter.Log.OrderBy(e => e.Sequence).LastOrDefault(e => e.Kind == LetterEventKind.AnswerSubmitted);
        var draft = status.AnsweredOn is null;
        if (draft && (status.State != LetterState.AwaitingReview || submitted is null))
            return null;
        var answer = draft ? submitted!.Note : letter.Answer;
        var date = status.AnsweredOn ?? log.Today;
        var closes = LetterClock.RatingClosesOn(calendar, date, log.Settings.RatingWindowDays);
        var mailbox = letter.Channel == LetterChannel.SiteError ? "“我为政府网站找错”栏目"
            : await db.Mailboxes.AsNoTracking().Where(m => m.UnitId == letter.MailboxUnitId).Select(m => m.Name).SingleOrDefaultAsync(ct) ?? $"{letter.MailboxUnit.ShortName}信箱";
        var files = submitted is null ? []
            : await db.LetterAttachments.AsNoTracking().Where(a => a.LogEntryId == submitted.Id).OrderBy(a => a.FileName).Select(a => a.FileName).ToListAsync(ct);
        var track = log.Settings.PublicUrl.Length > 0 ? $"{log.Settings.PublicUrl.TrimEnd('/')}/hdjl/track" : "本网站“来信查询”页面";
        var paragraphs = new List<string>
        {
            $"您于{Notice.ChineseDate(status.Received)}通过{mailbox}提交的来信《{letter.Subject}》（{letter.Type.ChineseName()}，编号 {letter.Number}）收悉。经{letter.Unit.FullName}办理，现答复如下：",
        };
        paragraphs.AddRange(answer.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (files.Count > 0)
            paragraphs.Add($"附件：{string.Join("、", files.Select(f => $"《{f}》"))}");
        paragraphs.Add($"如对本答复有意见，请于{Notice.ChineseDate(closes)}前凭查询码在{track}评价（满意、基本满意或不满意）；逾期未评价的，视为满意。" +
            "评价为不满意的，可在上述期限内申请再次办理一次。");
        paragraphs.Add("感谢您对我们工作的关心和支持。");
        return new Result(new Notice("来信答复意见书", $"来信编号：{letter.Number}", letter.WriterName.Length > 0 ? letter.WriterName : "来信人",
            paragraphs, letter.Unit.FullName, date), draft);
    }
}
