using Ganss.Xss;
using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Units;
using Gongkai.Core.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// An editor (信息发布) creates or changes a draft; the body's HTML is sanitized (<see cref="CatalogBodyHtml"/>) before it is stored. The edit page posts
/// its attachments with the fields — a file chosen, an attachment removed — so that nothing typed is lost to an upload
/// (issue 12): the fields, then the attachment's change, are written in one transaction, or nothing is.
/// </summary>
public sealed class SaveCatalogDraft(GongkaiDb db, CatalogLog log, AttachmentLimits limits)
{
    /// <param name="Attach">A file to add to the draft with its fields (checked as <see cref="AddCatalogAttachment"/> checks it).</param>
    /// <param name="Detach">One of the draft's attachments to remove with its fields saved.</param>
    public sealed record Input(Guid? Id, string UnitCode, CatalogDraft Draft, AttachmentUpload? Attach = null, Guid? Detach = null);

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
        else if (input.Draft.Genre == Genre.Interpretation && input.Draft.InterpretsId is { } policyId)
        {
            // 解读三同步: a 解读 is drafted with its policy, before the policy has a 索引号 (the policy in the editor's scope).
            policy = await db.CatalogItems.Within(actor.ScopePath).SingleOrDefaultAsync(
                i => i.Id == policyId && i.Genre != Genre.Interpretation && i.State != CatalogState.Withdrawn, ct);
            if (policy is null)
                problems.Add(new("InterpretsIndexNumber", "找不到所解读的政策，或该政策不在您的管辖范围内。"));
        }
        if (policy is not null && policy.Id == input.Id)
            problems.Add(new("InterpretsIndexNumber", "解读不能关联其自身。"));
        List<AttachmentName> attachments = item is null ? [] : await CatalogAttachmentRules.NamesAsync(db, item.Id, ct);
        var removed = input.Detach is { } detach ? attachments.FirstOrDefault(a => a.Id == detach) : null;
        if (input.Detach is not null && removed is null)
            problems.Add(new(CatalogAttachmentRules.Field, "该信息没有这个附件，可能已被删除。"));
        CatalogAttachment? added = null;
        if (input.Attach is { } upload)
        {
            (added, var refused) = await CatalogAttachmentRules.ReadAsync(upload, [.. attachments.Where(a => a != removed)], limits, log.Now, ct);
            if (refused is not null)
                problems.Add(new(CatalogAttachmentRules.Field, refused));
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
        item.NeedsInterpretation = d.Genre != Genre.Interpretation && d.NeedsInterpretation;
        item.InterpretationForms = d.Genre != Genre.Interpretation ? Core.Participation.InterpretationForms.None
            : d.InterpretationForms == Core.Participation.InterpretationForms.None ? Core.Participation.InterpretationForms.Text : d.InterpretationForms;
        item.InterpretationWaiver = d.Genre == Genre.Interpretation ? "" : (d.InterpretationWaiver ?? "").Trim();
        db.ChangeTracker.DetectChanges();
        var entry = db.Entry(item);
        if (entry.State == EntityState.Added || entry.Properties.Any(p => p.IsModified))   // an upload alone is not an edit
            log.Append(item, item.Log.Count == 0 ? CatalogActions.Drafted : CatalogActions.Edited, actor);
        if (removed is not null)
            CatalogAttachmentRules.Remove(db, log, item, removed.Id, removed.FileName, actor);
        if (added is not null)
            CatalogAttachmentRules.Add(db, log, item, added, actor);
        await db.SaveChangesAsync(ct);
        return Outcome<CatalogItem>.Done(item);
    }
}
