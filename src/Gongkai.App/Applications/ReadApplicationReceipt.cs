using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Applications;

/// <summary>
/// The applicant's receipt of an online application: the tracking code and what was submitted (the unit, the request,
/// the form and delivery chosen, the contact data). The applicant's own data, so only for the holder of the receipt
/// token the form gave them (the web's ReceiptToken); the public tracking view shows none of it.
/// </summary>
public sealed class ReadApplicationReceipt(GongkaiDb db, OfficialCalendar calendars)
{
    /// <param name="DueOn">The due date: the real one once the office confirmed receipt, otherwise the one if it confirms on the day of submission.</param>
    /// <param name="DueDateFinal">Whether the office has confirmed receipt, so <paramref name="DueOn"/> is the real due date.</param>
    public sealed record Receipt(
        string TrackingCode, string Unit, string UnitCode, DateOnly SubmittedOn, DateOnly? DueOn, bool DueDateFinal,
        string ApplicantKind, string ApplicantName, string ContactPerson, string IdType, string Phone, string Email, string Address, string PostalCode,
        string Description, string Form, string Delivery);

    public async Task<Receipt?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var a = await db.Applications.AsNoTracking().Include(x => x.Unit)
            .Where(x => x.Id == id && x.Channel == SubmissionChannel.Online).SingleOrDefaultAsync(ct);
        if (a is null)
            return null;
        var submitted = await db.ApplicationLog.Where(e => e.ApplicationId == id).OrderBy(e => e.Sequence).Select(e => e.Date).FirstAsync(ct);
        var due = a.DueOn ?? SubmitApplication.DueIfConfirmedOn(await calendars.GetAsync(db, ct), submitted);
        return new Receipt(a.TrackingCode, a.Unit.FullName, a.Unit.Code, submitted, due, a.DueOn is not null,
            a.ApplicantKind.ChineseName(), a.ApplicantName, a.ContactPerson, a.IdType.ChineseName(), a.Phone, a.Email, a.Address, a.PostalCode,
            a.Description.ReplaceLineEndings("\n"), a.Form.ChineseName(), a.Delivery.ChineseName());
    }
}
