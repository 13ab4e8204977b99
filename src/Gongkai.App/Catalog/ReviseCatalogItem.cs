using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// 修订: staff with publishing rights (信息审核 and the administrators, as for <see cref="PublishCatalogItem"/>) correct
/// a published item's title, summary, body or 文号 with a required reason. The item keeps its 索引号 and stays
/// published; the text it had is kept as a <see cref="CatalogItemVersion"/> (1 = as first published), the item's
/// <see cref="CatalogItem.RevisedOn"/> is the Beijing date, its log says 「修订」 with the reason, the search index is
/// told (<see cref="CatalogLog.Append"/>), and the new text is screened for personal data as on publishing.
/// <para>
/// 《政府网站发展指引》(国办发〔2017〕47号) asks that changes to published documents be marked on the document itself, so
/// the public item page says when it was revised and lists the earlier texts with the reasons. The exact wording of
/// that passage could not be read from the stored copies the project's search tool holds (only the opening sections of
/// the 指引 were returned): it is paraphrased here, not quoted, and should be checked against the published text.
/// </para>
/// </summary>
public sealed class ReviseCatalogItem(GongkaiDb db, CatalogLog log)
{
    /// <param name="LawfulReason">Why publishing despite the screen's hits is lawful, as on publishing.</param>
    public sealed record Input(Guid Id, string Title, string Summary, string Body, string DocumentNumber, string Reason, string LawfulReason = "");

    public async Task<Outcome<CatalogItem>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanReviewCatalog)
            return Outcome<CatalogItem>.Denied("只有信息审核人员或管理员可以修订已发布的信息。");
        var item = await log.FindAsync(input.Id, actor, ct);
        if (item is null)
            return Outcome<CatalogItem>.Missing("找不到该信息，或该信息不在您的管辖范围内。");
        if (item.State != CatalogState.Published)
            return Outcome<CatalogItem>.Invalid("State", $"该信息当前为“{item.State.ChineseName()}”，只有已发布的信息可以修订。");

        var reason = (input.Reason ?? "").Trim();
        var title = (input.Title ?? "").Trim();
        var summary = (input.Summary ?? "").Trim();
        var number = (input.DocumentNumber ?? "").Trim();
        var body = CatalogBodyHtml.Sanitize(input.Body ?? "");
        List<Problem> problems = [];
        if (reason.Length == 0)
            problems.Add(new("Reason", "请填写修订说明（修订了什么、为什么修订），将在信息页面公开。"));
        else if (reason.Length > 500)
            problems.Add(new("Reason", "修订说明不能超过 500 字。"));
        if (title.Length == 0)
            problems.Add(new("Title", "请填写名称。"));
        else if (title.Length > 200)
            problems.Add(new("Title", "名称不能超过 200 字。"));
        if (summary.Length > CatalogTerms.MaxSummary)
            problems.Add(new("Summary", $"内容概述不能超过 {CatalogTerms.MaxSummary} 字。"));
        if (number.Length > 50)
            problems.Add(new("DocumentNumber", "文号不能超过 50 字。"));
        if (problems.Count == 0 && title == item.Title && summary == item.Summary && body == item.Body && number == item.DocumentNumber)
            problems.Add(new("Body", "内容没有变化，无需修订。"));
        if (problems.Count > 0)
            return Outcome<CatalogItem>.Invalid(problems);

        // The screen of publishing, on the text as it will be published.
        var hits = PublishCatalogItem.Screen(new CatalogItem { Title = title, Summary = summary, Body = body, DocumentNumber = number, Keywords = item.Keywords });
        if (hits.Count > 0 && string.IsNullOrWhiteSpace(input.LawfulReason))
            return Outcome<CatalogItem>.Invalid([.. hits.Select(h => new Problem("PersonalData",
                $"发现{h.Kind.ChineseName()}“{h.Masked}”：请删除或遮盖后再修订；或填写依法公开的理由。"))]);

        var earlier = await db.CatalogItemVersions.Where(v => v.ItemId == item.Id).OrderByDescending(v => v.Number)
            .Select(v => (int?)v.Number).FirstOrDefaultAsync(ct) ?? 0;
        var today = log.Today;
        db.CatalogItemVersions.Add(new CatalogItemVersion
        {
            ItemId = item.Id,
            Number = earlier + 1,
            Title = item.Title,
            Summary = item.Summary,
            Body = item.Body,
            DocumentNumber = item.DocumentNumber,
            FormedOn = item.FormedOn,
            PublishedOn = earlier == 0 ? item.PublishedOn : item.RevisedOn,
            ReplacedAt = log.Now,
            ReplacedOn = today,
            Reason = reason,
            ActorName = actor.DisplayName,
        });
        (item.Title, item.Summary, item.Body, item.DocumentNumber, item.RevisedOn) = (title, summary, body, number, today);
        if (hits.Count > 0)
            log.Append(item, CatalogActions.PersonalDataExplained, actor,
                $"{string.Join("、", hits.Select(h => $"{h.Kind.ChineseName()}{h.Masked}"))}：{input.LawfulReason.Trim()}");
        log.Append(item, CatalogActions.Revised, actor, reason);   // queues the item for the search index too
        await db.SaveChangesAsync(ct);
        return Outcome<CatalogItem>.Done(item);
    }
}
