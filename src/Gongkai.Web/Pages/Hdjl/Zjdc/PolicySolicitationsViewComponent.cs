using Gongkai.App.Participation.Solicitations;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.Web.Pages.Hdjl.Zjdc;

/// <summary>On a catalog item's public page: the solicitations of opinions held on the draft of this policy, with their feedback.</summary>
public class PolicySolicitationsViewComponent(PublicSolicitations solicitations) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string indexNumber) =>
        View("~/Pages/Hdjl/Zjdc/_PolicySolicitations.cshtml", await solicitations.ForPolicyAsync(indexNumber, HttpContext.RequestAborted));
}
