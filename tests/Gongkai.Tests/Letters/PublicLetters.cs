using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Letters;
using Gongkai.Core.Accounts;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Letters;

/// <summary>
/// Test data for the public side of letters, made through the use cases: mailboxes of demo units, letters written,
/// answered (受理, 提交答复, 审核通过并答复) and published (公开选登) by a 互动交流 officer.
/// </summary>
public static class PublicLetters
{
    public static readonly StaffScope Officer = StaffScope.System with { DisplayName = "互动交流", Roles = new HashSet<string> { StaffRole.LettersOfficer } };

    public const string Writer = "张三丰";
    public const string Phone = "13800001234";
    public const string Email = "writer@example.com";

    /// <summary>Opens a mailbox for a demo unit (by its key, e.g. "city", "zjj"); <paramref name="open"/> false leaves it closed.</summary>
    public static async Task<string> MailboxAsync(TestDatabase db, string unitKey, string name, bool open = true, int sortOrder = 0)
    {
        await using var scope = db.Scope();
        var data = db.Get<GongkaiDb>(scope);
        var code = SeedDemoData.CodeOf(unitKey);
        var unit = await data.Units.SingleAsync(u => u.Code == code);
        data.Mailboxes.Add(new Mailbox { UnitId = unit.Id, Name = name, Introduction = $"{name}受理对{unit.ShortName}工作的咨询、建议、投诉和求助。", IsOpen = open, SortOrder = sortOrder });
        await data.SaveChangesAsync();
        return code;
    }

    public static LetterRequest Request(string subject, string content, LetterType type = LetterType.Consultation, bool consent = true) => new()
    {
        Type = type,
        Subject = subject,
        Content = content,
        Name = Writer,
        Phone = Phone,
        Email = Email,
        PageUrl = type == LetterType.SiteError ? "https://www.qinglan.example/xxgk/broken" : "",
        PublishConsent = consent,
    };

    public static async Task<WriteLetter.Receipt> WriteAsync(TestDatabase db, string mailbox, LetterRequest request)
    {
        await using var scope = db.Scope();
        var outcome = await db.Get<WriteLetter>(scope).HandleAsync(mailbox, request);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Value!;
    }

    /// <summary>The office accepts the letter, the unit answers and the office approves: the writer has the answer today.</summary>
    public static async Task AnswerAsync(TestDatabase db, Guid letterId, string answer)
    {
        foreach (var (kind, note) in new[] { (LetterEventKind.Accepted, ""), (LetterEventKind.AnswerSubmitted, answer), (LetterEventKind.Answered, "") })
        {
            await using var scope = db.Scope();
            var outcome = await db.Get<RecordLetterStep>(scope).HandleAsync(new(letterId, kind, note), Officer);
            Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        }
    }

    public static async Task PublishAsync(TestDatabase db, Guid letterId, string subject, string content, string answer)
    {
        await using var scope = db.Scope();
        var outcome = await db.Get<PublishLetter>(scope).HandleAsync(new(letterId, subject, content, answer), Officer);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
    }

    /// <summary>A catalog item of the city government, published; its 索引号.</summary>
    public static async Task<string> CatalogItemAsync(TestDatabase db, string title)
    {
        var item = await Catalog.CatalogWorkflowTests.SubmittedAsync(db, Catalog.CatalogWorkflowTests.Notice(title));
        await using var scope = db.Scope();
        var reviewer = StaffScope.System with { DisplayName = "审核", Roles = new HashSet<string> { StaffRole.CatalogReviewer } };
        var published = await db.Get<App.Catalog.PublishCatalogItem>(scope).HandleAsync(new(item.Id), reviewer);
        Assert.True(published.Succeeded, string.Join("; ", published.Problems));
        return published.Value!.IndexNumber!;
    }

    /// <summary>A letter written, answered and published with the same texts.</summary>
    public static async Task<WriteLetter.Receipt> PublishedAsync(TestDatabase db, string mailbox, string subject, string content, string answer,
        LetterType type = LetterType.Consultation)
    {
        var receipt = await WriteAsync(db, mailbox, Request(subject, content, type));
        await AnswerAsync(db, receipt.Id, answer);
        await PublishAsync(db, receipt.Id, subject, content, answer);
        return receipt;
    }
}
