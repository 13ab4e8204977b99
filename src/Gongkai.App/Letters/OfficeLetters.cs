using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Calendar;
using Gongkai.Core.Letters;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>What an inbox row is flagged with, and what the inbox can be narrowed to.</summary>
public enum LetterFlag
{
    /// <summary>即将到期.</summary>
    DueSoon,
    /// <summary>已逾期.</summary>
    Overdue,
    /// <summary>临近三个月 — within <see cref="LetterClock.VetoWarningDays"/> days of the 3-month veto.</summary>
    NearVeto,
    /// <summary>超过三个月未答复 — past the 3-month veto (国办秘函〔2019〕19号).</summary>
    PastVeto,
}

public static class LetterFlags
{
    public static string ChineseName(this LetterFlag flag) => flag switch
    {
        LetterFlag.DueSoon => "即将到期",
        LetterFlag.Overdue => "已逾期",
        LetterFlag.NearVeto => "临近三个月",
        _ => "超过三个月未答复",
    };
}

/// <summary>
/// The staff inbox (/office/letters and GET /api/v1/office/letters): letters whose handling unit is in the actor's
/// scope, open ones by default, nearest due date first. Only one page is read; its flags are computed for that page
/// only, and every flag filter is a range on <c>DueOn</c> or <c>ReceivedOn</c>, so 100,000 open letters are answered
/// from the (UnitId, State, DueOn) index.
/// </summary>
public sealed class OfficeLetters(GongkaiDb db, LetterLog log, Search.LetterSearch search)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 100;

    /// <param name="State">"open" (待受理、办理中、待审核; the default), "all", or a <see cref="LetterState"/> member name.</param>
    /// <param name="Mailbox">The mailbox's unit code, or <see cref="WriteLetter.ErrorChannel"/>.</param>
    /// <param name="Q">Text in the subject.</param>
    public sealed record Filter(string? State = null, string? Mailbox = null, LetterType? Type = null, LetterFlag? Flag = null, string? Q = null, string? UnitCode = null);

    public sealed record Row(Guid Id, string Number, string Subject, LetterType Type, string Mailbox, string Unit, DateOnly ReceivedOn, DateOnly? DueOn,
        LetterState State, bool Extended, DueFlag Due, bool NearVeto, bool PastVeto)
    {
        /// <summary>The flags in words, for the inbox and the API (never colour alone).</summary>
        public IReadOnlyList<string> Flags => [.. new[] { Due.ChineseName(), NearVeto ? "临近三个月" : "", PastVeto ? "超过三个月未答复" : "" }.Where(f => f.Length > 0)];
    }

    /// <param name="Total">How many letters match the filter.</param>
    public sealed record Page(IReadOnlyList<Row> Rows, int Number, int Size, long Total)
    {
        public bool HasNext => (long)Number * Size < Total;

        public long Pages => Math.Max(1, (Total + Size - 1) / Size);
    }

    public static readonly LetterState[] OpenStates = [LetterState.Received, LetterState.InProgress, LetterState.AwaitingReview];

    public async Task<Page> HandleAsync(Filter filter, StaffScope actor, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        page = Math.Max(page, 1);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var calendar = await log.CalendarAsync(ct);
        var today = log.Today;
        var letters = await NarrowAsync(await InScopeAsync(actor, ct), filter, calendar, today, ct);
        // The due dates and how many letters fall on each, read from the index alone: they give the total and the range of
        // due dates that holds the page, so only that range is read and sorted (letters without a due date come last).
        var days = await letters.GroupBy(l => l.DueOn).Select(g => new { Due = g.Key, Count = g.Count() }).ToListAsync(ct);
        days = [.. days.OrderBy(d => d.Due is null).ThenBy(d => d.Due)];
        var total = days.Sum(d => (long)d.Count);
        var offset = (long)(page - 1) * pageSize;
        long before = 0;
        var first = 0;
        while (first < days.Count && before + days[first].Count <= offset)
            before += days[first++].Count;
        if (first == days.Count)
            return new Page([], page, pageSize, total);
        var last = first;
        for (var seen = before + days[first].Count; last + 1 < days.Count && seen < offset + pageSize; seen += days[++last].Count)
        {
        }
        var (from, to) = (days[first].Due, days[last].Due);
        var range = from is null ? letters.Where(l => l.DueOn == null)
            : to is null ? letters.Where(l => l.DueOn >= from || l.DueOn == null)
            : letters.Where(l => l.DueOn >= from && l.DueOn <= to);
        var rows = await range.OrderBy(l => l.DueOn == null).ThenBy(l => l.DueOn).ThenBy(l => l.Number)
            .Skip((int)(offset - before)).Take(pageSize)
            .Select(l => new
            {
                l.Id, l.Number, l.Subject, l.Type, l.Channel, l.ReceivedOn, l.DueOn, l.State, l.Extended, Unit = l.Unit.ShortName,
                Mailbox = db.Mailboxes.Where(m => m.UnitId == l.MailboxUnitId).Select(m => m.Name).FirstOrDefault() ?? l.MailboxUnit.ShortName,
            })
            .ToListAsync(ct);
        return new Page([.. rows.Select(r =>
        {
            var open = r.State.IsOpen();
            return new Row(r.Id, r.Number, r.Subject, r.Type, r.Channel == LetterChannel.SiteError ? "我为政府网站找错" : r.Mailbox, r.Unit, r.ReceivedOn, r.DueOn,
                r.State, r.Extended, open ? DueFlags.Of(calendar, r.DueOn, today, LetterClock.DueSoonDays) : DueFlag.None,
                open && LetterClock.IsNearVeto(r.ReceivedOn, today), open && LetterClock.IsPastVeto(r.ReceivedOn, today));
        })], page, pageSize, total);
    }

    /// <summary>
    /// The letters whose handling unit is in the actor's scope, by the scope's unit ids (<see cref="StaffScope.UnitsIn"/>,
    /// the one subtree filter) rather than by a join: the database then seeks the (UnitId, State, DueOn) index unit by unit.
    /// </summary>
    public async Task<IQueryable<Letter>> InScopeAsync(StaffScope actor, CancellationToken ct = default)
    {
        var units = await actor.UnitsIn(db).Select(u => u.Id).ToListAsync(ct);
        return db.Letters.AsNoTracking().Where(l => units.Contains(l.UnitId));
    }

    /// <summary>The letters a filter keeps, from <paramref name="letters"/> already narrowed to the actor's scope.</summary>
    public async Task<IQueryable<Letter>> NarrowAsync(IQueryable<Letter> letters, Filter filter, WorkCalendar calendar, DateOnly today, CancellationToken ct = default)
    {
        var state = (filter.State ?? "").Trim();
        if (state.Length == 0 || state.Equals("open", StringComparison.OrdinalIgnoreCase))
            letters = letters.Where(l => OpenStates.Contains(l.State));
        else if (Enum.TryParse<LetterState>(state, true, out var one) && Enum.IsDefined(one))
            letters = letters.Where(l => l.State == one);
        else if (!state.Equals("all", StringComparison.OrdinalIgnoreCase))
            letters = letters.Where(_ => false);

        var mailbox = (filter.Mailbox ?? "").Trim();
        if (mailbox.Equals(WriteLetter.ErrorChannel, StringComparison.OrdinalIgnoreCase))
            letters = letters.Where(l => l.Channel == LetterChannel.SiteError);
        else if (mailbox.Length > 0)
        {
            var unitId = OrganisationCode.TryParse(mailbox, out var code, out _)
                ? await db.Units.Where(u => u.Code == code!.Value).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct) : null;
            letters = letters.Where(l => l.Channel == LetterChannel.Mailbox && l.MailboxUnitId == unitId);
        }
        if (!string.IsNullOrWhiteSpace(filter.UnitCode))
        {
            var unitId = OrganisationCode.TryParse(filter.UnitCode, out var code, out _)
                ? await db.Units.Where(u => u.Code == code!.Value).Select(u => (Guid?)u.Id).SingleOrDefaultAsync(ct) : null;
            letters = letters.Where(l => l.UnitId == unitId);
        }
        if (filter.Type is { } type)
            letters = letters.Where(l => l.Type == type);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            letters = letters.Where(l => l.Subject.Contains(q) || l.Number == q);
        }
        if (filter.Flag is { } flag)
        {
            // Flags are for letters someone still has to act on.
            letters = letters.Where(l => OpenStates.Contains(l.State));
            var (pastVeto, nearVeto) = (LastReceivedPastVeto(today), LastReceivedNearVeto(today));
            var soonUntil = calendar.AddWorkingDays(today, LetterClock.DueSoonDays + 1);
            letters = flag switch
            {
                LetterFlag.Overdue => letters.Where(l => l.DueOn < today),
                LetterFlag.DueSoon => letters.Where(l => l.DueOn >= today && l.DueOn < soonUntil),
                LetterFlag.NearVeto => letters.Where(l => l.ReceivedOn > pastVeto && l.ReceivedOn <= nearVeto),
                _ => letters.Where(l => l.ReceivedOn <= pastVeto),
            };
        }
        return letters;
    }

    /// <summary>How many open letters of a unit carry each flag (for 督办); past the veto also counts those never screened.</summary>
    public sealed record UnitFlags(int DueSoon, int Overdue, int NearVeto, int PastVeto, int PastVetoUnscreened);

    /// <summary>Per handling unit of the actor's scope: open letters due soon, overdue, approaching and past the 3-month veto.</summary>
    public async Task<IReadOnlyDictionary<Guid, UnitFlags>> FlagsByUnitAsync(StaffScope actor, CancellationToken ct = default)
    {
        var calendar = await log.CalendarAsync(ct);
        var today = log.Today;
        var letters = await InScopeAsync(actor, ct);
        async Task<Dictionary<(Guid Unit, bool Unscreened), int>> CountAsync(LetterFlag flag) =>
            await (await NarrowAsync(letters, new Filter(Flag: flag), calendar, today, ct))
                .GroupBy(l => new { l.UnitId, Unscreened = l.State == LetterState.Received })
                .Select(g => new { g.Key.UnitId, g.Key.Unscreened, Count = g.Count() })
                .ToDictionaryAsync(g => (g.UnitId, g.Unscreened), g => g.Count, ct);
        var counts = new Dictionary<LetterFlag, Dictionary<(Guid Unit, bool Unscreened), int>>();
        foreach (var flag in Enum.GetValues<LetterFlag>())
            counts[flag] = await CountAsync(flag);
        int Of(LetterFlag flag, Guid unit) => counts[flag].GetValueOrDefault((unit, false)) + counts[flag].GetValueOrDefault((unit, true));
        return counts.Values.SelectMany(c => c.Keys.Select(k => k.Unit)).Distinct()
            .ToDictionary(u => u, u => new UnitFlags(Of(LetterFlag.DueSoon, u), Of(LetterFlag.Overdue, u), Of(LetterFlag.NearVeto, u), Of(LetterFlag.PastVeto, u),
                counts[LetterFlag.PastVeto].GetValueOrDefault((u, true))));
    }

    /// <summary>
    /// The steps of the transition table from this state that <paramref name="actor"/> may take now, 公开选登 included
    /// (<see cref="RecordLetterStep"/> and <see cref="PublishLetter"/> decide again): the mailbox office's steps need the
    /// mailbox's unit in scope; 回退 only once assigned; 延期 once.
    /// </summary>
    public static IReadOnlyList<LetterEventKind> StepsFor(Letter letter, LetterStatus status, StaffScope actor)
    {
        if (!actor.CanHandleLetters)
            return [];
        var office = actor.Covers(letter.MailboxUnit.Path);
        return [.. LetterTransitions.Allowed(status.State).Distinct().Where(k => k switch
        {
            LetterEventKind.Published => office && letter.PublishConsent && !status.Published,
            LetterEventKind.Unpublished => office && status.Published,
            LetterEventKind.Returned => letter.UnitId != letter.MailboxUnitId,
            LetterEventKind.Extended => !status.IsExtended,
            _ => (RecordLetterStep.OfficeSteps.Contains(k) && office) || RecordLetterStep.UnitSteps.Contains(k),
        })];
    }

    /// <summary>
    /// 相似来信: earlier published letters like this one, with their answers, for staff answering it — the one place
    /// the office pages and the staff API ask the search for them.
    /// </summary>
    public async Task<IReadOnlyList<Search.LetterSearch.Hit>> SimilarAsync(Letter letter, CancellationToken ct = default) =>
        [.. (await search.SimilarAsync(letter.Subject, letter.Content, 6, ct)).Where(h => h.Number != letter.Number).Take(5)];

    /// <summary>The last arrival day of a letter past the 3-month veto on <paramref name="today"/> (<see cref="LetterClock.IsPastVeto"/>).</summary>
    public static DateOnly LastReceivedPastVeto(DateOnly today) => LastWhere(today, r => LetterClock.IsPastVeto(r, today));
    /// <summary>The last arrival day of a letter past or within <see cref="LetterClock.VetoWarningDays"/> days of the veto.</summary>
    public static DateOnly LastReceivedNearVeto(DateOnly today) =>
        LastWhere(today, r => LetterClock.IsPastVeto(r, today) || LetterClock.IsNearVeto(r, today));

    /// <summary>Adding months is monotonic, so the arrival days that satisfy a veto rule are all days up to one day, found near three months back.</summary>
    private static DateOnly LastWhere(DateOnly today, Func<DateOnly, bool> holds)
    {
        var day = today.AddMonths(-LetterClock.VetoMonths).AddDays(LetterClock.VetoWarningDays + 5);
        while (!holds(day))
            day = day.AddDays(-1);
        return day;
    }
}
