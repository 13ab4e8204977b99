using Gongkai.App.Data;

namespace Gongkai.App.Letters;

/// <summary>
/// 问题已解决，不再提交: the writer, shown published answers and catalog items like the letter being written, stopped
/// there. Counted per mailbox and day (<see cref="LetterSuggestionOutcome"/>) for the statistics; nothing of the text
/// is kept. The other outcome (sent anyway) is counted by <see cref="WriteLetter"/> with the letter.
/// </summary>
public sealed class StopAfterSuggestions(GongkaiDb db, LetterLog log)
{
    /// <returns>The mailbox's name, or Missing for a mailbox that is closed or does not exist.</returns>
    public async Task<Outcome<string>> HandleAsync(string mailbox, CancellationToken ct = default)
    {
        if (await WriteLetter.FindMailboxAsync(db, mailbox, ct) is not { } target)
            return Outcome<string>.Missing("该信箱不存在或已关闭。");
        db.LetterSuggestionOutcomes.Add(new LetterSuggestionOutcome { MailboxUnitId = target.UnitId, Date = log.Today, Stopped = true });
        await db.SaveChangesAsync(ct);
        return Outcome<string>.Done(target.Name);
    }
}
