using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Letters;
using Gongkai.Core.Privacy;

namespace Gongkai.App.Letters;

/// <summary>
/// 公开选登: the mailbox office publishes an answered letter the writer agreed to publish, with the subject, content and
/// answer as it edits them. Each text must pass the personal-data screen (<see cref="PersonalDataScreen"/>) first:
/// an identity number, a phone number or an address left in is refused with where it is. The writer's name is shown
/// masked (张**), with the date written and the date answered. The letter is queued for the search index in the same write.
/// </summary>
public sealed class PublishLetter(GongkaiDb db, LetterLog log, TimeProvider clock)
{
    public sealed record Input(Guid LetterId, string Subject, string Content, string Answer);

    public async Task<Outcome<LetterLogEntry>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleLetters)
            return Outcome<LetterLogEntry>.Denied("只有互动交流人员或管理员可以公开来信。");
        var letter = await log.FindAsync(input.LetterId, actor, ct);
        if (letter is null)
            return Outcome<LetterLogEntry>.Missing("找不到该来信，或该来信不在您的管辖范围内。");
        if (!actor.Covers(letter.MailboxUnit.Path))
            return Outcome<LetterLogEntry>.Denied($"公开选登由信箱所属单位（{letter.MailboxUnit.FullName}）办理。");
        var texts = new (string Field, string Label, string Text, int Max)[]
        {
            ("subject", "标题", (input.Subject ?? "").Trim(), LetterRequest.MaxSubject),
            ("content", "来信内容", (input.Content ?? "").Trim(), LetterRequest.MaxContent),
            ("answer", "答复内容", (input.Answer ?? "").Trim(), LetterRequest.MaxContent),
        };
        var problems = new List<Problem>();
        foreach (var (field, label, text, max) in texts)
        {
            if (text.Length == 0)
                problems.Add(new(field, $"请填写公开的{label}。"));
            else if (text.Length > max)
                problems.Add(new(field, $"公开的{label}不能超过 {max} 字。"));
            foreach (var hit in PersonalDataScreen.Find(text).Take(5))
                problems.Add(new(field, $"{label}含有个人信息：{hit.Kind.ChineseName()}“…{hit.Context(text)}…”，请删除或遮盖后再公开。"));
            if (letter.WriterName.Trim().Length >= 2 && text.Contains(letter.WriterName.Trim(), StringComparison.Ordinal))
                problems.Add(new(field, $"{label}含有来信人姓名，请删除或改为“来信人”后再公开。"));
        }
        if (problems.Count > 0)
            return Outcome<LetterLogEntry>.Invalid(problems);

        var entry = new LetterLogEntry { Kind = LetterEventKind.Published, Date = log.Today, Note = "公开选登" };
        if (await log.AppendAsync(letter, entry, actor.AccountId, actor.DisplayName, ct) is { } refusal)
            return Outcome<LetterLogEntry>.Invalid("letter", refusal);
        letter.PublishedSubject = texts[0].Text;
        letter.PublishedContent = texts[1].Text;
        letter.PublishedAnswer = texts[2].Text;
        letter.PublishedOn = log.Today;
        db.Add(Search.SearchChange.ForLetter(letter.Id, clock.GetUtcNow().UtcDateTime));   // searchable once the index follows the log
        await db.SaveChangesAsync(ct);
        return Outcome<LetterLogEntry>.Done(entry);
    }
}
