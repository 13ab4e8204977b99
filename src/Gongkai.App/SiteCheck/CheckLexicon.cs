using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// 严重错误: the lexicon of the unit and of every unit above it, over the unit's published catalog items (title, summary,
/// body) and the answers published in its mailbox. Each hit is a finding for a person to judge, with a key stable across
/// runs (<c>lexicon:entry:target:hash of the context</c>, so the same text keeps its judgement): one judged 不是错误 is
/// not raised again; one confirmed stays until the text changes. Nothing is changed in the text.
/// </summary>
public sealed class CheckLexicon(GongkaiDb db)
{
    public async Task<IReadOnlyList<Finding>> HandleAsync(Unit unit, CancellationToken ct = default)
    {
        var above = Core.Units.UnitPath.Ids(unit.Path);
        var entries = await db.LexiconEntries.AsNoTracking().Where(e => above.Contains(e.UnitId))
            .Select(e => new LexiconTerm(e.Id.ToString(), e.Kind, e.Term, e.Correction)).ToListAsync(ct);
        if (entries.Count == 0)
            return [];
        var judged = await FindingJudgements.LoadAsync(db, unit.Path, FindingRules.Lexicon + ":", ct);
        var findings = new List<Finding>();

        void Scan(FindingTarget target, IEnumerable<(string Field, string Text)> fields)
        {
            var seen = new Dictionary<string, int>();
            foreach (var (field, text) in fields)
                foreach (var hit in LexiconMatch.Find(text, entries))
                {
                    var stem = $"{FindingRules.Lexicon}:{hit.Entry.Id}:{target.Id}:{hit.ContextHash}";
                    var n = seen[stem] = seen.GetValueOrDefault(stem) + 1;
                    var key = n == 1 ? stem : $"{stem}:{n}";
                    var decision = judged.Of(key);
                    if (decision == FindingDecision.Dismissed)
                        continue;
                    findings.Add(new Finding(FindingRules.Lexicon, decision == FindingDecision.Confirmed ? "已确认的严重错误（待改正）" : "疑似严重错误（待判定）",
                        $"{hit.Describe()}；{field}：{hit.Context}", target, 0, key, NeedsJudgement: decision is null));
                }
        }

        await foreach (var i in db.CatalogItems.AsNoTracking().Where(i => i.UnitId == unit.Id && i.State == CatalogState.Published)
                           .Select(i => new { i.Id, i.Title, i.Summary, i.Body }).AsAsyncEnumerable().WithCancellation(ct))
            Scan(CheckRecords.Item(i.Id, i.Title), [("标题", i.Title), ("内容概述", i.Summary), ("正文", i.Body)]);
        await foreach (var l in db.Letters.AsNoTracking().Where(l => l.MailboxUnitId == unit.Id && l.Published)
                           .Select(l => new { l.Id, l.Number, l.PublishedSubject, l.PublishedAnswer }).AsAsyncEnumerable().WithCancellation(ct))
            Scan(new FindingTarget("letter", l.Id.ToString(), $"{l.Number} {l.PublishedSubject}", $"/office/letters/{l.Id}"), [("公开的答复", l.PublishedAnswer)]);
        return findings;
    }

}
