using Gongkai.App.Data;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck.Settings;

/// <summary>What a lexicon entry must be, for the form and the file import alike; and how an entry is added or updated.</summary>
public static class LexiconRules
{
    public const int MinTerm = 2;
    public const int MaxTerm = 100;
    public const int MaxCorrection = 100;
    public const int MaxNote = 300;

    /// <summary>The problems of one entry, each as (field, message) with the file's column names as fields.</summary>
    public static IEnumerable<(string Field, string Message)> Problems(LexiconKind kind, string term, string correction, string note)
    {
        if (term.Length is < MinTerm or > MaxTerm)
            yield return ("词语", $"请填写词语（{MinTerm} 至 {MaxTerm} 字）；单个字会在正常文字中大量误报。");
        if (kind == LexiconKind.Misspelling && correction.Length == 0)
            yield return ("正确写法", "错别字请填写正确写法。");
        if (correction.Length > MaxCorrection)
            yield return ("正确写法", $"正确写法不能超过 {MaxCorrection} 字。");
        if (term.Length >= MinTerm && correction.Length > 0 && correction.Contains(term, StringComparison.Ordinal))
            yield return ("正确写法", "正确写法不能包含词语本身，否则正确的写法也会被当作错误。");
        if (note.Length > MaxNote)
            yield return ("说明", $"说明不能超过 {MaxNote} 字。");
    }

    /// <summary>Adds the entry, or updates the unit's entry of the same term; returns whether it was new (the caller logs and saves).</summary>
    public static async Task<(LexiconEntry Entry, bool Added, bool Changed)> UpsertAsync(GongkaiDb db, Guid unitId, LexiconKind kind, string term, string correction, string note,
        string actorName, DateTime now, CancellationToken ct)
    {
        var entry = db.LexiconEntries.Local.FirstOrDefault(e => e.UnitId == unitId && e.Term == term)
            ?? await db.LexiconEntries.SingleOrDefaultAsync(e => e.UnitId == unitId && e.Term == term, ct);
        if (entry is null)
        {
            entry = new LexiconEntry { UnitId = unitId, Kind = kind, Term = term, Correction = correction, Note = note, CreatedAt = now, CreatedBy = actorName.Length > 50 ? actorName[..50] : actorName };
            db.LexiconEntries.Add(entry);
            return (entry, true, true);
        }
        var changed = entry.Kind != kind || entry.Correction != correction || entry.Note != note;
        (entry.Kind, entry.Correction, entry.Note) = (kind, correction, note);
        return (entry, false, changed);
    }
}
