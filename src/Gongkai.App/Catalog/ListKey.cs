namespace Gongkai.App.Catalog;

/// <summary>
/// An item's place in the office list: unpublished items (no publication date) first, newest id first; then the
/// published by publication date, newest first, and by id within a day. Written in addresses as "u.{id}" or "p.{date}.{id}".
/// </summary>
public readonly record struct ListKey(DateOnly? PublishedOn, Guid Id) : IComparable<ListKey>
{
    /// <summary>Negative when this item comes before <paramref name="other"/> in the list.</summary>
    public int CompareTo(ListKey other) => (PublishedOn, other.PublishedOn) switch
    {
        (null, null) => other.Id.CompareTo(Id),
        (null, _) => -1,
        (_, null) => 1,
        var (a, b) when a != b => b!.Value.CompareTo(a!.Value),
        _ => other.Id.CompareTo(Id),
    };

    public override string ToString() => PublishedOn is { } day ? $"p.{day:yyyyMMdd}.{Id:N}" : $"u.{Id:N}";

    public static ListKey? Parse(string? text)
    {
        var parts = (text ?? "").Split('.');
        return parts switch
        {
            ["u", var id] when Guid.TryParseExact(id, "N", out var g) => new ListKey(null, g),
            ["p", var day, var id] when DateOnly.TryParseExact(day, "yyyyMMdd", out var d) && Guid.TryParseExact(id, "N", out var g) => new ListKey(d, g),
            _ => null,
        };
    }
}
