using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>Loads catalog items inside an actor's scope and writes their log; shared by the editing use cases.</summary>
public sealed class CatalogLog(GongkaiDb db, TimeProvider clock)
{
    public DateOnly Today => clock.Today();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<CatalogItem?> FindAsync(Guid id, StaffScope actor, CancellationToken ct = default)
    {
        var scope = actor.ScopePath;
        return db.CatalogItems.Include(i => i.Unit).Include(i => i.Log).Include(i => i.Interprets)
            .SingleOrDefaultAsync(i => i.Id == id && i.Unit.Path.StartsWith(scope), ct);
    }

    /// <summary>Logs a change and queues the item for the search index in the same unit of work.</summary>
    public void Append(CatalogItem item, string action, StaffScope actor, string note = "")
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Set<Search.SearchChange>().Add(new Search.SearchChange { ItemId = item.Id, EnqueuedAt = now });
        item.UpdatedAt = now;
        item.Log.Add(new CatalogLogEntry
        {
            ItemId = item.Id,
            Sequence = item.Log.Count == 0 ? 1 : item.Log.Max(e => e.Sequence) + 1,
            Action = action,
            At = now,
            ActorId = actor.AccountId,
            ActorName = actor.DisplayName,
            Note = note,
        });
    }
}

/// <summary>An editor (信息发布) creates or changes a draft; the body's HTML is sanitized (<see cref="CatalogBodyHtml"/>) before it is stored.</summary>
public sealed class SaveCatalogDraft(GongkaiDb db, CatalogLog log)
{
    public sealed record Input(Guid? Id, string UnitCode, CatalogDraft Draft);

    public async Task<Outcome<CatalogItem>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanEditCatalog)
            return Outcome<CatalogItem>.Denied("只有信息发布人员或管理员可以编辑主动公开信息。");
        CatalogItem? item = null;
        if (input.Id is { } id)
        {
            item = await log.FindAsync(id, actor, ct);
            if (item is null)
                return Outcome<CatalogItem>.Missing("找不到该信息，或该信息不在您的管辖范围内。");
            if (item.State != CatalogState.Draft)
                return Outcome<CatalogItem>.Invalid("State", $"该信息当前为“{item.State.ChineseName()}”，只有草稿可以修改。");
        }
        var problems = input.Draft.Problems(log.Today).Select(p => new Problem(p.Field, p.Message)).ToList();
        var unit = await db.Units.SingleOrDefaultAsync(u => u.Code == input.UnitCode, ct);
        if (unit is null || !actor.Covers(unit.Path))
            problems.Add(new("UnitCode", "请选择发布机构（本单位或下级单位）。"));
        CatalogItem? policy = null;
        if (input.Draft.Genre == Genre.Interpretation && !string.IsNullOrWhiteSpace(input.Draft.InterpretsIndexNumber))
        {
            var number = input.Draft.InterpretsIndexNumber.Trim();
            policy = await db.CatalogItems.SingleOrDefaultAsync(i => i.IndexNumber == number && i.State == CatalogState.Published, ct);
            if (policy is null)
                problems.Add(new("InterpretsIndexNumber", $"没有索引号为 {number} 的已发布政策。"));
        }
        if (problems.Count > 0)
            return Outcome<CatalogItem>.Invalid(problems);

        if (item is null)
        {
            item = new CatalogItem { State = CatalogState.Draft, CreatedAt = log.Now };
            db.CatalogItems.Add(item);
        }
        var d = input.Draft;
        item.UnitId = unit!.Id;
        item.Title = d.Title.Trim();
        item.Summary = d.Summary.Trim();
        item.Body = CatalogBodyHtml.Sanitize(d.Body ?? "");
        item.FormedOn = d.FormedOn;
        item.DocumentNumber = d.DocumentNumber.Trim();
        item.Theme = d.Theme.Trim();
        item.Genre = d.Genre;
        item.Keywords = d.Keywords.Trim();
        item.Attribute = d.Attribute;
        item.Validity = d.Validity;
        item.EffectiveOn = d.Genre.HasValidity() ? d.EffectiveOn : null;
        item.RepealedOn = d.Genre.HasValidity() ? d.RepealedOn : null;
        item.Channels = d.Channels | PublicationChannels.Website;
        item.InterpretsId = policy?.Id;
        log.Append(item, item.Log.Count == 0 ? CatalogActions.Drafted : CatalogActions.Edited, actor);
        await db.SaveChangesAsync(ct);
        return Outcome<CatalogItem>.Done(item);
    }
}

/// <summary>An editor sends a draft for review (信息审核).</summary>
public sealed class SubmitCatalogItem(GongkaiDb db, CatalogLog log)
{
    public async Task<Outcome<CatalogItem>> HandleAsync(Guid id, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanEditCatalog)
            return Outcome<CatalogItem>.Denied("只有信息发布人员或管理员可以提交审核。");
        var item = await log.FindAsync(id, actor, ct);
        if (item is null)
            return Outcome<CatalogItem>.Missing("找不到该信息，或该信息不在您的管辖范围内。");
        if (item.State != CatalogState.Draft)
            return Outcome<CatalogItem>.Invalid("State", $"该信息当前为“{item.State.ChineseName()}”，不能提交审核。");
        if (item.Attribute != DisclosureAttribute.Proactive)
            return Outcome<CatalogItem>.Invalid("Attribute", $"公开属性为“{item.Attribute.ChineseName()}”的信息不列入主动公开目录。");
        item.State = CatalogState.Submitted;
        log.Append(item, CatalogActions.Submitted, actor);
        await db.SaveChangesAsync(ct);
        return Outcome<CatalogItem>.Done(item);
    }
}
