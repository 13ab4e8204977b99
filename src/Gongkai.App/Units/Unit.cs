using Gongkai.Core.Units;

namespace Gongkai.App.Units;

/// <summary>A 行政机关 in the jurisdiction tree, with the public data of its 政府信息公开指南.</summary>
public class Unit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? ParentId { get; set; }
    public Unit? Parent { get; set; }

    /// <summary>Ids from the top unit down to this one; see <see cref="UnitPath"/>.</summary>
    public string Path { get; set; } = "";

    public string FullName { get; set; } = "";
    public string ShortName { get; set; } = "";

    /// <summary>组织机构代码 or 统一社会信用代码, stored as <see cref="OrganisationCode.Value"/>.</summary>
    public string Code { get; set; } = "";
    public UnitKind Kind { get; set; }
    public int SortOrder { get; set; }

    public string OfficeName { get; set; } = "";
    public string OfficeAddress { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string OfficeHours { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Fax { get; set; } = "";
    public string WebContact { get; set; } = "";

    /// <summary>When the details the 政府信息公开指南 shows last changed (set by <see cref="SaveUnit"/>); null before the first change.</summary>
    public DateTime? DetailsChangedAt { get; set; }

    /// <summary>When staff last confirmed the unit's 指南 is current (第五十三条: a guide not updated in time is a violation).</summary>
    public DateTime? GuideReviewedAt { get; set; }

    public UnitDetails Details() => new()
    {
        FullName = FullName,
        ShortName = ShortName,
        Code = Code,
        Kind = Kind,
        OfficeName = OfficeName,
        OfficeAddress = OfficeAddress,
        PostalCode = PostalCode,
        OfficeHours = OfficeHours,
        Phone = Phone,
        Fax = Fax,
        WebContact = WebContact,
    };

    /// <summary>Copies validated details onto the unit, trimmed and with the code in its stored form.</summary>
    public void Apply(UnitDetails details)
    {
        FullName = details.FullName.Trim();
        ShortName = details.ShortName.Trim();
        Code = OrganisationCode.Parse(details.Code).Value;
        Kind = details.Kind;
        OfficeName = details.OfficeName.Trim();
        OfficeAddress = details.OfficeAddress.Trim();
        PostalCode = details.PostalCode.Trim();
        OfficeHours = details.OfficeHours.Trim();
        Phone = details.Phone.Trim();
        Fax = details.Fax.Trim();
        WebContact = details.WebContact.Trim();
    }
}
