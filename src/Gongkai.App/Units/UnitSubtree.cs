using System.Linq.Expressions;
using Gongkai.App.Accounts;

namespace Gongkai.App.Units;

/// <summary>A record that belongs to one unit: an application, a letter, a catalog item, a case, an account …</summary>
public interface IUnitOwned
{
    Unit Unit { get; }
}

/// <summary>
/// The one query filter for "a unit and everything below it" (unit paths are prefixes of their descendants' paths, see
/// <see cref="Core.Units.UnitPath"/>). Every list and look-up a staff account makes goes through it with the
/// account's <see cref="StaffScope"/>; public pages use it with the unit a visitor chose.
/// </summary>
public static class UnitSubtree
{
    /// <summary>Records of the unit at <paramref name="path"/> and of the units below it.</summary>
    public static IQueryable<T> Within<T>(this IQueryable<T> records, string path) where T : class, IUnitOwned =>
        records.Where(r => r.Unit.Path.StartsWith(path));

    /// <summary>Records the actor may see and act on.</summary>
    public static IQueryable<T> Within<T>(this IQueryable<T> records, StaffScope actor) where T : class, IUnitOwned =>
        records.Within(actor.ScopePath);

    /// <summary>
    /// Records whose other unit (<paramref name="unit"/>: a letter's mailbox, say) is the unit at <paramref name="path"/>
    /// or below it.
    /// </summary>
    public static IQueryable<T> Within<T>(this IQueryable<T> records, Expression<Func<T, Unit>> unit, string path)
    {
        Expression<Func<string>> captured = () => path; // a parameter, not a constant: one query plan for every path
        var startsWith = Expression.Call(Expression.Property(unit.Body, nameof(Unit.Path)), typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, captured.Body);
        return records.Where(Expression.Lambda<Func<T, bool>>(startsWith, unit.Parameters));
    }

    /// <summary>The unit at <paramref name="path"/> and the units below it.</summary>
    public static IQueryable<Unit> Within(this IQueryable<Unit> units, string path) => units.Where(u => u.Path.StartsWith(path));
}
