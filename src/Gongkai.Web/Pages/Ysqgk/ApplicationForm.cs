using Gongkai.Core.Applications;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Gongkai.Web.Pages.Ysqgk;

/// <summary>The fields of an application as a form posts them (public online form and the office's record form).</summary>
public sealed class ApplicationForm
{
    public string UnitCode { get; set; } = "";
    public ApplicantKind ApplicantKind { get; set; }
    public string ApplicantName { get; set; } = "";
    public string ContactPerson { get; set; } = "";
    public IdDocumentType IdType { get; set; }
    public string IdNumber { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Address { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Description { get; set; } = "";
    public InformationForm Form { get; set; } = InformationForm.Electronic;
    public DeliveryMethod Delivery { get; set; } = DeliveryMethod.Email;

    public ApplicationRequest ToRequest() => new()
    {
        ApplicantKind = ApplicantKind,
        ApplicantName = ApplicantName ?? "",
        ContactPerson = ContactPerson ?? "",
        IdType = IdType,
        IdNumber = IdNumber ?? "",
        Phone = Phone ?? "",
        Email = Email ?? "",
        Address = Address ?? "",
        PostalCode = PostalCode ?? "",
        Description = Description ?? "",
        Form = Form,
        Delivery = Delivery,
    };

    public static IEnumerable<SelectListItem> ApplicantKinds =>
        Enum.GetValues<ApplicantKind>().Select(k => new SelectListItem(k.IsOrganisation() ? $"法人或其他组织：{k.ChineseName()}" : k.ChineseName(), k.ToString()));

    public static IEnumerable<SelectListItem> IdTypes => Enum.GetValues<IdDocumentType>().Select(t => new SelectListItem(t.ChineseName(), t.ToString()));
    public static IEnumerable<SelectListItem> Forms => Enum.GetValues<InformationForm>().Select(f => new SelectListItem(f.ChineseName(), f.ToString()));
    public static IEnumerable<SelectListItem> Deliveries => Enum.GetValues<DeliveryMethod>().Select(d => new SelectListItem(d.ChineseName(), d.ToString()));
}
