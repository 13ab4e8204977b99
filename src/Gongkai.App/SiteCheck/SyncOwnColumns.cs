using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Core.SiteCheck;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.SiteCheck;

/// <summary>
/// Keeps a unit's own columns (the ones Gongkai publishes itself) in step with its records, before every check: one per
/// catalog 主题分类 (first level) and per 体裁 it has published items in, 政策解读 when it has 解读 or policies that need
/// one, its open letters mailbox, 意见征集 and 在线访谈 when it has any published — each with its newest date and item count
/// from the records (published items' 发布日期; a mailbox's newest published answer; solicitations' and interviews'
/// publication). A column whose records are gone is made inactive, and active again when they come back.
/// A new column gets a default update class (通知、公告、规章、规范性文件 and 政策解读: 通知公告/政策文件类; the rest 其他),
/// first-level, needing updates, not marked as a homepage column; after that the class, 应更新, 一级栏目 and 首页栏目 are
/// the staff's and a sync never changes them.
/// </summary>
public sealed class SyncOwnColumns(GongkaiDb db, TimeProvider clock)
{
    private sealed record Wanted(ColumnSource Source, string Key, string Name, string Url, UpdateClass Class, DateOnly? NewestOn, int Count);

    public async Task<IReadOnlyList<SiteColumn>> HandleAsync(Unit unit, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var wanted = new List<Wanted>();
        var published = db.CatalogItems.AsNoTracking().Where(i => i.UnitId == unit.Id && i.State == CatalogState.Published);

        var themes = await published.GroupBy(i => i.Theme).Select(g => new { Theme = g.Key, Newest = g.Max(i => i.PublishedOn), Count = g.Count() }).ToListAsync(ct);
        foreach (var g in themes.GroupBy(t => CatalogTerms.FirstLevel(t.Theme)).Where(g => g.Key.Length > 0))
            wanted.Add(new(ColumnSource.CatalogTheme, g.Key, g.Key, $"/xxgk/{unit.Code}?theme={Uri.EscapeDataString(g.Key)}", UpdateClass.Other,
                g.Max(t => t.Newest), g.Sum(t => t.Count)));

        var genres = await published.GroupBy(i => i.Genre).Select(g => new { Genre = g.Key, Newest = g.Max(i => i.PublishedOn), Count = g.Count() }).ToListAsync(ct);
        foreach (var g in genres.Where(g => g.Genre != Genre.Interpretation))
            wanted.Add(new(ColumnSource.CatalogGenre, g.Genre.ToString(), g.Genre.ChineseName(), $"/xxgk/{unit.Code}?genre={g.Genre}",
                g.Genre is Genre.Notice or Genre.Announcement or Genre.Rule or Genre.NormativeDocument ? UpdateClass.NoticePolicy : UpdateClass.Other, g.Newest, g.Count));

        var interpretations = genres.SingleOrDefault(g => g.Genre == Genre.Interpretation);
        var needsInterpretation = await published.Where(Catalog.CatalogItem.MustBeInterpreted).AnyAsync(ct);
        if (interpretations is not null || needsInterpretation)
            wanted.Add(new(ColumnSource.Interpretations, "", "政策解读", $"/xxgk/{unit.Code}?genre={Genre.Interpretation}", UpdateClass.NoticePolicy,
                interpretations?.Newest, interpretations?.Count ?? 0));

        var mailbox = await db.Mailboxes.AsNoTracking().Where(m => m.UnitId == unit.Id && m.IsOpen).Select(m => m.Name).SingleOrDefaultAsync(ct);
        if (mailbox is not null)
        {
            var answers = db.Letters.AsNoTracking().Where(l => l.MailboxUnitId == unit.Id && l.Published);
            wanted.Add(new(ColumnSource.Mailbox, unit.Id.ToString(), mailbox, $"/hdjl/letters?mailbox={unit.Code}", UpdateClass.Other,
                await answers.MaxAsync(l => l.PublishedOn, ct), await answers.CountAsync(ct)));
        }

        var solicitations = db.Solicitations.AsNoTracking()
            .Where(s => s.UnitId == unit.Id && (s.State == ParticipationState.Published || s.State == ParticipationState.Concluded));
        if (await solicitations.AnyAsync(ct))
            wanted.Add(new(ColumnSource.Solicitations, "", "意见征集", "/hdjl/zjdc", UpdateClass.Other,
                await solicitations.MaxAsync(s => s.PublishedOn, ct), await solicitations.CountAsync(ct)));

        var interviews = db.Interviews.AsNoTracking()
            .Where(s => s.UnitId == unit.Id && (s.State == ParticipationState.Published || s.State == ParticipationState.Concluded));
        if (await interviews.AnyAsync(ct))
            wanted.Add(new(ColumnSource.Interviews, "", "在线访谈", "/hdjl/zxft", UpdateClass.Other,
                await interviews.MaxAsync(s => s.PublishedOn, ct), await interviews.CountAsync(ct)));

        var existing = await db.SiteColumns.Where(c => c.UnitId == unit.Id && c.Source != ColumnSource.External).ToListAsync(ct);
        foreach (var w in wanted)
        {
            var column = existing.FirstOrDefault(c => c.Source == w.Source && c.SourceKey == w.Key);
            if (column is null)
            {
                column = new SiteColumn
                {
                    UnitId = unit.Id, Source = w.Source, SourceKey = w.Key, DateSource = DateSource.Records, UpdateClass = w.Class,
                    TopLevel = true, NeedsUpdates = true, OnHomepage = false, CreatedAt = now,
                };
                db.SiteColumns.Add(column);
                existing.Add(column);
            }
            column.Name = w.Name;
            column.Url = w.Url;
            column.Active = true;
            column.NewestOn = w.NewestOn;
            column.ItemCount = w.Count;
            column.ReadAt = now;
            column.ReadError = "";
            column.UpdatedAt = now;
        }
        foreach (var gone in existing.Where(c => c.Active && !wanted.Any(w => w.Source == c.Source && w.Key == c.SourceKey)))
        {
            gone.Active = false;
            gone.UpdatedAt = now;
        }
        await db.SaveChangesAsync(ct);
        return [.. existing.Where(c => c.Active)];
    }
}
