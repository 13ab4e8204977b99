using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>
/// The writer's receipt of a letter sent from the portal (信件编号, 查询码, the mailbox and the due date), for the holder
/// of the receipt token the form gave them (the web's ReceiptToken), so a reload shows the same receipt.
/// </summary>
public sealed class ReadLetterReceipt(GongkaiDb db)
{
    public async Task<WriteLetter.Receipt?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var letter = await db.Letters.AsNoTracking().Where(l => l.Id == id && l.DueOn != null)
            .Select(l => new { l.Id, l.Number, l.QueryCode, l.DueOn, l.Channel, l.MailboxUnitId }).SingleOrDefaultAsync(ct);
        if (letter is null)
            return null;
        var mailbox = letter.Channel == LetterChannel.SiteError ? WriteLetter.ErrorChannelName
            : await db.Mailboxes.Where(m => m.UnitId == letter.MailboxUnitId).Select(m => m.Name).FirstOrDefaultAsync(ct) ?? "";
        return new WriteLetter.Receipt(letter.Id, letter.Number, letter.QueryCode, letter.DueOn!.Value, mailbox);
    }
}
