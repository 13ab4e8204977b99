using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Settings;

/// <summary>Removes an entry from a unit's serious-error lexicon; the next check no longer looks for it.</summary>
public sealed class RemoveLexiconEntry(GongkaiDb db, TimeProvider clock)
{
    public sealed record Input(Guid Id);

    public async Task<Outcome<LexiconEntry>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanManageSiteCheck)
            return Outcome<LexiconEntry>.Denied(SiteCheckAccess.NotAllowed);
        var entry = await db.LexiconEntries.Include(e => e.Unit).SingleOrDefaultAsync(e => e.Id == input.Id, ct);
        if (entry is null || !actor.Covers(entry.Unit.Path))
            return Outcome<LexiconEntry>.Missing("找不到该词条，或它不在您的管辖范围内。");
        db.LexiconEntries.Remove(entry);
        SiteCheckAccess.Log(db, actor, entry.UnitId, clock, "删除词条", entry.Term, entry.Kind.ChineseName());
        await db.SaveChangesAsync(ct);
        return Outcome<LexiconEntry>.Done(entry);
    }
}
