using Gongkai.App.Tracking;
using Gongkai.App.Applications;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Applications;
using Gongkai.Core.Calendar;
using Microsoft.EntityFrameworkCore;
using E = Gongkai.Core.Applications.ApplicationEventKind;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo seed`, after <see cref="SeedDemoData"/>: three years and more of fictional disclosure applications to the demo units
/// of 青岚市, so the inbox, the supervision page and the annual report have something to show. The data is the same
/// for the same day (fixed seed). Every log entry is checked against the rules of real use
/// (<see cref="ApplicationHistory.Refusal"/>) and the derived columns come from <see cref="ApplicationLog.Refresh"/>.
/// Adds nothing when any application exists.
/// </summary>
public sealed partial class SeedDemoApplications(GongkaiDb db, OfficialCalendar calendars, TimeProvider clock)
{
    /// <summary>The generator's seed: 国务院令第711号, the 2019 条例.</summary>
    private const int Seed = 711;

    private const string Officer = "办理人员（演示）";

    /// <summary>What happens to an application besides being answered in time.</summary>
    [Flags]
    private enum Twist
    {
        None = 0, Correction = 1, Consultation = 2, Fee = 4, Extension = 8, Transfer = 16,
        /// <summary>The applicant does not correct or pay: 视为放弃.</summary>
        Abandon = 32, Late = 64, Forgotten = 128, Unconfirmed = 256, AnsweredOnDueDate = 512, StillUnclear = 1024,
    }

    /// <param name="Day">The receipt date, or for an online application the day it was submitted.</param>
    private sealed record Draft(DateOnly Day, SubmissionChannel Channel, Twist Twists);

    /// <returns>How many applications were added (0 when there already are some, or no demo unit exists).</returns>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        if (await db.Applications.AnyAsync(ct))
            return 0;
        var byCode = DemoUnits.ToDictionary(u => SeedDemoData.CodeOf(u.Key));
        var codes = byCode.Keys.ToList();
        var units = await db.Units.AsNoTracking().Where(u => codes.Contains(u.Code)).ToListAsync(ct);
        if (units.Count == 0)
            return 0;
        var present = units.Select(u => (Demo: byCode[u.Code], Unit: u)).OrderBy(p => Array.IndexOf(DemoUnits, p.Demo)).ToList();
        var applications = new Year(new Random(Seed), await calendars.GetAsync(db, ct), clock, present).Generate();
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync(ct);
        return applications.Count;
    }

    private sealed partial class Year(Random random, WorkCalendar calendar, TimeProvider clock, IReadOnlyList<(DemoUnit Demo, Unit Unit)> units)
    {
        private readonly DateOnly today = clock.Today();
        private readonly DateTime now = clock.GetUtcNow().UtcDateTime;
        private readonly Queue<Outcome> deck = new();
        private List<ApplicationLogEntry> log = [];
        private DateOnly cursor;

        public List<Application> Generate()
        {
            // From 1 January three years back, so the last three years' reports (and the year before them, for 同比 and
            // the carry-over) have applications; about 330 a year.
            var first = new DateOnly(today.Year - 3, 1, 1);
            var workdays = Enumerable.Range(0, today.DayNumber - first.DayNumber + 1).Select(i => today.AddDays(-i)).Where(calendar.IsWorkingDay).ToList();
            var drafts = new List<Draft>();
            for (var i = (int)((today.DayNumber - first.DayNumber) / 365.25 * 330) + random.Next(41); i > 0; i--)
            {
                var channel = Pick(Channels, c => c.Weight).Channel;
                var day = channel == SubmissionChannel.Online ? first.AddDays(random.Next(today.DayNumber - first.DayNumber + 1)) : Any(workdays);
                var twists = Maybe(9, Twist.Correction) | Maybe(8, Twist.Consultation) | Maybe(5, Twist.Extension)
                    | Maybe(1.5, Twist.Fee) | Maybe(1.5, Twist.Transfer) | Maybe(2, Twist.Late);
                drafts.Add(new(day, channel, twists));
            }
            foreach (var (twists, minAge, maxAge, count) in Specials)
            {
                for (var i = 0; i < count; i++)
                {
                    var age = random.Next(minAge, maxAge + 1);
                    drafts.Add(twists == Twist.Unconfirmed
                        ? new(today.AddDays(-age), SubmissionChannel.Online, twists)
                        : new(workdays[Math.Min(age, workdays.Count - 1)], Pick(Channels, c => c.Weight).Channel, twists));
                }
            }
            return [.. drafts.OrderBy(d => d.Day).Select((d, i) => Build(d, i + 1))];
        }

        private Application Build(Draft draft, int number)
        {
            var (demo, unit) = Pick(units, u => u.Demo.Weight);
            var application = new Application
            {
                TrackingCode = TrackingCode.New(),
                UnitId = unit.Id,
                Channel = draft.Channel,
                Description = Describe(demo, draft.Day),
            };
            Applicant(application, Pick(Kinds, k => k.Weight).Kind, demo, number);
            log = application.Log;
            Script(draft, unit);
            application.UnitId = log.LastOrDefault(e => e.Kind == E.Transferred)?.ToUnitId ?? unit.Id;
            application.CreatedAt = log[0].RecordedAt;
            ApplicationLog.Refresh(application, calendar, today);
            return application;
        }

        /// <summary>Writes the application's log step by step, up to today.</summary>
        private void Script(Draft draft, Unit unit)
        {
            var t = draft.Twists;
            if (draft.Channel == SubmissionChannel.Online)
            {
                Append(new() { Kind = E.SubmittedOnline, Date = draft.Day, Note = "申请人通过互联网提交申请" }, "申请人");
                var confirmed = calendar.IsWorkingDay(draft.Day) && random.Next(3) > 0 ? draft.Day : calendar.AddWorkingDays(draft.Day, 1);
                if (t.HasFlag(Twist.Unconfirmed) || !Append(new() { Kind = E.Confirmed, Date = confirmed, Note = "核对申请内容，确认收到申请" }))
                    return;
            }
            else
            {
                Append(new() { Kind = E.Recorded, Date = draft.Day, Note = $"{draft.Channel.ChineseName()}，登记收到申请" });
            }
            cursor = log[^1].Date;
            Outcome? outcome = t.HasFlag(Twist.StillUnclear) ? Outcome.UnclearAfterCorrection : null;
            if (t.HasFlag(Twist.Transfer) && units.Count > 1)
            {
                var target = Other(unit);
                var transfer = new ApplicationLogEntry
                {
                    Kind = E.Transferred,
                    Date = Next(1, 2),
                    Note = $"所申请信息由{target.FullName}制作并保存，转其办理。",
                    Party = target.FullName,
                    ToUnitId = target.Id,
                };
                if (!Append(transfer))
                    return;
            }
            if (t.HasFlag(Twist.Correction))
            {
                var until = calendar.AddWorkingDays(Next(1, 4), 10);
                if (!Append(new() { Kind = E.CorrectionRequested, Date = cursor, Note = Any(CorrectionNotes), Until = until }))
                    return;
                if (t.HasFlag(Twist.Abandon))
                {
                    Answer(calendar.AddWorkingDays(until, random.Next(1, 4)), Outcome.CorrectionOverdue);
                    return;
                }
                if (!Append(new() { Kind = E.CorrectionReceived, Date = Next(2, 8), Note = "收到申请人补正后的申请。" }))
                    return;
            }
            if (t.HasFlag(Twist.Consultation))
            {
                var thirdParty = units.Count == 1 || random.Next(3) > 0;
                var consulted = new ApplicationLogEntry
                {
                    Kind = thirdParty ? E.ThirdPartyConsulted : E.OtherUnitConsulted,
                    Date = Next(2, 5),
                    Party = thirdParty ? Any(ThirdParties) : Other(unit).FullName,
                    Note = "书面征求意见，请于 15 个工作日内提出意见。",
                };
                if (!Append(consulted) || !Append(new() { Kind = E.ConsultationEnded, Date = Next(8, 15), Note = Any(thirdParty ? ThirdPartyReplies : UnitReplies) }))
                    return;
                outcome ??= thirdParty ? Any([Outcome.Provided, Outcome.PartiallyDisclosed, Outcome.ThirdPartyRights])
                    : Any([Outcome.Provided, Outcome.PartiallyDisclosed, Outcome.ProcessInformation]);
            }
            if (t.HasFlag(Twist.Fee))
            {
                var (nth, pages) = (random.Next(11, 26), random.Next(40, 261));
                var perApplication = random.Next(3) == 0;
                var amount = perApplication ? ProcessingFee.PerApplication(nth) : ProcessingFee.PerPage(pages);
                var basis = perApplication ? $"按件计收：本月第 {nth} 件申请" : $"按量计收：所需信息共 {pages} 页";
                var notice = Next(2, 5);
                var payBy = calendar.AddWorkingDays(notice, ClockRules.FeePaymentDays);
                var fee = new ApplicationLogEntry
                {
                    Kind = E.FeeNoticeSent,
                    Date = notice,
                    Amount = amount,
                    Until = payBy,
                    Note = $"{basis}，信息处理费 {amount:0} 元（国办函〔2020〕109号）。",
                };
                if (!Append(fee))
                    return;
                if (t.HasFlag(Twist.Abandon))
                {
                    Answer(calendar.AddWorkingDays(payBy, random.Next(1, 3)), Outcome.FeeUnpaid);
                    return;
                }
                if (!Append(new() { Kind = E.FeePaid, Date = Next(2, 12), Note = "申请人已缴纳信息处理费。" }))
                    return;
                outcome ??= random.Next(4) > 0 ? Outcome.Provided : Outcome.PartiallyDisclosed;
            }
            var deadline = Deadline();
            var (start, due) = (deadline.Start, deadline.Due ?? cursor);
            var days = random.Next(100) switch { < 10 => random.Next(1, 6), < 50 => random.Next(6, 15), _ => random.Next(15, 21) };
            if (t.HasFlag(Twist.Extension))
            {
                // Extended a few days before the due date, answered within the longer period.
                var extended = calendar.AddWorkingDays(cursor, Math.Max(0, calendar.WorkingDaysBetween(cursor, due) - random.Next(1, 5)));
                var extension = new ApplicationLogEntry
                {
                    Kind = E.Extended,
                    Date = extended,
                    Days = Any([20, 20, 20, 15, 10]),
                    Party = Any(Approvers),
                    Note = Any(ExtensionReasons),
                };
                if (!Append(extension))
                    return;
                (start, due) = (extended, Deadline().Due ?? cursor);
                days = random.Next(1, calendar.WorkingDaysBetween(start, due) + 1);
            }
            if (t.HasFlag(Twist.Forgotten))
                return;
            var date = calendar.AddWorkingDays(start, days);
            date = t.HasFlag(Twist.Late) ? calendar.AddWorkingDays(due, random.Next(1, 6)) : t.HasFlag(Twist.AnsweredOnDueDate) || date > due ? due : date;
            Answer(date < cursor ? cursor : date, outcome ?? Draw());
        }

        private void Answer(DateOnly date, Outcome outcome) =>
            Append(new() { Kind = E.Answered, Date = date, Outcome = outcome, Note = Reasons[outcome] });

        /// <summary>
        /// Appends the entry when the rules allow it, as the office pages would. False once the script reaches past
        /// today: the later steps have not happened yet.
        /// </summary>
        private bool Append(ApplicationLogEntry entry, string actor = Officer)
        {
            if (entry.Date > today)
                return false;
            if (log.Count > 0 && ApplicationHistory.Refusal(ApplicationHistory.Replay(log.Select(e => e.ToEvent())), entry.ToEvent(), today) is not null)
                return true;
            var local = entry.Kind == E.SubmittedOnline ? new TimeOnly(random.Next(7, 23), random.Next(60)) : new TimeOnly(8, 30).AddMinutes(random.Next(540));
            var at = DateTime.SpecifyKind(entry.Date.ToDateTime(local).AddHours(-8), DateTimeKind.Utc);
            at = at > now ? now : at;
            entry.RecordedAt = log.Count > 0 && at <= log[^1].RecordedAt ? log[^1].RecordedAt.AddMinutes(random.Next(5, 60)) : at;
            entry.Sequence = log.Count + 1;
            entry.ActorName = actor;
            log.Add(entry);
            return true;
        }

        private Deadline Deadline() => DeadlineClock.Compute(calendar, ApplicationHistory.Replay(log.Select(e => e.ToEvent())).Clock!, today);

        private DateOnly Next(int min, int max) => cursor = calendar.AddWorkingDays(cursor, random.Next(min, max + 1));
    }
}
