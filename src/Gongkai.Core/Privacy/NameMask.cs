namespace Gongkai.Core.Privacy;

/// <summary>A person's name as a published letter shows it: the family name kept, every other character a star (张**).</summary>
public static class NameMask
{
    public static string Mask(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
            return "匿名";
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(trimmed);
        elements.MoveNext();
        var first = (string)elements.Current;
        var rest = 0;
        while (elements.MoveNext())
            rest++;
        return first + new string('*', Math.Max(rest, 1));
    }
}
