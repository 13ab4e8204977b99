using Gongkai.App.Letters;
using Gongkai.App.Units;
using Gongkai.Core.Letters;

namespace Gongkai.App.Demo;

internal sealed partial class DemoLetterLives
{
    /// <summary>One letter's steps, each dated no earlier than the one before and no later than today (later ones did not happen yet).</summary>
    private sealed class Life
    {
        private readonly DemoLetterLives lives;
        private readonly Letter letter;
        private readonly DateOnly received;
        private readonly List<LetterLogEntry> entries = [];
        private readonly Unit mailbox;
        private DateOnly cursor;
        private DateOnly? publishedOn;
        private string answer = "";

        public Life(DemoLetterLives lives, Letter letter, DateOnly received)
        {
            (this.lives, this.letter, this.received, cursor) = (lives, letter, received, received);
            mailbox = lives.byId[letter.MailboxUnitId];
            Add(LetterEventKind.Submitted, received, "来信人", e => e.Note = "来信人通过互联网提交");
        }

        private Random Random => lives.random;
        private string Office => lives.staff[mailbox.Id];

        /// <summary>The office screens a letter the day it arrives or the working day after.</summary>
        public bool Screen(LetterEventKind kind, Action<LetterLogEntry> with) =>
            Add(kind, Random.NextDouble() < 0.55 ? Working(received) : lives.calendar.AddWorkingDays(received, 1), Office, with);

        public void Transfer(TransferChannel channel) => Screen(LetterEventKind.TransferredOut, e =>
        {
            e.TransferChannel = channel;
            e.Party = channel == TransferChannel.OtherGovernment ? "来信所涉地区的人民政府" : channel.ChineseName();
            e.Note = "不属于本信箱受理范围，已按规定转出";
        });

        /// <param name="topicAnswer">The answer to the letter's topic; <paramref name="siteAnswer"/>: to a website error.</param>
        public void Handle(string? topicAnswer, string? siteAnswer, string field)
        {
            var notes = lives.texts.Notes;
            var routing = siteAnswer is not null ? RoutingClass.Immediate : Random.NextDouble() switch
            {
                < 0.20 => RoutingClass.Immediate,
                < 0.80 => RoutingClass.Referred,
                < 0.88 => RoutingClass.ToLeader,
                < 0.96 => RoutingClass.Investigation,
                _ => RoutingClass.Deferred,
            };
            if (!Screen(LetterEventKind.Accepted, e => (e.Routing, e.Note) = (routing, routing == RoutingClass.Deferred ? lives.Any(notes.Deferred) : "")))
                return;
            var unit = mailbox;
            var candidates = topicAnswer is null ? [] : lives.Handlers(mailbox, field);
            if (routing != RoutingClass.Immediate && candidates.Length > 0 && Random.NextDouble() < 0.85)
            {
                unit = Assign(lives.Any(candidates)) ?? unit;
                // 回退: not its matter; the office assigns it again to another unit, or keeps it.
                if (unit != mailbox && Random.NextDouble() < 0.03 &&
                    Add(LetterEventKind.Returned, lives.calendar.AddWorkingDays(cursor, 1), lives.staff[unit.Id], e => (e.ToUnitId, e.Note) = (unit.Id, lives.Any(notes.Returned))))
                {
                    var gaveBack = unit;
                    unit = candidates.FirstOrDefault(c => c.Id != gaveBack.Id) is { } other ? Assign(other) ?? mailbox : mailbox;
                }
            }
            letter.UnitId = unit.Id;
            var handler = lives.staff[unit.Id];
            var limit = lives.log.Settings.TimeLimits.For(letter.Type);
            var due = LetterClock.Due(lives.calendar, received, limit);
            if (Random.NextDouble() < ExtendShare)
            {
                var extra = Random.Next(1, limit + 1);
                if (Add(LetterEventKind.Extended, Between(cursor, due), handler, e => (e.Days, e.Note) = (extra, lives.Any(notes.Extended))))
                    due = LetterClock.Due(lives.calendar, received, limit + extra);
            }
            if (Random.NextDouble() < lives.backlog)
            {
                Add(LetterEventKind.Reminded, lives.calendar.AddWorkingDays(due, 1), Office, e => e.Note = lives.Any(notes.Reminded));
                return;   // never answered: open, and past the veto once three months old
            }
            var late = Random.NextDouble() < LateShare;
            var answerDay = late ? lives.calendar.AddWorkingDays(due, Random.Next(1, 9))
                : routing == RoutingClass.Immediate ? lives.calendar.AddWorkingDays(cursor, Random.Next(0, 2)) : Between(cursor, due);
            if (late && !Add(LetterEventKind.Reminded, lives.calendar.AddWorkingDays(due, 1), Office, e => e.Note = lives.Any(notes.Reminded)))
                return;
            answer = lives.Fill($"{lives.Any(lives.texts.AnswerOpenings)}{siteAnswer ?? topicAnswer}{lives.Any(lives.texts.AnswerClosings)}")
                .Replace("{U}", unit.FullName, StringComparison.Ordinal);
            var before = Previous(answerDay);
            var submitted = before >= cursor && Random.NextDouble() < 0.5 ? before : answerDay;
            if (!Add(LetterEventKind.AnswerSubmitted, submitted, handler, e => e.Note = answer))
                return;
            if (Random.NextDouble() < 0.06 && !(Add(LetterEventKind.AnswerReturned, submitted, Office, e => e.Note = lives.Any(notes.ReturnedAnswer))
                && Add(LetterEventKind.AnswerSubmitted, answerDay, handler, e => e.Note = answer)))
                return;
            if (!Add(LetterEventKind.Answered, answerDay, Office, e => e.Note = answer))
                return;
            AfterAnswer(answerDay);
        }

        /// <summary>The writer rates within the window or it lapses; the office may publish the letter a few days after the answer.</summary>
        private void AfterAnswer(DateOnly answered)
        {
            var closes = LetterClock.RatingClosesOn(lives.calendar, answered, lives.log.Settings.RatingWindowDays);
            var after = new List<(DateOnly Day, LetterEventKind Kind, string Actor, Action<LetterLogEntry> With)>();
            if (Random.NextDouble() < RatedShare)
            {
                var rating = Random.NextDouble() switch { < 0.60 => LetterRating.Satisfied, < 0.85 => LetterRating.FairlySatisfied, _ => LetterRating.Unsatisfied };
                after.Add((lives.calendar.AddWorkingDays(answered, Random.Next(0, 7)), LetterEventKind.Rated, "来信人", e => e.Rating = rating));
            }
            else if (closes < lives.today)
                after.Add((closes.AddDays(1), LetterEventKind.RatingLapsed, "系统", e => e.Note = $"评价期限于 {closes:yyyy-MM-dd} 届满，来信人未评价，视为满意。"));
            if (letter.PublishConsent && Random.NextDouble() < PublishShare)
                after.Add((lives.calendar.AddWorkingDays(answered, Random.Next(1, 6)), LetterEventKind.Published, Office, e => e.Note = "公开选登"));
            foreach (var (day, kind, actor, with) in after.OrderBy(a => a.Day))
            {
                if (!Add(kind, day, actor, with))
                    break;
                if (kind == LetterEventKind.Published)
                    publishedOn = day;
            }
        }

        /// <summary>Numbers the steps, times them within office hours (Beijing), and derives the letter's columns from its log.</summary>
        public void Finish()
        {
            var last = DateTime.MinValue;
            for (var i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                (entry.LetterId, entry.Sequence) = (letter.Id, i + 1);
                var at = entry.Date.ToDateTime(new TimeOnly(0, 30), DateTimeKind.Utc).AddMinutes(Random.Next(0, 540));
                entry.RecordedAt = last = at > last ? at : last.AddMinutes(1);
            }
            letter.CreatedAt = entries[0].RecordedAt;
            letter.Log = entries;
            lives.log.Refresh(letter, lives.calendar);
            if (!letter.Published)
                return;
            letter.PublishedOn = publishedOn;
            (letter.PublishedSubject, letter.PublishedContent, letter.PublishedAnswer) = (letter.Subject, letter.Content, answer);
        }

        private Unit? Assign(Unit to) =>
            Add(LetterEventKind.Assigned, cursor, Office, e => (e.ToUnitId, e.Note) = (to.Id, $"交{to.FullName}办理")) ? to : null;

        private bool Add(LetterEventKind kind, DateOnly date, string actor, Action<LetterLogEntry> with)
        {
            date = date < cursor ? cursor : date;
            if (date > lives.today)
                return false;
            var entry = new LetterLogEntry { Kind = kind, Date = date, ActorName = actor };
            with(entry);
            entries.Add(entry);
            cursor = date;
            return true;
        }

        /// <summary>A working day from <paramref name="from"/> to <paramref name="to"/>, any of them alike.</summary>
        private DateOnly Between(DateOnly from, DateOnly to) =>
            to <= from ? from : lives.calendar.AddWorkingDays(from, Random.Next(0, lives.calendar.WorkingDaysBetween(from, to) + 1));

        private DateOnly Working(DateOnly day) => lives.calendar.IsWorkingDay(day) ? day : lives.calendar.AddWorkingDays(day, 1);

        private DateOnly Previous(DateOnly day)
        {
            do
                day = day.AddDays(-1);
            while (!lives.calendar.IsWorkingDay(day));
            return day;
        }
    }
}
