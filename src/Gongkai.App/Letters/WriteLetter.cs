using Gongkai.App.Data;
using Gongkai.App.Tracking;
using Gongkai.Core.Catalog;
using Gongkai.Core.Letters;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Letters;

/// <summary>A file a writer sends with a letter.</summary>
public sealed record LetterUpload(string FileName, byte[] Content);

/// <summary>
/// A letter from the public to a unit's mailbox, or a report to the website-error channel (<see cref="ErrorChannel"/>).
/// The writer gets the letter number, the private query code and the due date counted from today. The same text sent
/// again within <see cref="LetterSettings.DuplicateWindow"/> is refused (一信多投).
/// </summary>
public sealed class WriteLetter(GongkaiDb db, LetterLog log, TimeProvider clock)
{
    /// <summary>The mailbox key of the website-error channel (我为政府网站找错), in the API and the URLs.</summary>
    public const string ErrorChannel = "zhaocuo";
    public const string ErrorChannelName = "我为政府网站找错";

    public const int MaxFiles = 5;
    public const long MaxFileBytes = 10 * 1024 * 1024;

    public sealed record Receipt(Guid Id, string Number, string QueryCode, DateOnly DueOn, string Mailbox);

    /// <param name="suggestionsShown">The writer was shown similar answers first and sent anyway: counted with the letter
    /// (<see cref="LetterSuggestionOutcome"/>, not stopped) in the same transaction.</param>
    public async Task<Outcome<Receipt>> HandleAsync(string mailbox, LetterRequest request, IReadOnlyList<LetterUpload>? files = null,
        bool suggestionsShown = false, CancellationToken ct = default)
    {
        files ??= [];
        var errorChannel = string.Equals(mailbox?.Trim(), ErrorChannel, StringComparison.OrdinalIgnoreCase);
        var problems = request.Problems(errorChannel).Select(p => new Problem(p.Field, p.Message)).ToList();
        var target = await FindMailboxAsync(db, mailbox, ct);
        if (target is null)
            problems.Add(new("mailbox", "请选择一个开放的信箱。"));
        if (files.Count > MaxFiles)
            problems.Add(new("files", $"附件最多 {MaxFiles} 个。"));
        var attachments = new List<LetterAttachment>();
        foreach (var file in files.Take(MaxFiles))
        {
            var (check, name, problem) = AttachmentRules.CheckUpload(file.FileName, file.Content, MaxFileBytes, AcceptedKinds.LetterAttachments);
            if (problem is not null)
                problems.Add(new("files", problem));
            else
                attachments.Add(new LetterAttachment { FileName = name, ContentType = check.Kind.MimeType(), Content = file.Content });
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var fingerprint = LetterRequest.Fingerprint(request.Content ?? "");
        if (problems.Count == 0)
        {
            var since = now - log.Settings.DuplicateWindow;
            var earlier = await db.Letters.AsNoTracking().Where(l => l.Fingerprint == fingerprint && l.CreatedAt > since)
                .Select(l => new { l.CreatedAt, Mailbox = l.MailboxUnit.ShortName }).FirstOrDefaultAsync(ct);
            if (earlier is not null)
                problems.Add(new("content", $"相同内容的来信已于 {earlier.CreatedAt.InChina():yyyy-MM-dd HH:mm} 提交，请勿重复提交或一信多投；" +
                    "办理情况可凭查询码查询。"));
        }
        if (problems.Count > 0)
            return Outcome<Receipt>.Invalid(problems);

        var today = log.Today;
        var letter = new Letter
        {
            QueryCode = TrackingCode.New(),
            Channel = errorChannel ? LetterChannel.SiteError : LetterChannel.Mailbox,
            MailboxUnitId = target!.UnitId,
            UnitId = target.UnitId,
            Type = request.Type,
            Subject = (request.Subject ?? "").Trim(),
            Content = (request.Content ?? "").Trim(),
            PageUrl = request.Type == LetterType.SiteError ? (request.PageUrl ?? "").Trim() : "",
            WriterName = (request.Name ?? "").Trim(),
            Phone = (request.Phone ?? "").Trim(),
            Email = (request.Email ?? "").Trim(),
            PublishConsent = request.PublishConsent,
            Fingerprint = fingerprint,
            CreatedAt = now,
            Attachments = attachments,
        };
        await log.AppendAsync(letter, new LetterLogEntry { Kind = LetterEventKind.Submitted, Date = today, Note = "来信人通过互联网提交" }, null, "来信人", ct);
        db.Letters.Add(letter);
        if (suggestionsShown)
            db.LetterSuggestionOutcomes.Add(new LetterSuggestionOutcome { MailboxUnitId = target.UnitId, Date = today, Stopped = false });
        await LetterNumbers.SaveWithNumberAsync(db, letter, today, ct);
        return Outcome<Receipt>.Done(new Receipt(letter.Id, letter.Number, letter.QueryCode, letter.DueOn!.Value, target.Name));
    }

    /// <summary>An open mailbox by its unit's code, or the error channel (the top unit's site).</summary>
    public static async Task<Mailbox?> FindMailboxAsync(GongkaiDb db, string? key, CancellationToken ct)
    {
        key = key?.Trim() ?? "";
        if (string.Equals(key, ErrorChannel, StringComparison.OrdinalIgnoreCase))
        {
            var top = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.SortOrder).Select(u => new { u.Id, u.FullName }).FirstOrDefaultAsync(ct);
            return top is null ? null : new Mailbox { UnitId = top.Id, Name = ErrorChannelName, IsOpen = true };
        }
        if (!OrganisationCode.TryParse(key, out var code, out _))
            return null;
        return await db.Mailboxes.AsNoTracking().Include(m => m.Unit).SingleOrDefaultAsync(m => m.Unit.Code == code!.Value && m.IsOpen, ct);
    }
}

/// <summary>信件编号: the arrival day and its order that day (202612070003); a number taken by a letter saved at the same moment is retried.</summary>
public static class LetterNumbers
{
    public static string Prefix(DateOnly day) => day.ToString("yyyyMMdd");

    public static async Task SaveWithNumberAsync(GongkaiDb db, Letter letter, DateOnly day, CancellationToken ct)
    {
        var prefix = Prefix(day);
        for (var attempt = 0; ; attempt++)
        {
            var last = await db.Letters.AsNoTracking().Where(l => l.Number.StartsWith(prefix)).MaxAsync(l => (string?)l.Number, ct);
            var next = last is null ? 1 : int.Parse(last[prefix.Length..]) + 1;
            letter.Number = prefix + next.ToString("D4");
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                // Another letter took the number between the read and the write: take the next one.
            }
        }
    }
}
