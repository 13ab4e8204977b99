using Microsoft.EntityFrameworkCore;

namespace Gongkai.App.Units;

/// <summary>
/// The one order of units on every page and list: the tree — a parent before its children, siblings by
/// <see cref="Unit.SortOrder"/> (then name). A unit whose parent is not among those given starts a tree of its own
/// (a subtree in an account's scope); such tops come shallowest first, then by their sort order.
/// </summary>
public static class UnitOrder
{
    /// <summary>The units in tree order, for items that carry a unit's id, parent, depth (its path), sort order and name.</summary>
    public static IReadOnlyList<T> InTreeOrder<T>(this IEnumerable<T> units, Func<T, Guid> id, Func<T, Guid?> parent, Func<T, string> path,
        Func<T, int> sortOrder, Func<T, string> name)
    {
        var list = units.ToList();
        var ids = list.Select(id).ToHashSet();
        var byParent = list.ToLookup(u => parent(u) is { } p && ids.Contains(p) ? p : Guid.Empty);
        IEnumerable<T> Siblings(Guid of) => of == Guid.Empty
            ? byParent[of].OrderBy(u => Core.Units.UnitPath.Depth(path(u))).ThenBy(sortOrder).ThenBy(name, StringComparer.Ordinal)
            : byParent[of].OrderBy(sortOrder).ThenBy(name, StringComparer.Ordinal);
        IEnumerable<T> Walk(Guid of) => Siblings(of).SelectMany(u => Walk(id(u)).Prepend(u));
        return [.. Walk(Guid.Empty)];
    }

    /// <summary>The units in tree order.</summary>
    public static IReadOnlyList<Unit> InTreeOrder(this IEnumerable<Unit> units) =>
        units.InTreeOrder(u => u.Id, u => u.ParentId, u => u.Path, u => u.SortOrder, u => u.FullName);

    /// <summary>Reads the units of <paramref name="units"/> (a query already narrowed, e.g. to a scope) and puts them in tree order.</summary>
    /// Only the naming columns are read (id, parent, path, order, names, code, kind), not the guide texts.
    public static async Task<IReadOnlyList<Unit>> InTreeOrderAsync(this IQueryable<Unit> units, CancellationToken ct = default) =>
        (await units.AsNoTracking().Select(u => new Unit
        {
            Id = u.Id, ParentId = u.ParentId, Path = u.Path, SortOrder = u.SortOrder, FullName = u.FullName, ShortName = u.ShortName, Code = u.Code, Kind = u.Kind,
        }).ToListAsync(ct)).InTreeOrder();
}
