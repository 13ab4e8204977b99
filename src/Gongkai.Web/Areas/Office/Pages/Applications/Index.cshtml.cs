using Gongkai.App.Units;
using Gongkai.App;
using Gongkai.App.Applications;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.Core.Applications;
using Gongkai.Web.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Areas.Office.Pages.Applications;

/// <summary>
/// The inbox: applications of the account's subtree, those awaiting confirmation of receipt first, then by due date
/// (<see cref="ApplicationLists.InInboxOrder"/>), with 即将到期 / 已逾期 flags.
/// </summary>
public class IndexModel(GongkaiDb db, OfficialCalendar calendars, TimeProvider clock) : PageModel
{
    public sealed record Row(Guid Id, string TrackingCode, string ApplicantName, ApplicantKind ApplicantKind, string Unit, DateTime SubmittedAt,
        DateOnly? ReceivedOn, DateOnly? DueOn, ApplicationState State, Outcome? Outcome, int? DaysLeft, bool Overdue, bool DueSoon, DateOnly? ApplicantDeadline)
    {
        /// <summary>The applicant's correction period or payment deadline has passed: the office may close it as （六）1 or （六）2.</summary>
        public bool ApplicantLate(DateOnly today) =>
            State is ApplicationState.AwaitingCorrection or ApplicationState.AwaitingPayment && ApplicantDeadline < today;
    }

    [BindProperty(SupportsGet = true)] public string Show { get; set; } = "open";

    /// <summary>"soon" (即将到期) or "overdue" (已逾期): open applications by due date, as the 工作台 and 督办 count them.</summary>
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }

    public ApplicationDue? ChosenDue => ApplicationLists.ParseDue(Due);
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanHandle { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = HttpContext.StaffScope();
        CanHandle = scope.CanHandleApplications;
        var scopePath = scope.ScopePath;
        var calendar = await calendars.GetAsync(db);
        var today = Today = clock.Today();
        var query = db.Applications.AsNoTracking().Within(scopePath).Showing(Show);
        if (ChosenDue is { } due)
            query = query.DueWithin(due, calendar, today);
        var items = await query.InInboxOrder().Take(500)
            .Select(a => new
            {
                a.Id,
                a.TrackingCode,
                a.ApplicantName,
                a.ApplicantKind,
                Unit = a.Unit.ShortName,
                a.CreatedAt,
                a.ReceivedOn,
                a.DueOn,
                a.State,
                a.Outcome,
                ApplicantDeadline = a.Log.Where(e => e.Kind == ApplicationEventKind.CorrectionRequested || e.Kind == ApplicationEventKind.FeeNoticeSent)
                    .OrderByDescending(e => e.Sequence).Select(e => e.Until).FirstOrDefault(),
            })
            .ToListAsync();
        Rows = [.. items.Select(a =>
        {
            var open = a.State != ApplicationState.Answered;
            int? left = open && a.DueOn is { } due ? DeadlineClock.WorkingDaysLeft(calendar, today, due) : null;
            return new Row(a.Id, a.TrackingCode, a.ApplicantName, a.ApplicantKind, a.Unit, a.CreatedAt, a.ReceivedOn, a.DueOn, a.State, a.Outcome, left,
                left < 0, left is { } l && DeadlineClock.IsDueSoon(l), a.ApplicantDeadline);
        })];
    }
}
