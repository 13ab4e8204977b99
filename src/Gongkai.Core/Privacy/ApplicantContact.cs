namespace Gongkai.Core.Privacy;

/// <summary>
/// An applicant's identity and contact details (证件号码, 电话, 电子邮箱, 地址, 邮编), as a staff member may see them:
/// in full to the roles that handle applications, masked to every other role — a 信息发布 or 督查 account needs to know
/// that an application exists and how it is going, not how to reach the person who made it
/// (《个人信息保护法》第六条: no more than the purpose needs).
/// </summary>
public sealed record ApplicantContact(string IdNumber, string Phone, string Email, string Address, string PostalCode, bool Masked)
{
    /// <summary>The same details with only enough left to tell two applicants apart.</summary>
    public ApplicantContact Mask() => Masked ? this
        : new(Keep(IdNumber, 3, 2), Keep(Phone, 3, 4), MaskEmail(Email), Address.Length <= 6 ? Address : Address[..6] + "……",
            Keep(PostalCode, 2, 0), true);

    /// <summary>Keeps the first and last characters, stars in between (all stars when the value is too short to keep any).</summary>
    private static string Keep(string value, int head, int tail) => value.Length == 0 ? ""
        : value.Length <= head + tail + 2 ? new string('*', value.Length)
        : string.Concat(value.AsSpan(0, head), new string('*', value.Length - head - tail), value.AsSpan(value.Length - tail));

    private static string MaskEmail(string value)
    {
        var at = value.IndexOf('@');
        return at <= 0 ? Keep(value, 0, 0) : string.Concat(value.AsSpan(0, 1), "***", value.AsSpan(at));
    }
}
