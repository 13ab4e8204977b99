using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Solicitations;

/// <summary>A file staff attach to a draft (征求意见稿的附件).</summary>
public sealed record SolicitationUpload(string FileName, byte[] Content);

/// <summary>
/// Creates or edits a solicitation. A draft may change in everything; once published, the draft text, kind and period
/// stay as published (the period only grows, by <see cref="ExtendSolicitation"/>) and the rest may be corrected.
/// Attachments pass <see cref="AttachmentRules"/>. Each save is one log entry.
/// </summary>
public sealed class SaveSolicitation(GongkaiDb db, ParticipationLog log, OfficeSolicitations office)
{
    public const int MaxTitle = 200, MaxText = 100_000, MaxExplanation = 20_000, MaxContact = 1000, MaxReason = 1000, MaxFiles = 10;

    /// <param name="Id">Null to create.</param>
    /// <param name="UnitCode">The unit holding it (of the actor's subtree); the actor's own unit when empty. Only on creation.</param>
    public sealed record Input(Guid? Id, string Title, SolicitationKind Kind, bool ConcernsBusinesses, string DraftText, string Explanation,
        string Contact, DateOnly? OpensOn, DateOnly? ClosesOn, string ShortPeriodReason = "", bool ShowComments = true, string? UnitCode = null,
        IReadOnlyList<SolicitationUpload>? Files = null, IReadOnlyList<Guid>? RemoveFiles = null);

    public async Task<Outcome<Solicitation>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (!actor.CanHandleParticipation)
            return Outcome<Solicitation>.Denied("只有互动交流人员、信息发布人员或管理员可以管理意见征集。");
        Solicitation? s = null;
        if (input.Id is { } id && (s = await office.FindAsync(id, actor, ct)) is null)
            return Outcome<Solicitation>.Missing("找不到该意见征集，或它不在您的管辖范围内。");

        var problems = new List<Problem>();
        var title = (input.Title ?? "").Trim();
        var draft = (input.DraftText ?? "").Replace("\r\n", "\n").Trim();
        var explanation = (input.Explanation ?? "").Trim();
        var contact = (input.Contact ?? "").Trim();
        var reason = (input.ShortPeriodReason ?? "").Trim();
        if (title.Length == 0) problems.Add(new("title", "请填写标题。"));
        else if (title.Length > MaxTitle) problems.Add(new("title", $"标题不能超过 {MaxTitle} 字。"));
        if (draft.Length == 0) problems.Add(new("draftText", "请填写征求意见稿正文。"));
        else if (draft.Length > MaxText) problems.Add(new("draftText", $"正文不能超过 {MaxText} 字。"));
        if (explanation.Length > MaxExplanation) problems.Add(new("explanation", $"起草说明不能超过 {MaxExplanation} 字。"));
        if (contact.Length > MaxContact) problems.Add(new("contact", $"联系方式不能超过 {MaxContact} 字。"));
        if (reason.Length > MaxReason) problems.Add(new("shortPeriodReason", $"缩短期限的理由不能超过 {MaxReason} 字。"));
        if (!Enum.IsDefined(input.Kind)) problems.Add(new("kind", "请选择征集类别：规章、重大行政决策、行政规范性文件或其他。"));
        if (input.OpensOn is null) problems.Add(new("opensOn", "请填写开始日期。"));
        if (input.ClosesOn is null) problems.Add(new("closesOn", "请填写截止日期。"));
        else if (input.OpensOn is { } o && input.ClosesOn <= o) problems.Add(new("closesOn", "截止日期应晚于开始日期。"));

        Guid unitId = s?.UnitId ?? Guid.Empty;
        if (s is null)
        {
            var unit = await log.UnitForNewAsync(input.UnitCode, actor, ct);
            if (unit is null) problems.Add(new("unitCode", "请选择您管辖范围内的单位。"));
            else unitId = unit.Id;
        }
        else if (s.State == ParticipationState.Published &&
            (s.DraftText != draft || s.Kind != input.Kind || s.ConcernsBusinesses != input.ConcernsBusinesses || s.OpensOn != input.OpensOn || s.ClosesOn != input.ClosesOn))
            problems.Add(new("draftText", "已发布的意见征集不能修改正文、类别或期限；需要延长期限的，请使用“延长期限”。"));
        else if (s.State is not (ParticipationState.Draft or ParticipationState.Published))
            problems.Add(new("", $"该意见征集当前为“{s.State.ChineseName()}”，不能修改。"));

        var files = new List<ParticipationAttachment>();
        var existing = s is null ? 0 : await db.ParticipationAttachments.CountAsync(a => a.Kind == ParticipationKind.Solicitation && a.RecordId == s.Id, ct);
        var remove = input.RemoveFiles ?? [];
        if (existing - remove.Count + (input.Files?.Count ?? 0) > MaxFiles)
            problems.Add(new("files", $"附件最多 {MaxFiles} 个。"));
        foreach (var file in input.Files ?? [])
        {
            var (check, name, problem) = AttachmentRules.CheckUpload(file.FileName, file.Content, AttachmentRules.DefaultMaxBytes, AcceptedKinds.ReleasedDocuments);
            if (problem is not null)
                problems.Add(new("files", problem));
            else
                files.Add(new ParticipationAttachment
                {
                    Kind = ParticipationKind.Solicitation, FileName = name, ContentType = check.Kind.MimeType(),
                    Content = file.Content, AddedAt = log.Now, SortOrder = existing + files.Count,
                });
        }
        if (problems.Count > 0)
            return Outcome<Solicitation>.Invalid(problems);

        if (s is null)
        {
            s = new Solicitation { UnitId = unitId, CreatedAt = log.Now, UpdatedAt = log.Now };
            db.Solicitations.Add(s);
            log.Created(s, actor, title);
        }
        else if (log.Append(s, ParticipationStep.Edited, actor, title) is { } refusal)
            return Outcome<Solicitation>.Invalid("", refusal);
        s.Title = title;
        s.Kind = input.Kind;
        s.ConcernsBusinesses = input.ConcernsBusinesses;
        s.DraftText = draft;
        s.Explanation = explanation;
        s.Contact = contact;
        s.OpensOn = input.OpensOn!.Value;
        s.ClosesOn = input.ClosesOn!.Value;
        s.ShortPeriodReason = reason;
        s.ShowComments = input.ShowComments;
        foreach (var f in files)
            f.RecordId = s.Id;
        db.ParticipationAttachments.AddRange(files);
        if (remove.Count > 0)
            await db.ParticipationAttachments.Where(a => a.Kind == ParticipationKind.Solicitation && a.RecordId == s.Id && remove.Contains(a.Id)).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Solicitation>.Done(s);
    }
}
