using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Letters;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>
/// Letter statistics of a unit's mailboxes (the unit's and those below it) for a year, a quarter or a month, by
/// mailbox, handling unit, type, month or quarter (<see cref="LetterCounting"/>); and the letters behind any figure.
/// The database groups the letters; only the groups are read, so a year of a million letters is counted in one pass.
/// </summary>
public sealed class LetterStats(GongkaiDb db, LetterLog log)
{
    public enum Grouping { Mailbox, Unit, Type, Month, Quarter }

    /// <param name="UnitCode">The unit whose mailboxes are counted (itself and below); the top unit when empty.</param>
    public sealed record Query(string? UnitCode, int Year, int? Quarter = null, int? Month = null, Grouping By = Grouping.Mailbox)
    {
        public (DateOnly From, DateOnly To) Period() => Month is { } m ? (new DateOnly(Year, m, 1), new DateOnly(Year, m, 1).AddMonths(1).AddDays(-1))
            : Quarter is { } q ? (new DateOnly(Year, q * 3 - 2, 1), new DateOnly(Year, q * 3 - 2, 1).AddMonths(3).AddDays(-1))
            : (new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31));
    }

    public sealed record Row(string Key, string Label, LetterFigures Figures);

    /// <param name="SuggestionsShown">Writers shown similar answers before sending; <paramref name="StoppedAfterSuggestions"/> of them did not send.</param>
    public sealed record Report(string Unit, string UnitCode, DateOnly From, DateOnly To, Grouping By, IReadOnlyList<Row> Rows, LetterFigures Total,
        long SuggestionsShown, long StoppedAfterSuggestions);

    public sealed record LetterRow(Guid Id, string Number, string Subject, LetterType Type, LetterState State, DateOnly ReceivedOn, DateOnly? DueOn, DateOnly? AnsweredOn, string Unit);

    /// <param name="actor">Null for the public page: the same figures, which are public (no drill-down there).</param>
    public async Task<Outcome<Report>> HandleAsync(Query query, StaffScope? actor, CancellationToken ct = default)
    {
        if (Problem(query) is { } problem)
            return Outcome<Report>.Invalid(problem.Field, problem.Message);
        var unit = await FindUnitAsync(query.UnitCode, ct);
        if (unit is null)
            return Outcome<Report>.Missing("没有这个单位。");
        if (actor is not null && !actor.Covers(unit.Path))
            return Outcome<Report>.Denied("只能查看本单位及下级单位的来信统计。");
        var (from, to) = query.Period();
        var today = log.Today;
        var letters = await LettersAsync(unit.Path, from, to, ct);
        var list = await FactsAsync(letters, query.By, today, ct);
        var calendar = await log.CalendarAsync(ct);
        var (labels, order) = await LabelsAsync(query.By, list.Select(f => f.Key).Distinct().ToList(), ct);
        var rows = list.GroupBy(f => f.Key)
            .Select(g => new Row(g.Key, labels.GetValueOrDefault(g.Key, g.Key), LetterCounting.Count(g.Select(f => f.Fact), calendar)))
            .OrderBy(r => order.GetValueOrDefault(r.Key, r.Key), StringComparer.Ordinal).ToList();
        var suggestions = await db.LetterSuggestionOutcomes.AsNoTracking()
            .Where(o => o.Date >= from && o.Date <= to && db.Units.Within(unit.Path).Any(u => u.Id == o.MailboxUnitId))
            .GroupBy(o => o.Stopped).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct);
        return Outcome<Report>.Done(new Report(unit.FullName, unit.Code, from, to, query.By, rows, LetterCounting.Count(list.Select(f => f.Fact), calendar),
            suggestions.Sum(s => s.Count), suggestions.Where(s => s.Key).Sum(s => s.Count)));
    }

    /// <summary>The letters behind one figure of one row (<paramref name="key"/> as in <see cref="Row.Key"/>; null for the total), staff only.</summary>
    public async Task<Outcome<IReadOnlyList<LetterRow>>> LettersAsync(Query query, string? key, LetterFigure figure, StaffScope actor, int max = 500, CancellationToken ct = default)
    {
        if (Problem(query) is { } problem)
            return Outcome<IReadOnlyList<LetterRow>>.Invalid(problem.Field, problem.Message);
        var unit = await FindUnitAsync(query.UnitCode, ct);
        if (unit is null)
            return Outcome<IReadOnlyList<LetterRow>>.Missing("没有这个单位。");
        if (!actor.Covers(unit.Path))
            return Outcome<IReadOnlyList<LetterRow>>.Denied("只能查看本单位及下级单位的来信。");
        var (from, to) = query.Period();
        var today = log.Today;
        var letters = await LettersAsync(unit.Path, from, to, ct);
        if (key is not null)
        {
            letters = query.By switch
            {
                Grouping.Mailbox when Guid.TryParse(key, out var id) => id == Guid.Empty ? letters.Where(l => l.Channel == LetterChannel.SiteError)
                    : letters.Where(l => l.Channel == LetterChannel.Mailbox && l.MailboxUnitId == id),
                Grouping.Unit when Guid.TryParse(key, out var id) => letters.Where(l => l.UnitId == id),
                Grouping.Type when Enum.TryParse<LetterType>(key, out var type) => letters.Where(l => l.Type == type),
                Grouping.Month when int.TryParse(key, out var m) && m is >= 1 and <= 12 => letters.Where(l => l.ReceivedOn >= new DateOnly(query.Year, m, 1) && l.ReceivedOn < new DateOnly(query.Year, m, 1).AddMonths(1)),
                Grouping.Quarter when int.TryParse(key, out var q) && q is >= 1 and <= 4 => letters.Where(l => l.ReceivedOn >= new DateOnly(query.Year, q * 3 - 2, 1) && l.ReceivedOn < new DateOnly(query.Year, q * 3 - 2, 1).AddMonths(3)),
                _ => letters.Where(_ => false),
            };
        }
        var rows = await letters.OrderBy(l => l.ReceivedOn).ThenBy(l => l.Number)
            .Select(l => new { l.Id, l.Number, l.Subject, l.Type, l.State, l.ReceivedOn, l.DueOn, l.AnsweredOn, l.AnsweredOnTime, l.Rating, l.Published, Unit = l.Unit.FullName })
            .ToListAsync(ct);
        IReadOnlyList<LetterRow> counted = [.. rows
            .Where(r => LetterCounting.Counts(figure, new LetterFact(r.State, r.ReceivedOn, r.DueOn < today, r.AnsweredOn, r.AnsweredOnTime, r.Rating, r.Published, 1)))
            .Take(max).Select(r => new LetterRow(r.Id, r.Number, r.Subject, r.Type, r.State, r.ReceivedOn, r.DueOn, r.AnsweredOn, r.Unit))];
        return Outcome<IReadOnlyList<LetterRow>>.Done(counted);
    }

    private static (string Field, string Message)? Problem(Query query) =>
        query.Year is < 2000 or > 2100 ? ("year", "年份应在 2000 至 2100 之间。")
        : query.Quarter is < 1 or > 4 ? ("quarter", "季度应为 1 至 4。")
        : query.Month is < 1 or > 12 ? ("month", "月份应为 1 至 12。")
        : null;

    /// <summary>
    /// The letters of the period to the mailboxes of the unit's subtree, by the mailboxes' unit ids: the statistics index
    /// (LetterConfiguration) is then sought mailbox by mailbox, its rows coming in the order of the groups.
    /// </summary>
    private async Task<IQueryable<Letter>> LettersAsync(string unitPath, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var mailboxes = await db.Units.Within(unitPath).Select(u => u.Id).ToListAsync(ct);
        return db.Letters.AsNoTracking().Where(l => mailboxes.Contains(l.MailboxUnitId) && l.ReceivedOn >= from && l.ReceivedOn <= to);
    }

    /// <summary>
    /// The letters counted into facts (<see cref="LetterFact"/>), keyed by the row they belong to. The database groups them
    /// in the order of the statistics index — mailbox, day of arrival, channel, state, on time, rating, published, and the
    /// handling unit and type when asked — so a year of a million letters is one pass over the index without a sort. Open
    /// letters past their due date are counted within their group, and the working days to answer summed (the letters'
    /// <see cref="Letter.AnswerWorkingDays"/>), so that neither the due date nor the answer day need their own groups.
    /// </summary>
    private sealed record Group(Guid MailboxUnitId, DateOnly ReceivedOn, LetterChannel Channel, LetterState State, bool AnsweredOnTime, LetterRating? Rating,
        bool Published, Guid UnitId, LetterType Type, int Count, int PastDue, long? Days, DateOnly? AnsweredOn);

    private static async Task<List<(string Key, LetterFact Fact)>> FactsAsync(IQueryable<Letter> letters, Grouping by, DateOnly today, CancellationToken ct)
    {
        // Three shapes, each grouped by columns only (a constant in GROUP BY is refused by PostgreSQL), each a prefix of the index.
        var groups = await (by switch
        {
            Grouping.Type => letters.GroupBy(l => new { l.MailboxUnitId, l.ReceivedOn, l.Channel, l.State, l.AnsweredOnTime, l.Rating, l.Published, l.UnitId, l.Type })
                .Select(g => new Group(g.Key.MailboxUnitId, g.Key.ReceivedOn, g.Key.Channel, g.Key.State, g.Key.AnsweredOnTime, g.Key.Rating, g.Key.Published, g.Key.UnitId, g.Key.Type,
                    g.Count(), g.Count(l => l.DueOn < today), g.Sum(l => (long?)l.AnswerWorkingDays), g.Max(l => l.AnsweredOn))),
            Grouping.Unit => letters.GroupBy(l => new { l.MailboxUnitId, l.ReceivedOn, l.Channel, l.State, l.AnsweredOnTime, l.Rating, l.Published, l.UnitId })
                .Select(g => new Group(g.Key.MailboxUnitId, g.Key.ReceivedOn, g.Key.Channel, g.Key.State, g.Key.AnsweredOnTime, g.Key.Rating, g.Key.Published, g.Key.UnitId, LetterType.Other,
                    g.Count(), g.Count(l => l.DueOn < today), g.Sum(l => (long?)l.AnswerWorkingDays), g.Max(l => l.AnsweredOn))),
            _ => letters.GroupBy(l => new { l.MailboxUnitId, l.ReceivedOn, l.Channel, l.State, l.AnsweredOnTime, l.Rating, l.Published })
                .Select(g => new Group(g.Key.MailboxUnitId, g.Key.ReceivedOn, g.Key.Channel, g.Key.State, g.Key.AnsweredOnTime, g.Key.Rating, g.Key.Published, Guid.Empty, LetterType.Other,
                    g.Count(), g.Count(l => l.DueOn < today), g.Sum(l => (long?)l.AnswerWorkingDays), g.Max(l => l.AnsweredOn))),
        }).ToListAsync(ct);
        var facts = new List<(string Key, LetterFact Fact)>(groups.Count);
        foreach (var g in groups)
        {
            var key = by switch
            {
                Grouping.Month => g.ReceivedOn.Month.ToString(),
                Grouping.Quarter => ((g.ReceivedOn.Month + 2) / 3).ToString(),
                Grouping.Unit => g.UnitId.ToString(),
                Grouping.Type => g.Type.ToString(),
                // The error channel is one row of its own, whichever unit runs the site.
                _ => g.Channel == LetterChannel.SiteError ? Guid.Empty.ToString() : g.MailboxUnitId.ToString(),
            };
            var pastDue = g.State.IsOpen() ? g.PastDue : 0;
            var fact = new LetterFact(g.State, g.ReceivedOn, false, g.AnsweredOn, g.AnsweredOnTime, g.Rating, g.Published, g.Count - pastDue)
            {
                WorkingDays = g.Days ?? 0,
            };
            if (fact.Count > 0 || pastDue == 0)
                facts.Add((key, fact));
            if (pastDue > 0)
                facts.Add((key, fact with { PastDue = true, Count = pastDue, WorkingDays = 0 }));
        }
        return facts;
    }

    private async Task<Units.Unit?> FindUnitAsync(string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
            return await db.Units.AsNoTracking().Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).FirstOrDefaultAsync(ct);
        return OrganisationCode.TryParse(code, out var parsed, out _)
            ? await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Code == parsed!.Value, ct) : null;
    }

    /// <returns>Each row's label, and its place: months and quarters in order, types as listed, units (and their mailboxes) as the unit tree
    /// lists them, the website-error channel last.</returns>
    private async Task<(Dictionary<string, string> Labels, Dictionary<string, string> Order)> LabelsAsync(Grouping by, IReadOnlyList<string> keys, CancellationToken ct)
    {
        switch (by)
        {
            case Grouping.Month:
                return (keys.ToDictionary(k => k, k => $"{k}月"), keys.ToDictionary(k => k, k => k.PadLeft(2, '0')));
            case Grouping.Quarter:
                return (keys.ToDictionary(k => k, k => $"第{"一二三四"[int.Parse(k) - 1]}季度"), keys.ToDictionary(k => k, k => k));
            case Grouping.Type:
                return (keys.ToDictionary(k => k, k => Enum.Parse<LetterType>(k).ChineseName()), keys.ToDictionary(k => k, k => ((int)Enum.Parse<LetterType>(k)).ToString("D2")));
        }
        var ids = keys.Select(Guid.Parse).ToList();
        var names = by == Grouping.Mailbox
            ? await db.Mailboxes.AsNoTracking().Where(m => ids.Contains(m.UnitId)).ToDictionaryAsync(m => m.UnitId.ToString(), m => m.Name, ct)
            : new Dictionary<string, string>();
        var units = await db.Units.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.FullName, u.Path, u.SortOrder })
            .ToDictionaryAsync(u => u.Id.ToString(), ct);
        var labels = keys.ToDictionary(k => k, k => k == Guid.Empty.ToString() && by == Grouping.Mailbox ? "我为政府网站找错"
            : names.GetValueOrDefault(k) ?? units.GetValueOrDefault(k)?.FullName ?? k);
        var order = keys.ToDictionary(k => k, k => units.GetValueOrDefault(k) is { } u ? $"{u.Path.Length:D4}{u.SortOrder:D6}" : "9999");
        return (labels, order);
    }
}
