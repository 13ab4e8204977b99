using Gongkai.App.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Ysqgk;

/// <summary>What 申请须知 says about where to ask: the receiving unit's disclosure office and its guide.</summary>
public static class ApplyGuide
{
    public sealed record Office(string UnitName, string UnitCode, string OfficeName, string Address, string Hours, string Phone);

    public static async Task<Office?> OfficeAsync(GongkaiDb db, string unitCode) =>
        await db.Units.AsNoTracking().Where(u => u.Code == unitCode)
            .Select(u => new Office(u.FullName, u.Code, u.OfficeName, u.OfficeAddress, u.OfficeHours, u.Phone)).SingleOrDefaultAsync();
}
