namespace Gongkai.Core.Privacy;

/// <summary>
/// Contact details as a staff member who does not handle the case sees them (《个人信息保护法》第六条: no more than
/// the purpose needs): only enough left to tell two people apart. Shared by applicants and letter writers.
/// </summary>
public static class ContactMask
{
    /// <summary>Keeps the first and last characters, stars in between (all stars when the value is too short to keep any).</summary>
    public static string Keep(string value, int head, int tail) => value.Length == 0 ? ""
        : value.Length <= head + tail + 2 ? new string('*', value.Length)
        : string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));

    /// <summary>138****5678.</summary>
    public static string Phone(string value) => Keep(value, 3, 4);

    /// <summary>z***@example.com.</summary>
    public static string Email(string value)
    {
        var at = value.IndexOf('@');
        return at <= 0 ? Keep(value, 0, 0) : string.Concat(value.AsSpan(0, 1), "***", value.AsSpan(at));
    }
}

/// <summary>A letter writer's name and contact as a staff member may see them: in full to the letter handlers, masked (张**, 138****5678) to the others.</summary>
public sealed record WriterContact(string Name, string Phone, string Email, bool Masked)
{
    public WriterContact Mask() => Masked ? this : new(NameMask.Mask(Name), ContactMask.Phone(Phone), ContactMask.Email(Email), true);
}
