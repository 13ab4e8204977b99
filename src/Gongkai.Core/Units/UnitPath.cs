namespace Gongkai.Core.Units;

/// <summary>
/// Where a unit sits in the tree, as the ids from the root down (<c>/root/child/unit/</c>). A staff account may act
/// only inside its own unit's subtree; the subtree of a unit is every unit whose path starts with its path, which
/// both databases answer with one indexed prefix query.
/// </summary>
public static class UnitPath
{
    public const string Root = "/";

    public static string Of(string? parentPath, Guid id) => (parentPath ?? Root) + id.ToString("N") + "/";

    /// <summary>The ids of the top unit down to this one, from its path (<c>/top/…/unit/</c>).</summary>
    public static List<Guid> Ids(string path) =>
        [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParseExact(s, "N", out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty)];

    /// <summary>Whether the unit at <paramref name="path"/> is <paramref name="scopePath"/>'s unit or below it.</summary>
    public static bool IsWithin(string path, string scopePath) => path.StartsWith(scopePath, StringComparison.Ordinal);

    /// <summary>How many levels below the top the unit is (the top unit is 0).</summary>
    public static int Depth(string path) => path.Count(c => c == '/') - 2;

    /// <summary>The path a unit gets when its subtree moves from <paramref name="oldPrefix"/> to <paramref name="newPrefix"/>.</summary>
    public static string Move(string path, string oldPrefix, string newPrefix) =>
        IsWithin(path, oldPrefix) ? newPrefix + path[oldPrefix.Length..] : path;
}
