using Gongkai.App.Accounts;
using Gongkai.App.Data;
using Gongkai.App.Demo;
using Gongkai.Core.Accounts;
using Gongkai.Core.Cases;
using Gongkai.Tests.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Cases;

/// <summary>Test data for cases: a valid pending suit that each test changes where it matters, and staff of a demo unit.</summary>
public static class CaseBuilder
{
    public static CaseDetails Suit(string number = "（2024）青0102行初45号") => new()
    {
        Kind = CaseKind.DirectSuit,
        CaseNumber = number,
        ReviewingBody = "青岚市映月区人民法院",
        FiledOn = new DateOnly(2024, 3, 4),
    };

    /// <summary>A staff member of the demo unit <paramref name="unitKey"/> holding <paramref name="roles"/> (依申请办理 by default).</summary>
    public static async Task<StaffScope> StaffOfAsync(TestDatabase test, string unitKey, params string[] roles)
    {
        await using var scope = test.Scope();
        var code = SeedDemoData.CodeOf(unitKey);
        var path = await test.Get<GongkaiDb>(scope).Units.Where(u => u.Code == code).Select(u => u.Path).SingleAsync();
        return new StaffScope($"{unitKey}-staff", $"{unitKey}办理人员", path,
            new HashSet<string>(roles.Length == 0 ? [StaffRole.ApplicationsOfficer] : roles));
    }
}
