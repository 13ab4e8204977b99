using Gongkai.App.Accounts;
using Gongkai.App.Demo;
using Gongkai.App.Letters;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;

namespace Gongkai.Tests.Search;

/// <summary>Letters brought where a test needs them through the same use cases as the pages: written, answered, published, withdrawn.</summary>
internal static class LetterBuilder
{
    /// <summary>The mailboxes of the demo (市长信箱, 区长信箱, 局长信箱), without letters.</summary>
    public static async Task MailboxesAsync(TestDatabase db)
    {
        await using var scope = db.Scope();
        await db.Get<SeedDemoLetters>(scope).OpenMailboxesAsync();
    }

    /// <param name="mailbox">A demo unit's key ("city", "yy"), or <see cref="WriteLetter.ErrorChannel"/>.</param>
    public static async Task<Guid> WriteAsync(TestDatabase db, string subject, string content, string mailbox = "city", LetterType type = LetterType.Consultation, bool consent = true)
    {
        await using var scope = db.Scope();
        var key = mailbox == WriteLetter.ErrorChannel ? mailbox : SeedDemoData.CodeOf(mailbox);
        var written = await db.Get<WriteLetter>(scope).HandleAsync(key, new LetterRequest
        {
            Type = type,
            Subject = subject,
            Content = content,
            Name = "张三",
            Phone = "0000-88120000",
            PublishConsent = consent,
            PageUrl = type == LetterType.SiteError ? "https://www.qinglan.example/xxgk/" : "",
        });
        Assert.True(written.Succeeded, string.Join("; ", written.Problems));
        return written.Value!.Id;
    }

    public static async Task StepAsync(TestDatabase db, Guid letter, LetterEventKind kind, string note = "")
    {
        await using var scope = db.Scope();
        var step = await db.Get<RecordLetterStep>(scope).HandleAsync(new(letter, kind, note), StaffScope.System);
        Assert.True(step.Succeeded, string.Join("; ", step.Problems));
    }

    /// <summary>受理, 提交答复, 审核通过并答复 — all today.</summary>
    public static async Task AnswerAsync(TestDatabase db, Guid letter, string answer)
    {
        await StepAsync(db, letter, LetterEventKind.Accepted);
        await StepAsync(db, letter, LetterEventKind.AnswerSubmitted, answer);
        await StepAsync(db, letter, LetterEventKind.Answered);
    }

    /// <summary>公开选登 with the texts as written and answered.</summary>
    public static async Task PublishAsync(TestDatabase db, Guid letter, string subject, string content, string answer)
    {
        await using var scope = db.Scope();
        var published = await db.Get<PublishLetter>(scope).HandleAsync(new(letter, subject, content, answer), StaffScope.System);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems));
    }

    /// <summary>A letter written, answered and published today.</summary>
    public static async Task<Guid> PublishedAsync(TestDatabase db, string subject, string content, string answer, string mailbox = "city",
        LetterType type = LetterType.Consultation)
    {
        var letter = await WriteAsync(db, subject, content, mailbox, type);
        await AnswerAsync(db, letter, answer);
        await PublishAsync(db, letter, subject, content, answer);
        return letter;
    }
}
