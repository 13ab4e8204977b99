using Gongkai.Core.Applications;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Gongkai.Web.Pages.Ysqgk;

/// <summary>The choices of the application form (条例第二十九条), shared by the public form and the office's record form.</summary>
public static class ApplicationChoices
{
    /// <summary>A blank request for a new form; the use case checks what comes back.</summary>
    public static ApplicationRequest Blank() => new()
    {
        ApplicantKind = ApplicantKind.NaturalPerson,
        ApplicantName = "",
        IdType = IdDocumentType.ResidentIdCard,
        IdNumber = "",
        Description = "",
        Form = InformationForm.Electronic,
        Delivery = DeliveryMethod.Email,
    };

    public static IEnumerable<SelectListItem> ApplicantKinds =>
        Enum.GetValues<ApplicantKind>().Select(k => new SelectListItem(k.IsOrganisation() ? $"法人或其他组织：{k.ChineseName()}" : k.ChineseName(), k.ToString()));

    public static IEnumerable<SelectListItem> IdTypes => Enum.GetValues<IdDocumentType>().Select(t => new SelectListItem(t.ChineseName(), t.ToString()));
    public static IEnumerable<SelectListItem> Forms => Enum.GetValues<InformationForm>().Select(f => new SelectListItem(f.ChineseName(), f.ToString()));
    public static IEnumerable<SelectListItem> Deliveries => Enum.GetValues<DeliveryMethod>().Select(d => new SelectListItem(d.ChineseName(), d.ToString()));
}
