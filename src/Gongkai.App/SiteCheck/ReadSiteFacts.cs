using Gongkai.App.Data;
using Gongkai.App.Participation;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Core.Participation;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// Reads what the judge needs for one unit from the records and from what the collectors stored: the unit's active
/// websites with the probes of the week before, its active columns, open mailboxes of it and above it (the consultation
/// channels), its letters of the year before, its new-media accounts, and this year's records the bonuses count.
/// Letters are the unit's when its mailbox received them or it handles them; a letter nobody has screened yet counts as
/// valid (our choice: its writer cannot tell it from an ignored valid one).
/// </summary>
public sealed class ReadSiteFacts(GongkaiDb db, SiteCheckSettings settings, ParticipationSettings participation, TimeProvider clock)
{
    public async Task<SiteFacts> HandleAsync(Unit unit, DateOnly today, IReadOnlyList<Finding> lexicon, IReadOnlyList<Finding> other, CancellationToken ct = default)
    {
        var unitTarget = new FindingTarget("unit", unit.Id.ToString(), unit.FullName, $"/office/units/edit/{unit.Id}");

        var sites = await db.Websites.AsNoTracking().Where(w => w.UnitId == unit.Id && w.Active).OrderBy(w => w.CreatedAt).Select(w => new { w.Id, w.Name }).ToListAsync(ct);
        var siteIds = sites.Select(s => s.Id).ToList();
        var (from, to) = (today.AddDays(-SiteCheckRules.MonitorDays).AtChinaHour(0), today.AtChinaHour(0));
        var probes = (await db.SiteProbes.AsNoTracking().Where(p => siteIds.Contains(p.WebsiteId) && p.At >= from && p.At < to)
                .Select(p => new { p.WebsiteId, p.At, p.Ok, p.Milliseconds }).ToListAsync(ct))
            .ToLookup(p => p.WebsiteId, p => new Probe(p.At.InChina(), p.Ok, p.Milliseconds));
        var siteProbes = sites.Select(s => new SiteProbes(s.Id.ToString(), s.Name, [.. probes[s.Id]])).ToList();

        var columns = (await db.SiteColumns.AsNoTracking().Where(c => c.UnitId == unit.Id && c.Active).ToListAsync(ct))
            .OrderBy(c => c.Source).ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => new ColumnFacts(c.Id.ToString(), c.Name, c.UpdateClass, c.NeedsUpdates, c.TopLevel, c.OnHomepage, c.NewestOn, c.ItemCount,
                c.DateSource is DateSource.Records or DateSource.Entered || (c.ReadAt is not null && c.ReadError.Length == 0), c.ReadError)).ToList();

        var above = Core.Units.UnitPath.Ids(unit.Path);
        var mailboxes = await db.Mailboxes.AsNoTracking().Where(m => m.IsOpen && above.Contains(m.UnitId))
            .Select(m => new { m.UnitId, m.Name, Unit = m.Unit.FullName }).ToListAsync(ct);
        var channels = mailboxes.OrderByDescending(m => m.UnitId == unit.Id).Select(m => m.UnitId == unit.Id ? m.Name : $"{m.Name}（{m.Unit}）").ToList();
        var ownMailbox = mailboxes.Any(m => m.UnitId == unit.Id);
        var newestAnswer = ownMailbox ? await db.Letters.Where(l => l.MailboxUnitId == unit.Id && l.Published).MaxAsync(l => l.PublishedOn, ct) : null;

        var since = today.AddMonths(-SiteCheckRules.InteractionLookbackMonths);
        var letters = (await db.Letters.AsNoTracking()
                .Where(l => (l.MailboxUnitId == unit.Id || l.UnitId == unit.Id) && l.ReceivedOn >= since
                    && l.State != LetterState.Invalid && l.State != LetterState.TransferredOut)
                .Select(l => new { l.Id, l.Number, l.Subject, l.ReceivedOn, l.AnsweredOn }).ToListAsync(ct))
            .Select(l => new LetterFacts(l.Id.ToString(), l.Number, l.Subject, l.ReceivedOn, l.AnsweredOn, true)).ToList();

        var accounts = await db.NewMediaAccounts.AsNoTracking().Where(a => a.UnitId == unit.Id).OrderBy(a => a.Platform).ThenBy(a => a.Name)
            .Select(a => new AccountFacts(a.Id.ToString(), a.Name, a.Platform, a.Status, a.LastPostOn)).ToListAsync(ct);

        return new SiteFacts(unitTarget, today, new FreshnessPeriods(settings.OtherClassDays, settings.LongStaleDays), siteProbes, columns,
            lexicon, channels, letters, ownMailbox, newestAnswer, accounts, other, await BonusAsync(unit, today, ct));
    }

    private async Task<BonusFacts> BonusAsync(Unit unit, DateOnly today, CancellationToken ct)
    {
        var (first, last) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
        var forms = (await db.CatalogItems.AsNoTracking()
                .Where(i => i.UnitId == unit.Id && i.Genre == Genre.Interpretation && i.State == CatalogState.Published && i.PublishedOn >= first && i.PublishedOn <= last)
                .Select(i => i.InterpretationForms).ToListAsync(ct))
            .Aggregate(InterpretationForms.None, (a, f) => a | f) & ~InterpretationForms.Text;
        var (start, end) = (first.AtChinaHour(0), last.AddDays(1).AtChinaHour(0));
        var now = clock.GetUtcNow().UtcDateTime;
        var interviews = await db.Interviews.AsNoTracking()
            .Where(i => i.UnitId == unit.Id && (i.State == ParticipationState.Published || i.State == ParticipationState.Concluded) && i.StartsAt >= start && i.StartsAt < end
                && i.StartsAt <= now)
            .OrderBy(i => i.StartsAt).Select(i => i.Title).ToListAsync(ct);
        var solicitations = await db.Solicitations.AsNoTracking()
            .Where(s => s.UnitId == unit.Id && s.FeedbackPublishedOn >= first && s.FeedbackPublishedOn <= last && s.State != ParticipationState.Withdrawn)
            .OrderBy(s => s.FeedbackPublishedOn).Select(s => s.Title).ToListAsync(ct);
        var responses = (await db.ResponseEvents.AsNoTracking()
                .Where(r => r.UnitId == unit.Id && r.State != ParticipationState.Withdrawn && r.State != ParticipationState.Draft && r.RespondedOn >= first && r.RespondedOn <= last)
                .OrderBy(r => r.RespondedOn).Select(r => new { r.Concern, r.Channel, r.AroseAt, r.RespondedAt }).ToListAsync(ct))
            .Where(r => participation.ResponseTargets.WithinTarget(r.Channel, r.AroseAt, r.RespondedAt)).Select(r => r.Concern).ToList();
        return new BonusFacts([.. forms.ChineseNames()], interviews, solicitations, responses);
    }
}
