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
        : new(ContactMask.Keep(IdNumber, 3, 2), ContactMask.Phone(Phone), ContactMask.Email(Email), Address.Length <= 6 ? Address : Address[..6] + "……",
            ContactMask.Keep(PostalCode, 2, 0), true);
}
