using System.Net;
using System.Text.RegularExpressions;
using Gongkai.App.Accounts;
using Gongkai.App.Calendar;
using Gongkai.App.Data;
using Gongkai.App.Privacy;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Catalog;

/// <summary>
/// A reviewer (信息审核) publishes a submitted item: its text and the text of its attachments are screened for personal
/// data first (a hit blocks publication unless the reviewer records why publishing it is lawful), then it gets the next 索引号 of its unit and
/// period, in the same transaction that publishes it. An item published after the 第二十六条 deadline is logged as late.
/// </summary>
public sealed partial class PublishCatalogItem(GongkaiDb db, CatalogLog log, OfficialCalendar calendars, IndexNumberFormat format)
{
    /// <param name="LawfulReason">Why publishing despite the screen's hits is lawful (e.g. 「公示法定代表人信息系法律规定」).</param>
    /// <param name="ActiveContentConfirmed">The reviewer has looked at the PDFs among the attachments that would run something by themselves and publishes them.</param>
    /// <param name="InterpretationWaiver">For a policy that must be interpreted and has no 解读 ready: why it is published without one (解读三同步).</param>
    public sealed record Input(Guid Id, string LawfulReason = "", bool ActiveContentConfirmed = false, string InterpretationWaiver = "");

    public async Task<Outcome<CatalogItem>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanReviewCatalog)
            return Outcome<CatalogItem>.Denied("只有信息审核人员或管理员可以发布信息。");
        var item = await log.FindAsync(input.Id, actor, ct);
        if (item is null)
            return Outcome<CatalogItem>.Missing("找不到该信息，或该信息不在您的管辖范围内。");
        if (item.State != CatalogState.Submitted)
            return Outcome<CatalogItem>.Invalid("State", $"该信息当前为“{item.State.ChineseName()}”，只有待审核的信息可以发布。");
        if (item.Genre == Genre.Interpretation && item.Interprets is { State: CatalogState.Draft or CatalogState.Submitted } unpublished)
            return Outcome<CatalogItem>.Invalid("Interpretation", $"所解读的政策《{unpublished.Title}》尚未发布：解读与政策同步发布（解读三同步），发布该政策时本解读一并发布。");

        // 解读三同步: a policy that must be interpreted goes out with its 解读 ready (submitted for review, or already
        // published), or with a recorded reason; its submitted 解读 in the reviewer's scope are published with it.
        List<CatalogItem> companions = [];
        var waiver = string.IsNullOrWhiteSpace(input.InterpretationWaiver) ? item.InterpretationWaiver : input.InterpretationWaiver.Trim();
        if (InterpretationRule.MustBeInterpreted(item.Genre, item.NeedsInterpretation))
        {
            var ready = await db.CatalogItems.Include(i => i.Unit).Include(i => i.Log)
                .Where(i => i.InterpretsId == item.Id && i.Genre == Genre.Interpretation
                    && (i.State == CatalogState.Submitted || i.State == CatalogState.Published)).OrderBy(i => i.CreatedAt).ToListAsync(ct);
            companions = [.. ready.Where(i => i.State == CatalogState.Submitted && actor.Covers(i.Unit.Path))];
            var interpreted = companions.Count > 0 || ready.Any(i => i.State == CatalogState.Published);
            if (InterpretationRule.Refusal(item.Genre, item.NeedsInterpretation, interpreted, waiver) is { } refusal)
                return Outcome<CatalogItem>.Invalid("Interpretation", refusal);
            if (waiver.Length > 1000)
                return Outcome<CatalogItem>.Invalid("InterpretationWaiver", "不解读的理由不能超过 1000 字。");
        }

        List<Problem> problems = [];
        var screened = new List<(CatalogItem Item, IReadOnlyList<PersonalDataHit> Hits, IReadOnlyList<AttachmentFinding> InAttachments, string ActiveNote)>();
        foreach (var each in companions.Prepend(item))
        {
            var hits = Screen(each);
            var inAttachments = await ScreenAttachmentsAsync(db, each.Id, ct);
            var active = await db.CatalogAttachments.AsNoTracking().Where(a => a.ItemId == each.Id && a.ActiveContent != ActiveContent.None)
                .OrderBy(a => a.SortOrder).Select(a => new { a.FileName, a.ActiveContent }).ToListAsync(ct);
            var activeNote = string.Join("；", active.Select(a => $"附件《{a.FileName}》含有{a.ActiveContent.ChineseName()}"));
            var of = each == item ? "" : $"解读《{each.Title}》：";
            if (hits.Count + inAttachments.Count > 0 && string.IsNullOrWhiteSpace(input.LawfulReason))
                problems.AddRange([
                    .. hits.Select(h => new Problem("PersonalData", $"{of}发现{h.Kind.ChineseName()}“{h.Masked}”：请退回修改，删除或遮盖后重新提交；或填写依法公开的理由。")),
                    .. inAttachments.Select(f => new Problem("PersonalData", $"{of}{f}：请退回修改，删除或更换该附件后重新提交；或填写依法公开的理由。"))]);
            if (active.Count > 0 && !input.ActiveContentConfirmed)
                problems.Add(new("ActiveContent", $"{of}{activeNote}，公众打开时可能自动运行：请退回修改、更换为不含脚本的文件；确需发布的，请核实后勾选“已核实附件中的脚本，确需发布”。"));
            screened.Add((each, hits, inAttachments, activeNote));
        }
        if (problems.Count > 0)
            return Outcome<CatalogItem>.Invalid(problems);

        var today = log.Today;
        var calendar = await calendars.GetAsync(db, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (waiver != item.InterpretationWaiver && InterpretationRule.MustBeInterpreted(item.Genre, item.NeedsInterpretation))
        {
            item.InterpretationWaiver = waiver;
            log.Append(item, CatalogActions.InterpretationWaived, actor, waiver);
        }
        foreach (var (each, hits, inAttachments, activeNote) in screened)
        {
            var prefix = format.Prefix(each.Unit.Code);
            var serial = await NextSerialAsync(prefix, format.Period(today), ct);
            each.IndexNumber = format.Format(each.Unit.Code, today, serial);
            each.State = CatalogState.Published;
            each.PublishedOn = today;
            if (hits.Count + inAttachments.Count > 0)
            {
                var found = string.Join("、", [.. hits.Select(h => $"{h.Kind.ChineseName()}{h.Masked}"), .. inAttachments.Select(f => f.ToString())]);
                log.Append(each, CatalogActions.PersonalDataExplained, actor, Note(found, input.LawfulReason.Trim()));
            }
            if (activeNote.Length > 0)
                log.Append(each, CatalogActions.ActiveContentConfirmed, actor, activeNote.Length <= 2000 ? activeNote : activeNote[..1999] + "…");
            var late = CatalogActions.LateNote(PublicationDeadline.DaysLate(calendar, each.FormedOn, today));
            log.Append(each, CatalogActions.Published, actor, each == item ? late : $"与所解读的政策《{item.Title}》同步发布。{late}");
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<CatalogItem>.Done(item);
    }

    /// <summary>
    /// Personal data in the title, 文号, keywords, summary and body (国办秘函〔2019〕19号 lists leaks as a single-veto
    /// failure): the body as its reader sees it, its attributes included (<see cref="HtmlReaderText"/>).
    /// </summary>
    public static IReadOnlyList<PersonalDataHit> Screen(CatalogItem item) =>
        PersonalDataScreen.Find($"{item.Title}\n{item.DocumentNumber}\n{item.Keywords}\n{item.Summary}\n{HtmlReaderText.TextOf(item.Body)}");

    /// <summary>
    /// Personal data in the text of an item's attachments, one finding per attachment and kind (a name list can hold
    /// hundreds of numbers): the first value, masked, and how many there are. The texts are read one at a time.
    /// </summary>
    public static async Task<IReadOnlyList<AttachmentFinding>> ScreenAttachmentsAsync(GongkaiDb db, Guid itemId, CancellationToken ct = default)
    {
        var findings = new List<AttachmentFinding>();
        var texts = db.CatalogAttachments.AsNoTracking().Where(a => a.ItemId == itemId && a.Text != "").OrderBy(a => a.SortOrder)
            .Select(a => new { a.FileName, a.Text }).AsAsyncEnumerable();
        await foreach (var a in texts.WithCancellation(ct))
        {
            findings.AddRange(PersonalDataScreen.Find(a.Text).GroupBy(h => h.Kind)
                .Select(g => new AttachmentFinding(a.FileName, g.Key, g.First().Masked, g.Count())));
        }
        return findings;
    }

    /// <summary>What was found and why it may be published, within the log's 2000 characters (the reason is kept whole).</summary>
    private static string Note(string found, string reason)
    {
        var room = 2000 - reason.Length - 2;
        return (found.Length <= room ? found : found[..Math.Max(0, room - 1)] + "…") + "：" + reason;
    }

    /// <summary>The body's words for the search index and snippets (every tag a space); the screen reads <see cref="HtmlReaderText"/>.</summary>
    public static string PlainText(string html) => WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    /// <summary>
    /// The next serial of a 前段码 and period. The counter row is created if missing and incremented by one UPDATE …
    /// RETURNING, which both SQLite and PostgreSQL run atomically; on PostgreSQL the row stays locked until the
    /// publishing transaction commits, so two reviewers publishing at once never get the same number.
    /// </summary>
    private async Task<int> NextSerialAsync(string prefix, int period, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO catalog_index_counters ("Prefix", "Period", "Last") VALUES ({prefix}, {period}, 0) ON CONFLICT DO NOTHING""", ct);
        var next = await db.Database.SqlQuery<int>(
            $"""UPDATE catalog_index_counters SET "Last" = "Last" + 1 WHERE "Prefix" = {prefix} AND "Period" = {period} RETURNING "Last" AS "Value" """)
            .ToListAsync(ct);
        return next.Single();
    }
}

/// <summary>Personal data of one kind in one attachment: the first value found, masked, and how many values there are.</summary>
public sealed record AttachmentFinding(string FileName, PersonalDataKind Kind, string Masked, int Count)
{
    /// <summary>附件《名单.xlsx》中发现居民身份证号码“110105********002X”等 37 处.</summary>
    public override string ToString() => $"附件《{FileName}》中发现{Kind.ChineseName()}“{Masked}”{(Count > 1 ? $"等 {Count} 处" : "")}";
}
