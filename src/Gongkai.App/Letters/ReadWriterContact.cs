using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Accounts;
using Gongkai.Core.Privacy;

namespace Gongkai.App.Letters;

/// <summary>
/// A letter writer's name, phone and e-mail for a staff member: in full to the letter handlers (互动交流 and the
/// administrators, <see cref="StaffScope.CanHandleLetters"/>), and each such read recorded on the reader's account
/// record (who, when, which letter, through what — the account page lists them); masked (张**, 138****5678) to every other role, such as 督查 —
/// as <see cref="Applications.ReadApplicantContact"/> does for applicants. Pages, the API and exports read them here.
/// </summary>
public sealed class ReadWriterContact(GongkaiDb db, TimeProvider clock)
{
    /// <param name="via">Where it was read: 办理页面, 接口 …</param>
    public async Task<WriterContact> HandleAsync(Letter letter, StaffScope actor, string via, CancellationToken ct = default)
    {
        var contact = new WriterContact(letter.WriterName, letter.Phone, letter.Email, false);
        if (!actor.CanHandleLetters)
            return contact.Mask();
        StaffAccountLogEntry.AppendOwn(db, actor, StaffAccountAction.PersonalDataRead, clock, Note(letter.Number, via));
        await db.SaveChangesAsync(ct);
        return contact;
    }

    private static string Note(string number, string via) => $"来信 {number} 的来信人姓名和联系方式：{via}";
}
