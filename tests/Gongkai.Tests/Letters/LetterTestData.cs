using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.App.Letters;
using Gongkai.Core.Accounts;
using Gongkai.Core.Letters;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Letters;

/// <summary>Test data for letters: mailboxes of demo units, a valid letter each test changes where it matters, staff.</summary>
public static class LetterTestData
{
    public static LetterRequest Letter(string subject = "小区门口路灯损坏", LetterType type = LetterType.Consultation, string? content = null) => new()
    {
        Type = type,
        Subject = subject,
        Content = content ?? $"{subject}：青岚大道与望山路交叉口北侧的路灯已经三周不亮，夜间行人很不安全，请问由哪个部门负责维修？",
        Name = "张三丰",
        Phone = "13912345678",
        Email = "zhang@example.cn",
        PublishConsent = true,
    };

    /// <summary>Opens a mailbox for each demo unit named (市长信箱 for the city).</summary>
    public static async Task OpenMailboxesAsync(TestDatabase test, params string[] unitKeys)
    {
        await using var scope = test.Scope();
        var db = test.Get<GongkaiDb>(scope);
        foreach (var key in unitKeys)
        {
            var code = SeedDemoData.CodeOf(key);
            var unit = await db.Units.SingleAsync(u => u.Code == code);
            db.Mailboxes.Add(new Mailbox { UnitId = unit.Id, Name = key == "city" ? "市长信箱" : $"{unit.ShortName}信箱", IsOpen = true });
        }
        await db.SaveChangesAsync();
    }

    public static async Task<StaffScope> StaffAsync(TestDatabase test, string unitKey, params string[] roles)
    {
        await using var scope = test.Scope();
        var code = SeedDemoData.CodeOf(unitKey);
        var path = await test.Get<GongkaiDb>(scope).Units.Where(u => u.Code == code).Select(u => u.Path).SingleAsync();
        return new StaffScope($"{unitKey}-letters", $"{unitKey}互动交流", path,
            new HashSet<string>(roles.Length == 0 ? [StaffRole.LettersOfficer] : roles));
    }

    public static async Task<WriteLetter.Receipt> WriteAsync(TestDatabase test, string unitKey, LetterRequest? request = null)
    {
        await using var scope = test.Scope();
        var outcome = await test.Get<WriteLetter>(scope).HandleAsync(SeedDemoData.CodeOf(unitKey), request ?? Letter());
        Assert.True(outcome.Succeeded, string.Join("；", outcome.Problems));
        return outcome.Value!;
    }

    public static async Task StepAsync(TestDatabase test, StaffScope actor, Guid id, LetterEventKind kind, string note = "", string? unitKey = null, int? days = null)
    {
        await using var scope = test.Scope();
        var outcome = await test.Get<RecordLetterStep>(scope).HandleAsync(
            new RecordLetterStep.Input(id, kind, note, days, UnitCode: unitKey is null ? null : SeedDemoData.CodeOf(unitKey)), actor);
        Assert.True(outcome.Succeeded, $"{kind}: {string.Join("；", outcome.Problems)}");
    }

    /// <summary>Accepts, answers and approves a letter as the mailbox office would handle it itself (即办).</summary>
    public static async Task AnswerAsync(TestDatabase test, StaffScope office, Guid id, string answer = "经核实，该路段路灯由市城市管理局负责维护，已安排维修，预计本周内修复。")
    {
        await StepAsync(test, office, id, LetterEventKind.Accepted);
        await StepAsync(test, office, id, LetterEventKind.AnswerSubmitted, answer);
        await StepAsync(test, office, id, LetterEventKind.Answered);
    }

    public static async Task<Letter> LoadAsync(TestDatabase test, Guid id)
    {
        await using var scope = test.Scope();
        return await test.Get<GongkaiDb>(scope).Letters.AsNoTracking().Include(l => l.Log).SingleAsync(l => l.Id == id);
    }
}
