using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.App.Tracking;
using Gongkai.Core.Calendar;
using Gongkai.Core.Letters;
using Microsoft.EntityFrameworkCore;
using E = Gongkai.Core.Letters.LetterEventKind;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo seed`, after <see cref="SeedDemoData"/>: the mailboxes of 青岚市 (市长信箱, the bureaus' and the
/// districts') and a year of fictional letters to them (about 3,000): valid and invalid, transferred, answered on time
/// and late, extended, rated or silent, a few still unanswered after three months, a published selection. Every step
/// is checked against the rules of real use (<see cref="LetterHistory.Refusal"/>) and the derived columns come from
/// <see cref="LetterLog.Refresh"/>. The same day gives the same letters (fixed seed). Adds nothing when letters exist.
/// </summary>
public sealed partial class SeedDemoLetters(GongkaiDb db, OfficialCalendar calendars, LetterLog log, TimeProvider clock)
{
    /// <summary>The generator's seed: 国办秘函〔2019〕19号, the website checks that veto an unanswered letter.</summary>
    private const int Seed = 201919;

    private const string Officer = "互动交流（演示）";

    private static readonly string[] Bureaus = ["fgw", "jyj", "czj", "zrzyj", "stj", "zjj", "wjw"];
    private static readonly string[] Districts = ["yy", "st", "lm"];

    /// <summary>Which district unit handles a city bureau's matter in a district mailbox, where the demo has one.</summary>
    private static readonly Dictionary<(string District, string Bureau), string> DistrictBureaus = new()
    {
        [("yy", "jyj")] = "yy-jyj", [("yy", "czj")] = "yy-czj", [("yy", "zjj")] = "yy-zjj", [("st", "jyj")] = "st-jyj", [("st", "wjw")] = "st-wjj",
        [("lm", "jyj")] = "lm-jyj", [("lm", "zrzyj")] = "lm-zrzyj",
    };

    /// <returns>How many letters were added.</returns>
    public async Task<int> HandleAsync(CancellationToken ct = default)
    {
        if (await db.Letters.AnyAsync(ct))
            return 0;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        var byKey = SeedDemoData.Keys.Where(k => units.ContainsKey(SeedDemoData.CodeOf(k))).ToDictionary(k => k, k => units[SeedDemoData.CodeOf(k)]);
        if (!byKey.ContainsKey("city"))
            return 0;
        var mailboxes = await OpenMailboxesAsync(byKey, ct);
        var calendar = await calendars.GetAsync(db, ct);
        var year = new Year(new Random(Seed), calendar, log, clock.Today(), byKey, mailboxes);
        var letters = year.Generate();
        db.Letters.AddRange(letters);
        db.LetterSuggestionOutcomes.AddRange(year.Suggestions());
        // The published ones queued for the search index in the same write, as every publication is.
        var now = clock.GetUtcNow().UtcDateTime;
        db.AddRange(letters.Where(Search.IndexedLetters.IsPublished).Select(l => Search.SearchChange.ForLetter(l.Id, now)));
        await db.SaveChangesAsync(ct);
        return letters.Count;
    }

    /// <summary>Opens the demo mailboxes that are not open yet, without letters (`gongkai demo letters` writes to them).</summary>
    /// <returns>How many were opened.</returns>
    public async Task<int> OpenMailboxesAsync(CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        var byKey = SeedDemoData.Keys.Where(k => units.ContainsKey(SeedDemoData.CodeOf(k))).ToDictionary(k => k, k => units[SeedDemoData.CodeOf(k)]);
        var before = await db.Mailboxes.CountAsync(ct);
        if (byKey.ContainsKey("city"))
            await OpenMailboxesAsync(byKey, ct);
        return await db.Mailboxes.CountAsync(ct) - before;
    }

    private async Task<List<string>> OpenMailboxesAsync(Dictionary<string, Units.Unit> byKey, CancellationToken ct)
    {
        var existing = await db.Mailboxes.Select(m => m.UnitId).ToListAsync(ct);
        var keys = new List<string> { "city" };
        keys.AddRange(Bureaus.Where(byKey.ContainsKey));
        keys.AddRange(Districts.Where(byKey.ContainsKey));
        for (var i = 0; i < keys.Count; i++)
        {
            var unit = byKey[keys[i]];
            if (existing.Contains(unit.Id))
                continue;
            var name = keys[i] switch
            {
                "city" => "市长信箱",
                "lm" => $"{unit.ShortName.Replace("政府", "")}县长信箱",
                "yy" or "st" => $"{unit.ShortName.Replace("政府", "")}区长信箱",
                _ => unit.ShortName.EndsWith('委') ? $"{unit.ShortName}主任信箱" : $"{unit.ShortName}局长信箱",
            };
            db.Mailboxes.Add(new Mailbox
            {
                UnitId = unit.Id, Name = name, IsOpen = true, SortOrder = i,
                Introduction = $"{name}受理对{unit.FullName}工作的咨询、建议、投诉和求助。信访事项请通过信访渠道反映，违纪违法问题请向纪检监察机关举报。",
            });
        }
        await db.SaveChangesAsync(ct);
        return keys;
    }

    private sealed class Year(Random random, WorkCalendar calendar, LetterLog log, DateOnly today, Dictionary<string, Units.Unit> units, List<string> mailboxes)
    {
        private readonly Dictionary<DateOnly, int> numbers = [];

        public List<Letter> Generate()
        {
            var letters = new List<Letter>();
            var first = today.AddDays(-365);
            for (var day = first; day <= today; day = day.AddDays(1))
            {
                var count = calendar.IsWorkingDay(day) ? random.Next(7, 13) : random.Next(2, 6);
                for (var i = 0; i < count; i++)
                    letters.Add(Letter(day, forgotten: false));
            }
            // A few valid letters nobody answered for more than three months: the 单项否决 the site check looks for.
            foreach (var age in new[] { 100, 118, 150, 200 })
                letters.Add(Letter(today.AddDays(-age), forgotten: true));
            return letters;
        }

        public IEnumerable<LetterSuggestionOutcome> Suggestions()
        {
            for (var day = today.AddDays(-365); day <= today; day = day.AddDays(1))
            {
                for (var i = random.Next(0, 3); i > 0; i--)
                    yield return new LetterSuggestionOutcome { MailboxUnitId = units[Pick(mailboxes)].Id, Date = day, Stopped = random.NextDouble() < 0.25 };
            }
        }

        private Letter Letter(DateOnly received, bool forgotten)
        {
            scene = (Pick(Places), Pick(Estates));
            var roll = random.NextDouble();
            var siteError = !forgotten && roll < 0.04;
            var mailboxKey = siteError ? "city" : roll < 0.45 ? "city" : roll < 0.72 ? Pick(mailboxes.Where(k => Districts.Contains(k)).ToList()) : Pick(mailboxes.Where(k => Bureaus.Contains(k)).ToList());
            var mailbox = units[mailboxKey];
            var letter = new Letter
            {
                Number = Number(received),
                QueryCode = TrackingCode.New(),
                Channel = siteError ? LetterChannel.SiteError : LetterChannel.Mailbox,
                MailboxUnitId = mailbox.Id,
                UnitId = mailbox.Id,
                WriterName = Pick(Surnames) + Pick(GivenNames),
                Phone = "139" + random.Next(10_000_000, 99_999_999),
                PublishConsent = random.NextDouble() < 0.6,
                CreatedAt = DateTime.SpecifyKind(received.ToDateTime(new TimeOnly(1, 0)), DateTimeKind.Utc).AddMinutes(random.Next(0, 14 * 60)),
            };
            letter.Email = random.NextDouble() < 0.4 ? $"writer{random.Next(1000, 9999)}@example.cn" : "";
            string answer;
            string? handler = null;
            var kind = forgotten ? 0.5 : random.NextDouble();
            Step(letter, E.Submitted, received, "来信人通过互联网提交");
            var next = calendar.IsWorkingDay(received) ? received : calendar.AddWorkingDays(received, 1);
            if (siteError)
            {
                var (subject, content, page, reply) = Pick(SiteErrors);
                (letter.Type, letter.Subject, letter.Content, letter.PageUrl, answer) = (LetterType.SiteError, subject, content, $"https://www.qinglan.gov.cn{page}", reply);
            }
            else if (kind < 0.08)
            {
                var (reason, subject, content) = Pick(Invalid);
                (letter.Type, letter.Subject, letter.Content) = (LetterType.Other, Fill(subject), Fill(content));
                letter.Fingerprint = LetterRequest.Fingerprint(letter.Content);
                if (next <= today)
                    Step(letter, E.Rejected, next, reason.ChineseName(), e => e.InvalidReason = reason);
                return Done(letter);
            }
            else if (kind < 0.10)
            {
                var (channel, party, subject, content) = Pick(Transferred);
                (letter.Type, letter.Subject, letter.Content) = (LetterType.Complaint, subject, content);
                letter.Fingerprint = LetterRequest.Fingerprint(letter.Content);
                if (next <= today)
                    Step(letter, E.TransferredOut, next, $"属于{channel.ChineseName()[1..]}事项，已转{party}", e => (e.TransferChannel, e.Party) = (channel, party));
                return Done(letter);
            }
            else
            {
                var fitting = Matters.Where(m => Bureaus.Contains(mailboxKey) ? m.Unit == mailboxKey : true).ToList();
                var matter = Pick(fitting);
                (letter.Type, letter.Subject, letter.Content, answer) = (matter.Type, Fill(matter.Subject), Fill(matter.Content), Fill(matter.Answer));
                handler = mailboxKey switch
                {
                    "city" => matter.Unit ?? (random.NextDouble() < 0.5 ? null : Pick(Districts)),
                    _ when Districts.Contains(mailboxKey) => matter.Unit is { } b && DistrictBureaus.TryGetValue((mailboxKey, b), out var u) ? u : null,
                    _ => null,
                };
            }
            letter.Fingerprint = LetterRequest.Fingerprint(letter.Content);
            // Today's letters and some of yesterday's wait for the office to screen them.
            if (next > today || (received >= today.AddDays(-1) && random.NextDouble() < 0.6))
                return Done(letter);
            Step(letter, E.Accepted, next, "", e => e.Routing = handler is null ? RoutingClass.Immediate : RoutingClass.Referred);
            if (handler is not null && units.TryGetValue(handler, out var unit))
            {
                Step(letter, E.Assigned, next, $"交{unit.ShortName}办理", e => e.ToUnitId = unit.Id);
                letter.UnitId = unit.Id;
            }
            var limit = log.Settings.TimeLimits.For(letter.Type);
            var due = LetterClock.Due(calendar, received, limit);
            if (forgotten)
            {
                Step(letter, E.Reminded, calendar.AddWorkingDays(due, 1), "已超过办理时限，请尽快答复。");
                return Done(letter);
            }
            var extended = random.NextDouble() < 0.05 && calendar.AddWorkingDays(next, 1) <= due && calendar.AddWorkingDays(next, 1) <= today;
            if (extended)
            {
                Step(letter, E.Extended, calendar.AddWorkingDays(next, 1), "需现场核查，延期答复。", e => e.Days = limit);
                due = LetterClock.Due(calendar, received, 2 * limit);
            }
            var late = random.NextDouble() < 0.12;
            var answeredOn = late ? calendar.AddWorkingDays(due, random.Next(1, 7)) : calendar.AddWorkingDays(received, random.Next(1, limit + 1));
            if (answeredOn < letter.Log.Max(e => e.Date))
                answeredOn = letter.Log.Max(e => e.Date);
            if (answeredOn > today || (due >= today && random.NextDouble() < 0.5))
            {
                if (random.NextDouble() < 0.3 && today >= next)
                    Step(letter, E.AnswerSubmitted, today < answeredOn ? today : answeredOn, answer);
                return Done(letter);
            }
            Step(letter, E.AnswerSubmitted, answeredOn, answer);
            Step(letter, E.Answered, answeredOn, answer);
            var closes = LetterClock.RatingClosesOn(calendar, answeredOn, log.Settings.RatingWindowDays);
            var rated = random.NextDouble() < (closes < today ? 0.55 : 0.3);
            var lastDay = closes < today ? closes : today;
            if (rated)
            {
                var r = random.NextDouble();
                var rating = r < 0.7 ? LetterRating.Satisfied : r < 0.9 ? LetterRating.FairlySatisfied : LetterRating.Unsatisfied;
                Step(letter, E.Rated, answeredOn.AddDays(random.Next(0, Math.Max(1, lastDay.DayNumber - answeredOn.DayNumber + 1))), "", e => e.Rating = rating);
            }
            else if (closes < today)
                Step(letter, E.RatingLapsed, closes.AddDays(1), $"评价期限于 {closes:yyyy-MM-dd} 届满，来信人未评价，视为满意。");
            if (letter.PublishConsent && random.NextDouble() < 0.3)
            {
                var on = letter.Log.Max(e => e.Date);
                Step(letter, E.Published, on, "公开选登");
                (letter.PublishedSubject, letter.PublishedContent, letter.PublishedAnswer, letter.PublishedOn) = (letter.Subject, letter.Content, answer, on);
            }
            return Done(letter);
        }

        private void Step(Letter letter, LetterEventKind kind, DateOnly date, string note, Action<LetterLogEntry>? fill = null)
        {
            var entry = new LetterLogEntry
            {
                LetterId = letter.Id, Sequence = letter.Log.Count + 1, Kind = kind, Date = date, Note = note,
                RecordedAt = DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc),
                ActorName = kind is E.Submitted or E.Rated ? "来信人" : kind == E.RatingLapsed ? "系统" : Officer,
            };
            fill?.Invoke(entry);
            if (letter.Log.Count > 0)
            {
                var status = log.Status(letter, calendar);
                if (LetterHistory.Refusal(status, entry.ToEvent(), letter.Type, log.Settings.TimeLimits, today, log.RatingClosesOn(status, calendar), letter.PublishConsent) is { } refusal)
                    throw new InvalidOperationException($"演示来信 {letter.Number} 的“{kind.ChineseName()}”不合规则：{refusal}");
            }
            letter.Log.Add(entry);
        }

        private Letter Done(Letter letter)
        {
            log.Refresh(letter, calendar);
            return letter;
        }

        private string Number(DateOnly day)
        {
            numbers[day] = numbers.GetValueOrDefault(day) + 1;
            return LetterNumbers.Prefix(day) + numbers[day].ToString("D4");
        }

        private (string Place, string Estate) scene;

        /// <summary>A letter's text with its place and 小区: the same in its subject, content and answer.</summary>
        private string Fill(string text) => string.Format(text, scene.Place, scene.Estate);

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
    }
}
