using Gongkai.App.Units;
using Gongkai.Core.Units;

namespace Gongkai.Web.Areas.Office.Pages.Units;

/// <summary>One line of the office's unit list.</summary>
public sealed record UnitRow(Guid Id, Guid? ParentId, string Path, string Code, string FullName, UnitKind Kind)
{
    /// <summary>The units of a query as rows, in the one tree order (<see cref="UnitOrder"/>).</summary>
    public static async Task<IReadOnlyList<UnitRow>> InTreeOrderAsync(IQueryable<Unit> units) =>
        [.. (await units.InTreeOrderAsync()).Select(u => new UnitRow(u.Id, u.ParentId, u.Path, u.Code, u.FullName, u.Kind))];
}
