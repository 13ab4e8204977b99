using Gongkai.Core.Units;

namespace Gongkai.Web.Areas.Office.Pages.Units;

/// <summary>One line of the office's unit list.</summary>
public sealed record UnitRow(Guid Id, Guid? ParentId, string Path, string Code, string FullName, UnitKind Kind)
{
    /// <summary>Parents before their children, siblings in their set order (the input's order).</summary>
    public static IEnumerable<UnitRow> InTreeOrder(IReadOnlyList<UnitRow> rows)
    {
        var ids = rows.Select(r => r.Id).ToHashSet();
        var byParent = rows.ToLookup(r => r.ParentId is { } p && ids.Contains(p) ? p : Guid.Empty);
        IEnumerable<UnitRow> Walk(Guid parent) => byParent[parent].SelectMany(r => Walk(r.Id).Prepend(r));
        return Walk(Guid.Empty);
    }
}
