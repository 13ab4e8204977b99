using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.SiteCheck;

namespace Gongkai.App.SiteCheck.Settings;

/// <summary>
/// Adds an entry to a unit's serious-error lexicon (严重错误词库; it applies to the unit's whole subtree): a wrong or
/// outdated name or title, a serious misspelling (with its correct form), or a word that must never appear. The same
/// term again updates the entry.
/// </summary>
public sealed class AddLexiconEntry(GongkaiDb db, TimeProvider clock)
{
    public sealed record Input(string UnitCode, LexiconKind Kind, string Term, string Correction, string Note);

    public async Task<Outcome<LexiconEntry>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanManageSiteCheck)
            return Outcome<LexiconEntry>.Denied(SiteCheckAccess.NotAllowed);
        var unit = await SiteCheckAccess.UnitAsync(db, actor, input.UnitCode, ct);
        if (unit is null)
            return Outcome<LexiconEntry>.Missing(SiteCheckAccess.NoSuchUnit);
        var (term, correction, note) = ((input.Term ?? "").Trim(), (input.Correction ?? "").Trim(), (input.Note ?? "").Trim());
        var problems = new List<Problem>();
        if (!Enum.IsDefined(input.Kind))
            problems.Add(new(nameof(Input.Kind), "请选择类型。"));
        foreach (var (field, message) in LexiconRules.Problems(input.Kind, term, correction, note))
            problems.Add(new(field switch { "词语" => nameof(Input.Term), "正确写法" => nameof(Input.Correction), _ => nameof(Input.Note) }, message));
        if (problems.Count > 0)
            return Outcome<LexiconEntry>.Invalid(problems);

        var (entry, added, changed) = await LexiconRules.UpsertAsync(db, unit.Id, input.Kind, term, correction, note, actor.DisplayName, clock.GetUtcNow().UtcDateTime, ct);
        if (!changed)
            return Outcome<LexiconEntry>.Done(entry);
        SiteCheckAccess.Log(db, actor, unit.Id, clock, added ? "新增词条" : "修改词条", term,
            $"{input.Kind.ChineseName()}{(correction.Length > 0 ? $"，正确写法：{correction}" : "")}");
        await db.SaveChangesAsync(ct);
        return Outcome<LexiconEntry>.Done(entry);
    }
}
