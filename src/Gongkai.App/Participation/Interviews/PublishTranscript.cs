using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.Core.Catalog;
using Gongkai.Core.Participation;
using Gongkai.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Participation.Interviews;

/// <summary>
/// 文字实录: after the interview has started, staff publish its transcript (one paragraph per line) with pictures, each
/// with a caption that is also its alternative text; publishing concludes the interview. Published again, it replaces
/// the text, changes captions, adds and removes pictures (修改结果). The text must pass the personal-data screen.
/// </summary>
public sealed class PublishTranscript(GongkaiDb db, ParticipationLog log)
{
    public const int MaxTranscript = 200_000;
    public const int MaxPictures = 30;
    public const long MaxPictureBytes = 10 * 1024 * 1024;

    public static readonly AcceptedKinds Pictures = new(
        [AttachmentKind.Png, AttachmentKind.Jpeg, AttachmentKind.Gif, AttachmentKind.Webp], "可上传图片（PNG、JPG、GIF、WebP）。");

    public sealed record PictureUpload(string FileName, byte[] Content, string Caption);

    /// <param name="Captions">New captions of pictures already there, by id.</param>
    /// <param name="Remove">Pictures to remove, by id.</param>
    public sealed record Input(Guid InterviewId, string Transcript, IReadOnlyList<PictureUpload>? Add = null,
        IReadOnlyDictionary<Guid, string>? Captions = null, IReadOnlyList<Guid>? Remove = null);

    public async Task<Outcome<Interview>> HandleAsync(Input input, StaffScope actor, CancellationToken ct = default)
    {
        if (OfficeInterviews.Refusal(actor) is { } denied)
            return Outcome<Interview>.Denied(denied);
        if (await OfficeInterviews.FindAsync(db, input.InterviewId, actor, ct) is not { } interview)
            return Outcome<Interview>.Missing("找不到该访谈，或该访谈不在您的管辖范围内。");
        var problems = new List<Problem>();
        if (interview.State == ParticipationState.Published && log.Now < interview.StartsAt)
            problems.Add(new("", "访谈尚未开始，开始后才能发布文字实录。"));
        var text = (input.Transcript ?? "").Replace("\r\n", "\n").Trim();
        if (text.Length == 0)
            problems.Add(new("transcript", "请填写文字实录。"));
        else if (text.Length > MaxTranscript)
            problems.Add(new("transcript", $"文字实录不能超过 {MaxTranscript} 字。"));
        foreach (var hit in PersonalDataScreen.Find(text).Take(5))
            problems.Add(new("transcript", $"文字实录含有个人信息：{hit.Kind.ChineseName()}“…{hit.Context(text)}…”，请删除后再发布。"));

        var existing = await db.ParticipationAttachments.Where(a => a.Kind == ParticipationKind.Interview && a.RecordId == interview.Id)
            .OrderBy(a => a.SortOrder).ToListAsync(ct);
        var remove = (input.Remove ?? []).ToHashSet();
        foreach (var (id, caption) in input.Captions ?? new Dictionary<Guid, string>())
        {
            if (existing.FirstOrDefault(a => a.Id == id) is not { } picture || remove.Contains(id))
                continue;
            var c = (caption ?? "").Trim();
            if (c.Length == 0 || c.Length > 200)
                problems.Add(new("captions", $"“{picture.FileName}”：请填写图片说明（不超过 200 字），它也是读屏软件读出的替代文字。"));
            else
                picture.Caption = c;
        }
        var added = new List<ParticipationAttachment>();
        var order = existing.Count == 0 ? 0 : existing.Max(a => a.SortOrder) + 1;
        foreach (var file in input.Add ?? [])
        {
            var (check, name, problem) = AttachmentRules.CheckUpload(file.FileName, file.Content, MaxPictureBytes, Pictures);
            var caption = (file.Caption ?? "").Trim();
            if (problem is not null)
                problems.Add(new("pictures", problem));
            else if (caption.Length == 0 || caption.Length > 200)
                problems.Add(new("pictures", $"“{name}”：请填写图片说明（不超过 200 字），它也是读屏软件读出的替代文字。"));
            else
                added.Add(new ParticipationAttachment
                {
                    Kind = ParticipationKind.Interview,
                    RecordId = interview.Id,
                    FileName = name,
                    ContentType = check.Kind.MimeType(),
                    Caption = caption,
                    SortOrder = order++,
                    AddedAt = log.Now,
                    Content = file.Content,
                });
        }
        if (existing.Count(a => !remove.Contains(a.Id)) + added.Count > MaxPictures)
            problems.Add(new("pictures", $"图片最多 {MaxPictures} 张。"));
        if (problems.Count > 0)
            return Outcome<Interview>.Invalid(problems);

        var step = interview.State == ParticipationState.Concluded ? ParticipationStep.ConclusionEdited : ParticipationStep.Concluded;
        var note = $"文字实录 {text.Length} 字，图片 {existing.Count(a => !remove.Contains(a.Id)) + added.Count} 张";
        if (log.Append(interview, step, actor, note) is { } refusal)
            return Outcome<Interview>.Invalid("", refusal);
        interview.Transcript = text;
        interview.TranscriptPublishedOn ??= log.Today;
        db.ParticipationAttachments.RemoveRange(existing.Where(a => remove.Contains(a.Id)));
        db.ParticipationAttachments.AddRange(added);
        await db.SaveChangesAsync(ct);
        return Outcome<Interview>.Done(interview);
    }
}
