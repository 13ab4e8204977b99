using Gongkai.App.Accounts;
using Gongkai.App.Demo;
using Gongkai.App.Letters;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;

namespace Gongkai.Tests.Letters;

/// <summary>Test data for the office side of letters: mailboxes, letters written on a given day, steps taken by the system operator.</summary>
public static class OfficeLetterBuilder
{
    public const string WriterName = "张三丰";
    public const string WriterPhone = "13812345678";
    public const string WriterEmail = "writer@example.com";

    public static LetterRequest Request(string subject = "小区门口道路积水问题", string content = "青岚大道安居路口每逢下雨积水严重，行人无法通行，请尽快疏通排水设施。",
        LetterType type = LetterType.Complaint) => new()
    {
        Type = type,
        Subject = subject,
        Content = content,
        Name = WriterName,
        Phone = WriterPhone,
        Email = WriterEmail,
        PublishConsent = true,
    };

    public static async Task OpenMailboxAsync(TestDatabase database, string unitKey, string name)
    {
        await using var scope = database.Scope();
        var outcome = await database.Get<SaveMailbox>(scope).HandleAsync(new(SeedDemoData.CodeOf(unitKey), name, $"{name}受理咨询、建议、投诉和求助。", true), StaffScope.System);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
    }

    /// <summary>A letter to the mailbox of <paramref name="unitKey"/>, received on <paramref name="day"/> (the clock is left there).</summary>
    public static async Task<WriteLetter.Receipt> WriteAsync(TestDatabase database, string unitKey, DateOnly day, LetterRequest? request = null)
    {
        database.Clock.SetToday(day);
        await using var scope = database.Scope();
        var outcome = await database.Get<WriteLetter>(scope).HandleAsync(SeedDemoData.CodeOf(unitKey), request ?? Request());
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Value!;
    }

    /// <summary>A step taken by the operator at the command line (whose scope is everything), on the clock's day.</summary>
    public static async Task StepAsync(TestDatabase database, Guid letter, LetterEventKind kind, string note = "", string? unitKey = null, int? days = null)
    {
        await using var scope = database.Scope();
        var outcome = await database.Get<RecordLetterStep>(scope).HandleAsync(
            new(letter, kind, note, days, UnitCode: unitKey is null ? null : SeedDemoData.CodeOf(unitKey)), StaffScope.System);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
    }
}
