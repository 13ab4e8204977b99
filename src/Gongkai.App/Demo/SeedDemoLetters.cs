using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.Core.Letters;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Demo;

/// <summary>
/// `gongkai demo seed`, after <see cref="SeedDemoData"/>: the mailboxes of 青岚市 (市长信箱, the bureaus' and the
/// districts') and a year of fictional letters to them (about 3,000): valid and invalid, transferred, answered on time
/// and late, extended, rated or silent, a few still unanswered after three months, a published selection. Every step
/// is drawn by <see cref="GenerateDemoLetters"/> (the generator of `gongkai demo letters`), checked against the rules of
/// real use. The same day gives the same letters (fixed seed). Adds nothing when letters exist.
/// </summary>
public sealed class SeedDemoLetters(GongkaiDb db, GenerateDemoLetters generator, TimeProvider clock)
{
    /// <summary>The generator's seed: 国办秘函〔2019〕19号, the website checks that veto an unanswered letter.</summary>
    private const int Seed = 201919;

    private static readonly string[] Bureaus = ["fgw", "jyj", "czj", "zrzyj", "stj", "zjj", "wjw"];
    private static readonly string[] Districts = ["yy", "st", "lm"];

    /// <summary>About a year's letters of a city this size, and the share of valid ones never answered (a few past the veto).</summary>
    private const int DemoCount = 2800;
    private const double DemoBacklog = 0.003;

    /// <param name="origin">The seed's batch, marked on its change-log entries (an index that holds the batch skips them).</param>
    /// <returns>How many letters were added.</returns>
    public async Task<int> HandleAsync(Guid? origin = null, CancellationToken ct = default)
    {
        if (await db.Letters.AnyAsync(ct))
            return 0;
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Code, ct);
        var byKey = SeedDemoData.Keys.Where(k => units.ContainsKey(SeedDemoData.CodeOf(k))).ToDictionary(k => k, k => units[SeedDemoData.CodeOf(k)]);
        if (!byKey.ContainsKey("city"))
            return 0;
        var mailboxes = await OpenMailboxesAsync(byKey, ct);
        // The lives of the letters are the generator's (`gongkai demo letters`): one way to draw a demo letter.
        var (from, to) = generator.Period(null);
        var letters = await generator.StreamAsync(DemoCount, from, to, DemoBacklog, ct).ToListAsync(ct);
        db.Letters.AddRange(letters);
        db.LetterSuggestionOutcomes.AddRange(Suggestions(new Random(Seed), byKey, mailboxes, from, to));
        // The published ones queued for the search index in the same write, as every publication is.
        var now = clock.GetUtcNow().UtcDateTime;
        db.AddRange(letters.Where(Search.IndexedLetters.IsPublished).Select(l => Search.SearchChange.ForLetter(l.Id, now, origin)));
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

    /// <summary>What writers did after being shown similar answers: a few a day, a quarter of them stopping there.</summary>
    private static IEnumerable<LetterSuggestionOutcome> Suggestions(Random random, Dictionary<string, Units.Unit> units, List<string> mailboxes, DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            for (var i = random.Next(0, 3); i > 0; i--)
                yield return new LetterSuggestionOutcome { MailboxUnitId = units[mailboxes[random.Next(mailboxes.Count)]].Id, Date = day, Stopped = random.NextDouble() < 0.25 };
        }
    }
}
